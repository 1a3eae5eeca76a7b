/// Why the safety plugin intercepted a message: enough for logs and the JSON
/// protocol to say what fired without repeating the message.
public struct SafetyVerdict: Sendable, Equatable {
    /// The crisis category, such as `suicidal`, `self-harm`, `red-flag` or
    /// `retraction-check`.
    public var category: String
    /// How urgent the reply is: a ``SafetyTier`` raw value (`emergency`,
    /// `crisis` or `check`). Kept as text because it is a protocol field.
    public var tier: String
    /// The id of the rule that fired.
    public var rule: String

    /// A verdict with the given fields.
    public init(category: String, tier: String, rule: String) {
        self.category = category
        self.tier = tier
        self.rule = rule
    }
}
