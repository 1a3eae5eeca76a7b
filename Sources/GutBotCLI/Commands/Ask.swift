import ArgumentParser
import GutBotCore

/// `gutbot ask "question"`: one reply, then exit.
struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Answer one question and exit.")

    @OptionGroup var options: BotOptions

    @Flag(help: "Print the reply as one JSON object, as `gutbot --json` would.")
    var json = false

    @Argument(help: "The question.")
    var question: [String]

    func run() throws {
        Terminal.ignoreBrokenPipes()
        let engine = try options.loadEngine()
        var session = Session(id: JSONLines.defaultSession)
        let reply = engine.reply(to: question.joined(separator: " "), in: &session)
        if json {
            Terminal.line(JSONLines.encode(JSONLines.Response(reply, session: session, withCandidates: false)))
        } else {
            Terminal.line(ReplyRenderer.text(reply))
        }
    }
}
