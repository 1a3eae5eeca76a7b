import ArgumentParser
import GutBotCore

/// `gutbot eval FILE.tsv`: how well routing does on a labeled question set.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure routing on a labeled question set.",
        discussion: """
            FILE has one `labels<TAB>question` per line: labels are comma-separated plugin ids, any of which \
            is a right answer, or `none` when the fallback is the right answer. Blank lines and lines starting \
            with # are skipped; a malformed line is reported with its file and line and skipped. Each question \
            is asked in a fresh session. Prints overall, in-scope and out-of-scope accuracy, precision and \
            recall per plugin, a confusion matrix and the misrouted questions.
            """)

    @OptionGroup var options: BotOptions

    @Argument(help: "The labeled question set (TSV).")
    var file: String

    @Option(help: "List at most this many misrouted questions (default: all).")
    var misrouted: Int?

    @Flag(help: "Print one JSON object instead of the text report.")
    var json = false

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
            for label in question.labels where !known.contains(label) {
                Terminal.error("warning: \(file):\(question.line): label '\(label)' is not a loaded plugin")
            }
        }
        let outcomes = contents.questions.map { question in
            var session = Session(id: "eval")
            return RoutingOutcome(question, reply: engine.reply(to: question.text, in: &session))
        }
        let report = RoutingEvaluationReport(evaluation: RoutingEvaluation(outcomes), file: file,
                                             skipped: contents.problems.count, misroutedLimit: misrouted)
        Terminal.line(json ? report.json : report.text)
    }
}
