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

    @Option(help: ArgumentHelp("Record the chat as a transcript, turn by turn (never overwrites an existing file).",
                               discussion: "Replay it with `gutbot replay FILE`; see Transcripts/README.md.", valueName: "file"))
    var record: String?

    func validate() throws {
        if record != nil && json { throw ValidationError("--record records one conversation; it does not work with --json") }
    }

    func run() throws {
        Terminal.ignoreBrokenPipes()
        let engine = try options.loadEngine()
        var recording: RecordingFile?
        if let record {
            do {
                recording = try RecordingFile(creating: record, region: engine.safety.region)
            } catch {
                Terminal.error("error: \(error)")
                throw ExitCode(1)
            }
        }
        if json {
            JSONLines.serve(engine: engine, explain: explain)
        } else if Terminal.inputIsTerminal {
            REPL(engine: engine, recording: recording).run()
        } else {
            PipeChat.run(engine: engine, recording: recording)
        }
    }
}
