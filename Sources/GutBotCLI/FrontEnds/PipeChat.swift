import Foundation
import GutBotCore

/// Chat without a terminal: no prompt and no line editing, one reply per input
/// line, so `echo "does fiber help my mood" | gutbot` works. Nothing is
/// wrapped; styling follows `--color` as in the REPL. Slash-commands work as in the REPL (those that need a
/// terminal are refused); a line starting with `/` is never read as a question.
enum PipeChat {
    /// The most bytes of one line read: every character the engine reads
    /// (``Engine/readLimit``), however many bytes each takes.
    static let lineLimit = Engine.readLimit * 4

    static func run(engine: Engine, options: BotOptions, styled: Bool, recording: RecordingFile? = nil) {
        var chat = ChatCommands(engine: engine, options: options, frontEnd: .pipe)
        InputLines.forEach(limit: lineLimit) { input in
            // Invalid UTF-8 is repaired, never fatal. A line cut short here is
            // longer than the engine reads anyway.
            let line = String(decoding: input.bytes, as: UTF8.self)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("/") {
                switch chat.run(trimmed) {
                case .leave: return false
                case .show(let blocks): for block in blocks { Terminal.line(block.rendered(width: nil)) }
                case .answer(let reply): show(reply, to: line, styled: styled, recording: recording)
                }
                return true
            }
            show(chat.reply(to: line), to: line, styled: styled, recording: recording)
            return true
        }
    }

    /// Writes `reply` to the message `line`, and records the turn.
    private static func show(_ reply: Reply, to line: String, styled: Bool, recording: RecordingFile?) {
        if styled {
            Terminal.styledLine(ReplyRenderer.terminal(reply, width: Int.max, styled: true))
        } else {
            Terminal.line(ReplyRenderer.text(reply))
        }
        recording?.append(message: line, reply: reply, rendered: ReplyRenderer.text(reply))
    }
}
