/// What the engine did with one labeled question.
public struct RoutingOutcome: Sendable, Equatable {
    /// The plugins that may answer; `["none"]` when the fallback is right.
    public var labels: [String]
    /// The plugin that answered: a topic id, `safety` or `fallback`.
    public var answered: String
    /// The intent that answered, if any.
    public var intentID: String?
    /// The router's confidence in its answer.
    public var confidence: Double
    /// The question asked.
    public var question: String
    /// The line of the set it came from.
    public var line: Int?

    /// An outcome; only `labels` and `answered` matter to the metrics.
    public init(labels: [String], answered: String, intentID: String? = nil, confidence: Double = 0,
                question: String = "", line: Int? = nil) {
        self.labels = labels
        self.answered = answered
        self.intentID = intentID
        self.confidence = confidence
        self.question = question
        self.line = line
    }

    /// The outcome of asking `question` and getting `reply`.
    public init(_ question: LabeledQuestion, reply: Reply) {
        self.init(labels: question.labels, answered: reply.pluginID, intentID: reply.intentID,
                  confidence: reply.confidence, question: question.text, line: question.line)
    }

    /// Whether gutbot asked which of two topics was meant; the answer is
    /// then filed under its better guess, and scored as that.
    public var isClarification: Bool { intentID == Reply.clarifyIntent }

    /// Whether the fallback is the right answer.
    public var isOutOfScope: Bool { labels.contains(LabeledQuestion.outOfScope) }

    /// Whether the answer was right: a labeled plugin answered, or the
    /// fallback answered an out-of-scope question.
    public var isCorrect: Bool { expectedLabels.contains(answered) }

    /// The class this question is scored under: the answering plugin when it
    /// is one of the labels, else the first label. That way a question with
    /// two right plugins counts once, on the diagonal when either answers.
    public var expected: String { isCorrect ? answered : (expectedLabels.first ?? Reply.fallbackID) }

    /// The labels as answering plugin ids: `none` means the fallback, and
    /// `diet/fiber` counts as `diet`.
    private var expectedLabels: [String] {
        labels.map { $0 == LabeledQuestion.outOfScope ? Reply.fallbackID : String($0.prefix { $0 != "/" }) }
    }

    /// The labels that name an intent, as `plugin/intent`.
    public var intentLabels: [String] { labels.filter { $0.contains("/") } }

    /// The answer as `plugin/intent` (or the plugin alone when no intent answered).
    public var answeredIntent: String { intentID.map { "\(answered)/\($0)" } ?? answered }

    /// For a question labeled with intents: the intent it is scored under,
    /// the answering one when it is a label, else the first intent label.
    public var expectedIntent: String? {
        let wanted = intentLabels
        guard let first = wanted.first else { return nil }
        return wanted.contains(answeredIntent) ? answeredIntent : first
    }
}
