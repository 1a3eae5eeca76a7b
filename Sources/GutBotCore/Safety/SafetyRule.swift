import Foundation

/// One way a crisis shows in text: a category, an urgency tier, and the
/// patterns (over ``SafetyText`` output) that reveal it.
public struct SafetyRule: Sendable {
    /// Stable id, reported in verdicts and logs.
    public var id: String
    /// The crisis category.
    public var category: String
    /// `emergency` or `crisis`.
    public var tier: String
    /// Compiled patterns; any one firing is enough.
    public var patterns: [NSRegularExpression]

    /// The first pattern that matches `text`, if any.
    public func matches(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        return patterns.contains { $0.firstMatch(in: text, range: range) != nil }
    }
}
