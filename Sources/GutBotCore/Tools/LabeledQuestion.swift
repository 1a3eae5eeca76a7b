/// One line of an evaluation set: a question and the plugins that may answer it.
public struct LabeledQuestion: Sendable, Equatable {
    /// The label for questions gutbot should not answer: the fallback is right.
    public static let outOfScope = "none"

    /// The 1-based line it was read from, for messages.
    public var line: Int
    /// Plugin ids any of which is a right answer, first the most expected;
    /// `["none"]` for an out-of-scope question. A label may name the intent
    /// too (`diet/fiber`): the question then also counts towards that
    /// intent's precision and recall.
    public var labels: [String]
    /// The question, as a user would type it.
    public var text: String

    /// A labeled question.
    public init(line: Int, labels: [String], text: String) {
        self.line = line
        self.labels = labels
        self.text = text
    }

    /// Whether the right answer is the fallback.
    public var isOutOfScope: Bool { labels.contains(Self.outOfScope) }
}
