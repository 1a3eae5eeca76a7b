import GutBotCore

/// Chat without a terminal: no prompt and no line editing, one reply per input
/// line, so `echo "does fiber help my mood" | gutbot` works.
enum PipeChat {
    static func run(engine: Engine) {
        var session = Session(id: JSONLines.defaultSession)
        while let line = readLine(strippingNewline: true) {
            Terminal.line(ReplyRenderer.text(engine.reply(to: line, in: &session)))
        }
    }
}
