import ArgumentParser
import CReadline
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

    @Option(
        help: ArgumentHelp(
            "Record the chat as a transcript, turn by turn (never overwrites an existing file).",
            discussion: "Replay it with `gutbot replay FILE`; see Transcripts/README.md.", valueName: "file"),
        completion: .file(extensions: ["chat"]))
    var record: String?

    @Option(help: "Style the chat: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always or never.")
    var color: ColorChoice = .auto

    @Flag(
        help: ArgumentHelp(
            "Keep no history of what you type (also: GUTBOT_NO_HISTORY=1).",
            discussion: "History is otherwise kept in $XDG_STATE_HOME/gutbot/history, mode 0600."))
    var noHistory = false

    /// Whether the REPL keeps a history file: not with `--no-history`, nor
    /// when `GUTBOT_NO_HISTORY` is set to anything but empty or `0`.
    var keepsHistory: Bool {
        let variable = ProcessInfo.processInfo.environment[Self.noHistoryVariable] ?? ""
        return !noHistory && (variable.isEmpty || variable == "0")
    }

    /// The environment variable that does what `--no-history` does.
    static let noHistoryVariable = "GUTBOT_NO_HISTORY"

    func validate() throws {
        if record != nil && json { throw ValidationError("--record records one conversation; it does not work with --json") }
    }

    func run() throws {
        Terminal.ignoreBrokenPipes()
        gb_install_termination_handlers()
        let engine = try options.loadEngine()
        var recording: RecordingFile?
        if let record {
            do {
                recording = try RecordingFile(creating: record, region: engine.safety.region)
            } catch {
                // An existing transcript is a name to change before chatting;
                // a path that cannot be written must not cost the conversation.
                if FileManager.default.fileExists(atPath: RecordingFile.withExtension(record)) {
                    Terminal.error("error: \(error)")
                    throw ExitCode(1)
                }
                Terminal.error("warning: not recording: \(error); the chat goes on")
            }
        }
        // JSON is for programs: never wrapped or styled.
        if json {
            JSONLines.serve(engine: engine, explain: explain)
            return
        }
        let styled = color.stylesOutput(environment: ProcessInfo.processInfo.environment, outputIsTerminal: Terminal.outputIsTerminal)
        if Terminal.inputIsTerminal {
            var repl = REPL(
                chat: ChatCommands(engine: engine, options: options, frontEnd: .repl), recording: recording,
                styled: styled, wraps: Terminal.outputIsTerminal, keepsHistory: keepsHistory)
            repl.run()
        } else {
            PipeChat.run(engine: engine, options: options, styled: styled, recording: recording)
        }
    }
}

/// `--color auto|always|never`: whether the chat styles its output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Style only on a terminal, and not when `NO_COLOR` is set or `TERM=dumb`.
    case auto
    /// Style even into a pipe or with `NO_COLOR` set: the flag is the user's own choice.
    case always
    /// Never style.
    case never

    /// Whether output is styled, given the environment and whether standard output is a terminal.
    func stylesOutput(environment: [String: String], outputIsTerminal: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            // https://no-color.org: any non-empty NO_COLOR turns colour off.
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return outputIsTerminal
        }
    }
}
