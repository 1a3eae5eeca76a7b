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
                throw RecordingError("\(path) already exists; gutbot does not overwrite transcripts. Choose another name or delete it first.")
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
            Terminal.error("warning: recording to \(path) failed (\(String(cString: strerror(errno)))); recording stopped after \(turns) turns")
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
