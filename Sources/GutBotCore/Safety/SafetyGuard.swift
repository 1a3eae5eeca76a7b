/// A harmless reading of words that crisis rules also look for ("this workout
/// is killing me", "dose of vitamin D", "I'm not suicidal"). A rule's match
/// that overlaps a guard's match is set aside; a risk statement elsewhere in the
/// same message still fires.
public struct SafetyGuard: Sendable {
    /// Stable id, for reading the data and for tests.
    public var id: String
    /// The harmless phrasings.
    public var patterns: SafetyPatterns

    /// A guard with the given fields.
    public init(id: String, patterns: SafetyPatterns) {
        self.id = id
        self.patterns = patterns
    }
}
