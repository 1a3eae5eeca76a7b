import ArgumentParser
import Foundation
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
                               discussion: "Replay it with `gutbot replay FILE`; see Transcripts/README.md.", valueName: "file"),
            completion: .file(extensions: ["chat"]))
    var record: String?

    @Option(help: "Style the chat: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always or never.")
    var color: ColorChoice = .auto

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
        // JSON is for programs: never wrapped or styled.
        if json {
            JSONLines.serve(engine: engine, explain: explain)
            return
        }
        let styled = color.stylesOutput(environment: ProcessInfo.processInfo.environment, outputIsTerminal: Terminal.outputIsTerminal)
        if Terminal.inputIsTerminal {
            var repl = REPL(chat: ChatCommands(engine: engine, options: options, frontEnd: .repl), recording: recording,
                            styled: styled, wraps: Terminal.outputIsTerminal)
            repl.run()
        } else {
            PipeChat.run(engine: engine, options: options, styled: styled, recording: recording)
        }
    }
}
