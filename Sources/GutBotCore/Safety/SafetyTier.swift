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
