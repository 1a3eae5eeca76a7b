import GutBotCore

/// Chat without a terminal: no prompt and no line editing, one reply per input
/// line, so `echo "does fiber help my mood" | gutbot` works. Nothing is
/// wrapped; styling follows `--color` as in the REPL. Slash-commands work as in the REPL (those that need a
/// terminal are refused); a line starting with `/` is never read as a question.
enum PipeChat {
    static func run(engine: Engine, options: BotOptions, styled: Bool, recording: RecordingFile? = nil) {
        var chat = ChatCommands(engine: engine, options: options, frontEnd: .pipe)
        while let line = readLine(strippingNewline: true) {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("/") {
                switch chat.run(line.trimmingCharacters(in: .whitespaces)) {
                case .leave: return
                case .show(let blocks): for block in blocks { Terminal.line(block.rendered(width: nil)) }
                }
                continue
            }
            let reply = chat.reply(to: line)
            Terminal.line(styled ? ReplyRenderer.terminal(reply, width: Int.max, styled: true) : ReplyRenderer.text(reply))
            recording?.append(message: line, reply: reply, rendered: ReplyRenderer.text(reply))
        }
    }
}
