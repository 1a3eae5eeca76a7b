import GutBotCore

/// Chat without a terminal: no prompt and no line editing, one reply per input
/// line, so `echo "does fiber help my mood" | gutbot` works.
enum PipeChat {
    static func run(engine: Engine, recording: RecordingFile? = nil) {
        var session = Session(id: JSONLines.defaultSession)
        while let line = readLine(strippingNewline: true) {
            let reply = engine.reply(to: line, in: &session)
            let text = ReplyRenderer.text(reply)
            Terminal.line(text)
            recording?.append(message: line, reply: reply, rendered: text)
        }
    }
}
