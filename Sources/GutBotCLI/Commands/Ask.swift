import ArgumentParser
import Foundation
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
        let text = question.joined(separator: " ")
        let reply: Reply
        if let command = ChatCommands.slashCommand(in: text) {
            // As in JSON: a slash-command is refused, never read as a question,
            // but the safety screen still answers a crisis in it.
            guard let safety = ChatCommands.safetyReply(to: command, engine: engine, session: &session) else {
                Terminal.error("error: ask takes a question; slash-commands such as /help work in the chat (run gutbot)")
                throw ExitCode.failure
            }
            reply = safety
        } else {
            reply = engine.reply(to: text, in: &session)
        }
        if json {
            Terminal.line(JSONLines.encode(JSONLines.Response(reply, session: session, withCandidates: false)))
        } else {
            Terminal.line(ReplyRenderer.text(reply))
        }
    }
}
