import ArgumentParser
import Foundation
import GutBotCore
import GutBotTools

/// `gutbot eval FILE.tsv`: how well routing does on a labeled question set.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure routing on a labeled question set.",
        discussion: """
            FILE has one `labels<TAB>question` per line: labels are comma-separated plugin ids, any of which \
            is a right answer, or `none` when the fallback is the right answer. Blank lines and lines starting \
            with # are skipped; a malformed line is reported with its file and line and skipped. Each question \
            is asked in a fresh session. Prints overall, in-scope and out-of-scope accuracy, precision and \
            recall per plugin, a confusion matrix and the misrouted questions. A label may name an intent \
            (`diet/fiber`); such questions also get precision, recall and F1 per intent. --min-accuracy, \
            --min-in-scope and --min-out-of-scope make the exit status 1 below a threshold, for CI.
            """)

    @OptionGroup var options: BotOptions

    @Argument(help: "The labeled question set (TSV).", completion: .file(extensions: ["tsv"]))
    var file: String

    @Option(help: "List at most this many misrouted questions (default: all).")
    var misrouted: Int?

    @Flag(help: "Print one JSON object instead of the text report.")
    var json = false

    @Option(
        help: ArgumentHelp(
            "Exit with status 1 when overall accuracy is below this (0 to 1, or a percentage such as 90%).",
            valueName: "fraction"))
    var minAccuracy: Threshold?

    @Option(help: ArgumentHelp("Exit with status 1 when in-scope accuracy is below this.", valueName: "fraction"))
    var minInScope: Threshold?

    @Option(help: ArgumentHelp("Exit with status 1 when out-of-scope accuracy is below this.", valueName: "fraction"))
    var minOutOfScope: Threshold?

    func validate() throws {
        if let misrouted, misrouted < 0 { throw ValidationError("--misrouted must be 0 or more") }
    }

    func run() throws {
        Terminal.ignoreBrokenPipes()
        let contents: LabeledQuestionFile.Contents
        do {
            contents = try LabeledQuestionFile.load(path: file)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode.failure
        }
        for problem in contents.problems {
            Terminal.error("warning: skipped \(problem)")
        }
        guard !contents.questions.isEmpty else {
            Terminal.error("error: \(file): no questions to evaluate")
            throw ExitCode.failure
        }
        let engine = try options.loadEngine()
        // A misspelt label would silently count every answer to its question as wrong.
        let known = Set(engine.plugins.map(\.id) + [LabeledQuestion.outOfScope, Reply.safetyID, Reply.fallbackID])
        for question in contents.questions {
            for label in question.labels {
                let parts = label.split(separator: "/", maxSplits: 1).map(String.init)
                if !known.contains(parts[0]) {
                    Terminal.error("warning: \(file):\(question.line): label '\(label)' is not a loaded plugin")
                } else if parts.count == 2, engine.plugin(withID: parts[0])?.intent(withID: parts[1]) == nil {
                    Terminal.error("warning: \(file):\(question.line): label '\(label)' is not an intent of a loaded plugin")
                }
            }
        }
        let outcomes = contents.questions.map { question in
            var session = Session(id: "eval")
            return RoutingOutcome(question, reply: engine.reply(to: question.text, in: &session))
        }
        let report = RoutingEvaluationReport(
            evaluation: RoutingEvaluation(outcomes), file: file,
            skipped: contents.problems.count, misroutedLimit: misrouted)
        Terminal.line(json ? report.json : report.text)
        // A gate for CI: every threshold given is checked and every miss reported.
        let evaluation = report.evaluation
        let gates: [(String, Threshold?, RoutingEvaluation.Score)] = [
            ("overall accuracy", minAccuracy, evaluation.overall),
            ("in-scope accuracy", minInScope, evaluation.inScope),
            ("out-of-scope accuracy", minOutOfScope, evaluation.outOfScope),
        ]
        var failed = false
        for (name, threshold, score) in gates {
            guard let threshold else { continue }
            let accuracy = score.accuracy ?? 0
            if accuracy < threshold.fraction {
                Terminal.error("eval: \(name) \(String(format: "%.1f%%", accuracy * 100)) is below the minimum \(threshold)")
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}

/// A minimum accuracy: a fraction from 0 to 1, or a percentage ("90%").
struct Threshold: ExpressibleByArgument, CustomStringConvertible {
    var fraction: Double

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        let isPercent = text.hasSuffix("%")
        guard let value = Double(isPercent ? String(text.dropLast()) : text), value.isFinite else { return nil }
        let fraction = isPercent ? value / 100 : value
        guard (0...1).contains(fraction) else { return nil }
        self.fraction = fraction
    }

    var description: String { String(format: "%.1f%%", fraction * 100) }
}
