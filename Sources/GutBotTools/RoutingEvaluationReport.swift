import Foundation
import GutBotCore

/// A ``RoutingEvaluation`` written out for people (`gutbot eval`) or for
/// programs (`gutbot eval --json`).
public struct RoutingEvaluationReport: Sendable {
    /// The numbers.
    public var evaluation: RoutingEvaluation
    /// The set's path, as given.
    public var file: String
    /// Lines of the set that could not be read.
    public var skipped: Int
    /// How many misrouted questions to list; `nil` lists them all.
    public var misroutedLimit: Int?

    /// A report on `evaluation` of the set at `file`.
    public init(evaluation: RoutingEvaluation, file: String, skipped: Int = 0, misroutedLimit: Int? = nil) {
        self.evaluation = evaluation
        self.file = file
        self.skipped = skipped
        self.misroutedLimit = misroutedLimit
    }

    private var shownMisrouted: [RoutingOutcome] {
        let all = evaluation.misrouted
        return misroutedLimit.map { Array(all.prefix(max(0, $0))) } ?? all
    }

    /// The report as text: accuracies, per-plugin precision and recall, the
    /// confusion matrix, then the misrouted questions.
    public var text: String {
        var lines = [
            "evaluated \(evaluation.overall.total) questions from \(file)"
                + (skipped > 0 ? " (\(skipped) malformed line\(skipped == 1 ? "" : "s") skipped)" : "")
        ]
        for (label, score) in [
            ("overall accuracy:", evaluation.overall), ("in-scope accuracy:", evaluation.inScope),
            ("out-of-scope accuracy:", evaluation.outOfScope),
        ] {
            lines.append(Self.pad(label, 23) + Self.percent(score.accuracy) + "  (\(score.correct)/\(score.total))")
        }
        if evaluation.clarifications > 0 {
            lines.append(Self.pad("clarifying questions:", 23) + "\(evaluation.clarifications)  (each scored as its better guess)")
        }
        let classes = evaluation.classes
        let nameWidth = max(16, (classes.map { Self.rowName($0).count }.max() ?? 0) + 2)
        lines.append("")
        lines.append(Self.pad("per plugin", nameWidth + 2) + "precision   recall       F1  expected  answered")
        for score in evaluation.perClass {
            lines.append(Self.row(score, name: Self.rowName(score.id), width: nameWidth))
        }
        let perIntent = evaluation.perIntent
        if !perIntent.isEmpty {
            let intentWidth = max(16, (perIntent.map(\.id.count).max() ?? 0) + 2)
            lines.append("")
            lines.append(
                Self.pad("per intent", intentWidth + 2) + "precision   recall       F1  expected  answered"
                    + "  (questions labeled plugin/intent only)")
            for score in perIntent {
                lines.append(Self.row(score, name: score.id, width: intentWidth))
            }
        }
        lines.append("")
        lines.append("confusion matrix (rows: expected, columns: answered, numbered as the rows; '.' is 0)")
        let numberWidth = String(classes.count).count
        let cell = max(4, String(evaluation.overall.total).count + 1)
        lines.append(
            String(repeating: " ", count: numberWidth + 3 + nameWidth)
                + classes.indices.map { Self.left("\($0 + 1)", cell) }.joined())
        for (row, counts) in evaluation.confusion.enumerated() {
            lines.append(
                "  " + Self.left("\(row + 1)", numberWidth) + " " + Self.pad(Self.rowName(classes[row]), nameWidth)
                    + counts.map { Self.left($0 == 0 ? "." : "\($0)", cell) }.joined())
        }
        let misrouted = evaluation.misrouted
        let shown = shownMisrouted
        lines.append("")
        lines.append("misrouted: \(misrouted.count)" + (shown.count < misrouted.count ? " (showing \(shown.count))" : ""))
        for outcome in shown {
            let location = file + (outcome.line.map { ":\($0)" } ?? "")
            lines.append(
                "  \(location): expected \(outcome.labels.joined(separator: ",")), got "
                    + "\(outcome.answered)\(outcome.intentID.map { "/\($0)" } ?? "") (\(String(format: "%.2f", outcome.confidence))): \(outcome.question)"
            )
        }
        return lines.joined(separator: "\n")
    }

