import Foundation
import GutBotCore

/// The interactive chat on a terminal: a prompt, line editing, history,
/// completion and slash-commands.
struct REPL {
    let engine: Engine
    /// The transcript `chat --record` started, if any.
    var recording: RecordingFile? = nil
    /// Whether lines are kept in the history file (`--no-history`, `GUTBOT_NO_HISTORY`).
    var keepsHistory = true
    static let prompt = "you> "

    /// The slash-commands, with what they do, for /help and completion.
    static let commands: [(name: String, help: String)] = [
        ("/help", "what gutbot can talk about, and these commands"),
        ("/topics", "the topics gutbot knows"),
        ("/why", "why the last reply was chosen: the top candidates and matched terms"),
    ] + RecordCommand.commands + [
        ("/quit", "leave (Ctrl-D works too)"),
    ]

    func run() {
        let state = XDGDirectories(environment: ProcessInfo.processInfo.environment).state
        let editor = LineEditor(historyPath: keepsHistory ? state.appendingPathComponent("history").path : nil,
                                completions: Self.commands.map(\.name) + engine.plugins.map(\.id))
        var session = Session(id: JSONLines.defaultSession)
        var last: Reply?
        var recording = self.recording
        Terminal.line("gutbot: questions about the gut, serotonin and mental health, answered from one article.")
        Terminal.line("I'm a program, not a clinician. Type /help for topics, /quit or Ctrl-D to leave.")
        if let recording { Terminal.line("Recording to \(recording.path). /stop to finish.") }
        while let line = editor.readLine(prompt: Self.prompt) {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            if text.hasPrefix("/") {
                editor.remember(line)
                if RecordCommand.handle(text, recording: &recording, session: &session, region: engine.safety.region) { continue }
                if !command(text, last: last) { break }
                continue
            }
            let reply = engine.reply(to: text, in: &session)
            // What someone says in a crisis stays out of the history file
            // (and out of the up-arrow), which others may see later.
            if reply.pluginID != Reply.safetyID { editor.remember(line) }
            last = reply
            Terminal.line(ReplyRenderer.text(reply) + "\n")
            recording?.append(message: text, reply: reply, rendered: ReplyRenderer.text(reply))
        }
        editor.close()
        Terminal.line("")
        Terminal.line("Take care.")
    }

    /// Runs a slash-command; `false` means leave.
    private func command(_ text: String, last: Reply?) -> Bool {
        let name = text.split(separator: " ").first.map(String.init) ?? text
        switch name.lowercased() {
        case "/quit", "/exit", "/bye":
            return false
        case "/help":
            Terminal.line(help())
        case "/topics":
            Terminal.line(topics())
        case "/why":
            Terminal.line(last.map(ReplyRenderer.why) ?? "Ask something first; then /why shows how the answer was chosen.")
        default:
            Terminal.line("Unknown command \(name). Commands: " + Self.commands.map(\.name).joined(separator: ", "))
        }
        return true
    }

    private func topics() -> String {
        engine.plugins.map { "  \($0.id): \($0.name) — \($0.summary)" }.joined(separator: "\n")
    }

    private func help() -> String {
        var lines = ["Ask a question in your own words. I answer from one article and say which section each answer comes from.", "", "Topics:"]
        lines.append(topics())
        lines.append("")
        lines.append("Commands:")
        lines += Self.commands.map { "  \($0.name)  \($0.help)" }
        lines.append("")
        lines.append("If you are in crisis, please contact your local emergency number or findahelpline.com.")
        lines.append("")
        // Says which safety data is in force, so a user can see it was not replaced.
        lines.append(engine.safety.originSummary)
        return lines.joined(separator: "\n")
    }
}
