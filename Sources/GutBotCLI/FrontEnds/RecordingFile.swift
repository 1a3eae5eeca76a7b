import Foundation
import GutBotCore

/// A transcript being recorded: `gutbot chat --record FILE` and `/record`.
///
/// Each turn goes to disk in one `write` and is `fsync`ed before the chat
/// goes on, so Ctrl-C, end of input, a crash or `kill -9` leave a transcript
/// holding every completed turn. An existing file is never overwritten: a
/// transcript is a test someone may have edited by hand, and appending a
/// second conversation to it would replay as one session, which it never was.
final class RecordingFile {
    /// The path as the user gave it (with `.chat` added if it had no extension).
    let path: String
    /// Turns written so far.
    private(set) var turns = 0
    private var descriptor: Int32

    /// Creates `path` (and its folder) and writes the header; throws a message
    /// for the user when the file exists or cannot be written.
    init(creating path: String, region: Region) throws(RecordingError) {
        let path = Self.withExtension(path)
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // 0600: a transcript holds what someone told gutbot, so it is theirs
        // alone, like the history. O_EXCL makes "does it exist?" and "create it" one step, so two
        // recorders racing for a name cannot both win.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST {
                throw RecordingError(
                    "\(path) already exists; gutbot does not overwrite transcripts. Choose another name or delete it first.")
            }
            throw RecordingError("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        self.path = path
        self.descriptor = descriptor
        let title = url.deletingPathExtension().lastPathComponent
        guard write(TranscriptFormatter.header(title: title, region: region)) else {
            close()
            throw RecordingError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        // The new name must survive a crash too, not only the bytes.
        let directory = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            Foundation.close(directory)
        }
    }

    deinit { close() }

    /// Whether the file is still being written.
    var isOpen: Bool { descriptor >= 0 }

    /// Appends one turn. On failure (disk full, file gone) it warns once on
    /// standard error and stops recording; the chat itself goes on.
    func append(message: String, reply: Reply, rendered: String) {
        guard isOpen else { return }
        let turn = TranscriptTurn.recorded(message: message, routing: TranscriptRouting(reply), reply: rendered)
        if write(TranscriptFormatter.text(of: turn)) {
            turns += 1
        } else {
            Terminal.error(
                "warning: recording to \(path) failed (\(String(cString: strerror(errno)))); recording stopped after \(turns) turns")
            close()
        }
    }

    /// Stops recording; everything is already on disk.
    func close() {
        guard descriptor >= 0 else { return }
        Foundation.close(descriptor)
        descriptor = -1
    }

    /// Writes all of `text` and syncs it to disk.
    private func write(_ text: String) -> Bool {
        guard DescriptorWriter.writeAll(Array(text.utf8), to: descriptor) else { return false }
        // EINVAL: a device such as /dev/null cannot be synced, and need not be.
        return fsync(descriptor) == 0 || errno == EINVAL
    }

    /// `name` with `.chat` added when it has no extension, so `/record fiber` works.
    static func withExtension(_ name: String) -> String {
        (name as NSString).pathExtension.isEmpty ? name + ".chat" : name
    }
}

/// Why a recording could not start, in words for the user.
struct RecordingError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

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
            start(
                name: words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : "", recording: &recording, session: &session,
                region: region)
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