    /// The report as one JSON object with sorted keys; undefined ratios are null.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(Summary(self)), let text = String(data: data, encoding: .utf8) else {
            return #"{"error":"internal: could not encode the report"}"#
        }
        return text
    }

    private static func row(_ score: RoutingEvaluation.ClassScore, name: String, width: Int) -> String {
        "  " + pad(name, width) + left(percent(score.precision), 9) + left(percent(score.recall), 9)
            + left(percent(score.f1), 9) + left("\(score.expected)", 10) + left("\(score.answered)", 10)
    }

    /// `fallback` is the expected answer to `none` questions; say so where it is listed.
    private static func rowName(_ id: String) -> String {
        id == Reply.fallbackID ? "fallback (none)" : id
    }

    private static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }

    private static func ratio(_ value: Double?) -> Double? {
        value.map { ($0 * 10_000).rounded() / 10_000 }
    }

    /// The JSON shape. Optional values are ``AlwaysEncoded``, so every
    /// summary has the same keys.
    private struct Summary: Encodable {
        struct Score: Encodable {
            var total: Int, correct: Int
            @AlwaysEncoded var accuracy: Double?
        }
        struct Plugin: Encodable {
            var id: String, expected: Int, answered: Int, correct: Int
            @AlwaysEncoded var precision: Double?
            @AlwaysEncoded var recall: Double?
            @AlwaysEncoded var f1: Double?
            init(_ score: RoutingEvaluation.ClassScore) {
                id = score.id
                expected = score.expected
                answered = score.answered
                correct = score.correct
                precision = ratio(score.precision)
                recall = ratio(score.recall)
                f1 = ratio(score.f1)
            }
        }
        struct Confusion: Encodable {
            var classes: [String], rows: [[Int]]
        }
        struct Misrouted: Encodable {
            @AlwaysEncoded var line: Int?
            var question: String, labels: [String], plugin: String
            @AlwaysEncoded var intent: String?
            var confidence: Double
        }

        var file: String
        var skipped: Int
        var overall: Score
        var inScope: Score
        var outOfScope: Score
        var plugins: [Plugin]
        /// Per intent, over questions labeled `plugin/intent`; empty when none are.
        var intents: [Plugin]
        var confusion: Confusion
        var clarifications: Int
        var misroutedCount: Int
        var misrouted: [Misrouted]

        enum CodingKeys: String, CodingKey {
            case file, skipped, overall
            case inScope = "in_scope"
            case outOfScope = "out_of_scope"
            case plugins, intents, confusion
            case clarifications
            case misroutedCount = "misrouted_count"
            case misrouted
        }

        init(_ report: RoutingEvaluationReport) {
            let evaluation = report.evaluation
            func score(_ value: RoutingEvaluation.Score) -> Score {
                Score(total: value.total, correct: value.correct, accuracy: ratio(value.accuracy))
            }
            file = report.file
            skipped = report.skipped
            overall = score(evaluation.overall)
            inScope = score(evaluation.inScope)
            outOfScope = score(evaluation.outOfScope)
            plugins = evaluation.perClass.map(Plugin.init)
            intents = evaluation.perIntent.map(Plugin.init)
            confusion = Confusion(classes: evaluation.classes, rows: evaluation.confusion)
            clarifications = evaluation.clarifications
            misroutedCount = evaluation.misrouted.count
            misrouted = report.shownMisrouted.map {
                Misrouted(
                    line: $0.line, question: $0.question, labels: $0.labels, plugin: $0.answered,
                    intent: $0.intentID, confidence: (($0.confidence * 1000).rounded()) / 1000)
            }
        }
    }
}
