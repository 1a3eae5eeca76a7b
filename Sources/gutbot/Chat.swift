import ArgumentParser
import GutBotCore

/// `gutbot chat` (the default): the REPL on a terminal, one reply per line
/// from a pipe, or the JSON Lines protocol with `--json`.
struct Chat: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Chat (the default command).")

    @OptionGroup var options: BotOptions

    @Flag(help: "Speak JSON Lines: one request object per input line, one reply object per output line.")
    var json = false

    @Flag(help: "With --json, add the top candidates and matched terms to every reply.")
    var explain = false

    func run() throws {
        Terminal.ignoreBrokenPipes()
        let engine = try options.loadEngine()
        if json {
            JSONLines.serve(engine: engine, explain: explain)
        } else if Terminal.inputIsTerminal {
            REPL(engine: engine).run()
        } else {
            PipeChat.run(engine: engine)
        }
    }
}
