/// Why the safety plugin intercepted a message: enough for logs and the JSON
/// protocol to say what fired without repeating the message.
public struct SafetyVerdict: Sendable, Equatable {
    /// The crisis category, such as `suicidal`, `self-harm`, `red-flag` or
    /// `retraction-check`.
    public var category: String
    /// How urgent the reply is; the JSON protocol shows its raw value.
    public var tier: SafetyTier
    /// The id of the rule that fired (`net` when only the semantic net caught it).
    public var rule: String
    /// What caught the message.
    public var caughtBy: Catcher
    /// The cosine of the closest crisis line in the net, when the encoder could read the message.
    public var nearestCrisis: Double?

    /// What caught a message: rules decide category and tier where they fire.
    public enum Catcher: String, Sendable, Codable {
        /// A rule of `safety.yml`.
        case rule
        /// The semantic net alone: meaning close to crisis lines.
        case net
        /// The distress words of `wording.yml`, or distress lines in the net.
        case distress
    }

    /// A verdict with the given fields.
    public init(category: String, tier: SafetyTier, rule: String, caughtBy: Catcher = .rule, nearestCrisis: Double? = nil) {
        self.category = category
        self.tier = tier
        self.rule = rule
        self.caughtBy = caughtBy
        self.nearestCrisis = nearestCrisis
    }
}

/// How urgent a safety reply is. The tier decides what the reply leads with,
/// and when several rules fire, the most urgent one answers.
public enum SafetyTier: String, Sendable, CaseIterable, Comparable {
    /// Immediate danger (a plan with the means at hand, an overdose already
    /// taken, violence, red-flag symptoms with fainting): the reply leads with
    /// the emergency number.
    case emergency
    /// A crisis: the reply leads with care, then a crisis line.
    case crisis
    /// Only the semantic net caught it: meaning close to crisis lines, no
    /// rule fired. The reply asks gently whether the person is safe.
    case checkIn = "check-in"
    /// The one gentle check after a crisis message is taken back ("jk").
    case check
    /// Distress that is not a crisis: a warm reply that points to support.
    case distress

    /// Most urgent first, so sorting puts emergencies ahead.
    public static func < (lhs: SafetyTier, rhs: SafetyTier) -> Bool {
        rank(lhs) < rank(rhs)
    }

    private static func rank(_ tier: SafetyTier) -> Int {
        switch tier {
        case .emergency: return 0
        case .crisis: return 1
        case .checkIn: return 2
        case .check: return 3
        case .distress: return 4
        }
    }
}
