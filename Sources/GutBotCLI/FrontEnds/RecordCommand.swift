import GutBotCore

/// The REPL's `/record NAME` and `/stop`: start and stop a transcript mid-chat.
enum RecordCommand {
    /// The commands, for /help and completion.
    static let commands: [(name: String, help: String)] = [
        ("/record", "NAME: record this chat from here as a transcript (Transcripts/NAME.chat if NAME has no folder)"),
        ("/stop", "stop recording"),
    ]

    /// Runs `text` if it is `/record` or `/stop` and returns `true`; returns
    /// `false` for any other command.
    static func handle(_ text: String, recording: inout RecordingFile?, session: inout Session, region: Region) -> Bool {
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        switch words.first?.lowercased() {
        case "/record":
            start(name: words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : "", recording: &recording, session: &session, region: region)
            return true
        case "/stop":
            if let current = recording {
                current.close()
                Terminal.line("Stopped recording: \(current.turns) turn\(current.turns == 1 ? "" : "s") saved to \(current.path).")
                recording = nil
            } else {
                Terminal.line("Not recording. /record NAME starts.")
            }
            return true
        default:
            return false
        }
    }

    private static func start(name: String, recording: inout RecordingFile?, session: inout Session, region: Region) {
        if let current = recording, current.isOpen {
            Terminal.line("Already recording to \(current.path); /stop first.")
            return
        }
        guard !name.isEmpty else {
            Terminal.line("Usage: /record NAME, for example /record fiber (saved as Transcripts/fiber.chat).")
            return
        }
        do {
            recording = try RecordingFile(creating: path(for: name), region: region)
        } catch {
            Terminal.line("Not recording: \(error)")
            return
        }
        // A transcript replays in a fresh session, so the recording starts
        // one; a recent crisis is carried over, because safety must never
        // forget someone in trouble for the sake of a test.
        let crisis = session.crisis
        session = Session(id: session.id)
        session.crisis = crisis
        Terminal.line("Recording to \(recording!.path), starting a fresh conversation so it replays the same way. /stop to finish.")
    }

    /// A bare name goes to `Transcripts/`; a name with a folder is used as given.
    static func path(for name: String) -> String {
        let path = name.contains("/") ? name : "Transcripts/" + name
        return RecordingFile.withExtension(path)
    }
}
