import GutBotCore

/// Routing quality over a labeled question set, computed from outcomes alone:
/// a pure value, so the numbers can be checked against a table done by hand.
///
/// Each question is scored under one expected class (see
/// ``RoutingOutcome/expected``), with out-of-scope questions expecting the
/// fallback; precision, recall and the confusion matrix all use that class.
public struct RoutingEvaluation: Sendable, Equatable {
    /// Questions and right answers in one group.
    public struct Score: Sendable, Equatable {
        /// Questions in the group.
        public var total: Int
        /// Those answered right.
        public var correct: Int

        /// A group of `total` questions, `correct` of them answered right.
        public init(total: Int, correct: Int) {
            self.total = total
            self.correct = correct
        }

        /// `correct / total`, or `nil` for an empty group.
        public var accuracy: Double? { total == 0 ? nil : Double(correct) / Double(total) }
    }

    /// One class's precision and recall.
    public struct ClassScore: Sendable, Equatable {
        /// A plugin id, `fallback` (expected for `none`) or `safety`.
        public var id: String
        /// Questions expecting it.
        public var expected: Int
        /// Questions it answered.
        public var answered: Int
        /// Questions it answered that expected it.
        public var correct: Int

        /// The scores of class `id`.
        public init(id: String, expected: Int, answered: Int, correct: Int) {
            self.id = id
            self.expected = expected
            self.answered = answered
            self.correct = correct
        }

        /// Of the questions it answered, the fraction that were its; `nil` when it answered none.
        public var precision: Double? { answered == 0 ? nil : Double(correct) / Double(answered) }
        /// Of the questions that were its, the fraction it answered; `nil` when none were.
        public var recall: Double? { expected == 0 ? nil : Double(correct) / Double(expected) }
        /// The harmonic mean of precision and recall; `nil` when either is undefined, 0 when both are 0.
        public var f1: Double? {
            guard let precision, let recall else { return nil }
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
    }

    /// Every outcome, in set order.
    public let outcomes: [RoutingOutcome]

    /// The evaluation of `outcomes`.
    public init(_ outcomes: [RoutingOutcome]) {
        self.outcomes = outcomes
    }

    /// All questions.
    public var overall: Score { score(outcomes) }
    /// Questions some plugin should answer.
    public var inScope: Score { score(outcomes.filter { !$0.isOutOfScope }) }
    /// Questions the fallback should answer.
    public var outOfScope: Score { score(outcomes.filter(\.isOutOfScope)) }

    /// Questions gutbot answered with a clarifying question between two topics.
    public var clarifications: Int { outcomes.filter(\.isClarification).count }

    /// Questions answered wrongly, in set order.
    public var misrouted: [RoutingOutcome] { outcomes.filter { !$0.isCorrect } }

    /// Every class expected or answered: topic plugins by id, then
    /// `fallback`, then `safety`, the order of the confusion matrix.
    public var classes: [String] {
        let all = Set(outcomes.map(\.expected) + outcomes.map(\.answered))
        let special = [Reply.fallbackID, Reply.safetyID]
        return all.subtracting(special).sorted() + special.filter(all.contains)
    }

    /// Precision and recall per class, in ``classes`` order.
    public var perClass: [ClassScore] {
        classes.map { id in
            ClassScore(
                id: id,
                expected: outcomes.filter { $0.expected == id }.count,
                answered: outcomes.filter { $0.answered == id }.count,
                correct: outcomes.filter { $0.expected == id && $0.answered == id }.count)
        }
    }

    /// Precision, recall and F1 per intent, over the questions whose labels
    /// name an intent (`diet/fiber`): every intent expected or answered there,
    /// sorted by id. Empty when no label names an intent.
    public var perIntent: [ClassScore] {
        let labeled = outcomes.filter { $0.expectedIntent != nil }
        let ids = Set(labeled.compactMap(\.expectedIntent) + labeled.map(\.answeredIntent)).sorted()
        return ids.map { id in
            ClassScore(
                id: id,
                expected: labeled.filter { $0.expectedIntent == id }.count,
                answered: labeled.filter { $0.answeredIntent == id }.count,
                correct: labeled.filter { $0.expectedIntent == id && $0.answeredIntent == id }.count)
        }
    }

    /// How many questions expecting `expected` were answered by `answered`.
    public func count(expected: String, answered: String) -> Int {
        outcomes.filter { $0.expected == expected && $0.answered == answered }.count
    }

    /// The confusion matrix: rows are expected classes, columns answering
    /// ones, both in ``classes`` order.
    public var confusion: [[Int]] {
        let classes = self.classes
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($0.element, $0.offset) })
        var matrix = Array(repeating: Array(repeating: 0, count: classes.count), count: classes.count)
        for outcome in outcomes {
            if let row = index[outcome.expected], let column = index[outcome.answered] { matrix[row][column] += 1 }
        }
        return matrix
    }

    private func score(_ group: [RoutingOutcome]) -> Score {
        Score(total: group.count, correct: group.filter(\.isCorrect).count)
    }
}

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
    public init(
        labels: [String], answered: String, intentID: String? = nil, confidence: Double = 0,
        question: String = "", line: Int? = nil
    ) {
        self.labels = labels
        self.answered = answered
        self.intentID = intentID
        self.confidence = confidence
        self.question = question
        self.line = line
    }

    /// The outcome of asking `question` and getting `reply`.
    public init(_ question: LabeledQuestion, reply: Reply) {
        self.init(
            labels: question.labels, answered: reply.pluginID, intentID: reply.intentID,
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
