import GutBotCore

/// Chat without a terminal: no prompt and no line editing, one reply per input
/// line, so `echo "does fiber help my mood" | gutbot` works.
enum PipeChat {
    /// The most bytes of one line read: every character the engine reads
    /// (``Engine/readLimit``), however many bytes each takes.
    static let lineLimit = Engine.readLimit * 4

    static func run(engine: Engine, recording: RecordingFile? = nil) {
        var session = Session(id: JSONLines.defaultSession)
        InputLines.forEach(limit: lineLimit) { input in
            // Invalid UTF-8 is repaired, never fatal.
            // A line cut short here is longer than the engine reads anyway
            // (in bytes; the engine's note says so when it is in characters too).
            let line = String(decoding: input.bytes, as: UTF8.self)
            let reply = engine.reply(to: line, in: &session)
            let text = ReplyRenderer.text(reply)
            Terminal.line(text)
            recording?.append(message: line, reply: reply, rendered: text)
        }
    }
}
