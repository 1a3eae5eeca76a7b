import Foundation
import GutBotCore

/// The interactive chat on a terminal: a prompt, line editing, history,
/// completion and slash-commands, with replies wrapped to the terminal's width
/// and, when styling is on, a styled prompt, a dim source line and bold help lines.
struct REPL {
    var chat: ChatCommands
    /// The transcript `chat --record` started, if any.
    var recording: RecordingFile? = nil
    /// Whether to style output (see ``ColorChoice``).
    let styled: Bool
    /// Whether to wrap: only when output is a terminal.
    let wraps: Bool
    /// Whether lines are kept in the history file (`--no-history`, `GUTBOT_NO_HISTORY`).
    var keepsHistory = true

    static let prompt = "you> "

    /// The prompt, styled when styling is on. readline must be told which
    /// bytes take no room (between \u{1} and \u{2}) or it miscounts the line.
    var prompt: String {
        styled ? "\u{1}\(TextStyle.prompt.on)\u{2}you>\u{1}\(TextStyle.off)\u{2} " : Self.prompt
    }

    mutating func run() {
        let state = XDGDirectories(environment: ProcessInfo.processInfo.environment).state
        let editor = LineEditor(
            historyPath: keepsHistory ? state.appendingPathComponent("history").path : nil,
            completions: completions)
        var recording = self.recording
        say("gutbot \(GutBotVersion.current): questions about the gut, serotonin and mental health, answered from one article.")
        say("I'm a program, not a clinician. Type /help for topics and commands; quit, /quit or Ctrl-D leaves.")
        if let recording { say("Recording to \(recording.path). /stop to finish.") }
        loop: while let line = editor.readLine(prompt: prompt) {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            if text.hasPrefix("/") {
                if RecordCommand.handle(text, recording: &recording, session: &chat.session, region: chat.engine.safety.region) {
                    editor.remember(line)
                    continue
                }
                switch chat.run(text) {
                case .leave:
                    editor.remember(line)
                    break loop
                case .show(let blocks):
                    editor.remember(line)
                    for block in blocks { Terminal.line(block.rendered(width: width)) }
                    if text.lowercased().hasPrefix("/reload") { Completion.words = completions.sorted() }
                case .answer(let reply):
                    // Only the safety screen answers a command line, and crisis messages stay out of the history.
                    show(reply, to: text, recording: recording)
                }
                continue
            }
            let reply = chat.reply(to: text)
            // What someone says in a crisis or in distress stays out of the
            // history file (and out of the up-arrow), which others may see later.
            if reply.pluginID != Reply.safetyID, reply.pluginID != Reply.supportID { editor.remember(line) }
            show(reply, to: text, recording: recording)
            // "quit", "exit", "bye": answered (after the safety screen) and then gone.
            if reply.conversation == .leave {
                editor.close()
                return
            }
        }
        editor.close()
        Terminal.line("")
        say("Take care.")
    }

    /// Writes `reply`, wrapped and styled, and records the turn.
    private func show(_ reply: Reply, to text: String, recording: RecordingFile?) {
        Terminal.styledLine(ReplyRenderer.terminal(reply, width: width ?? Int.max, styled: styled) + "\n")
        recording?.append(message: text, reply: reply, rendered: ReplyRenderer.text(reply))
    }

    /// The width to wrap to, read afresh each time so a resize takes effect at once.
    private var width: Int? { wraps ? Terminal.width : nil }

    private var completions: [String] {
        chat.commands.map(\.name) + chat.engine.plugins.map(\.id)
    }

    private func say(_ text: String) {
        Terminal.line(width.map { TextWrapper.wrap(text, width: $0) } ?? text)
    }
}
