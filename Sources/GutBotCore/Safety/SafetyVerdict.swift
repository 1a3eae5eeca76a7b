/// Why the safety plugin intercepted a message: enough for logs and the JSON
/// protocol to say what fired without repeating the message.
public struct SafetyVerdict: Sendable, Equatable {
    /// The crisis category, such as `suicidal`, `self-harm`, `red-flag` or
    /// `retraction-check`.
    public var category: String
    /// How urgent the reply is: a ``SafetyTier`` raw value (`emergency`,
    /// `crisis`, `check-in`, `check` or `distress`). Kept as text because it is a protocol field.
    public var tier: String
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
    public init(category: String, tier: String, rule: String, caughtBy: Catcher = .rule, nearestCrisis: Double? = nil) {
        self.category = category
        self.tier = tier
        self.rule = rule
        self.caughtBy = caughtBy
        self.nearestCrisis = nearestCrisis
    }
}
