import CReadline
import Foundation

/// GNU readline with a private history file and tab completion.
///
/// History is appended after every line, so a crash or a kill loses nothing
/// already typed, and the file is kept at mode 0600: these conversations are
/// private.
final class LineEditor {
    private let historyPath: String?
    static let historyLimit: Int32 = 1_000

    /// An editor whose history lives at `historyPath` (none when `nil`) and
    /// which completes the words `completions` returns.
    init(historyPath: String?, completions: [String]) {
        self.historyPath = historyPath
        Completion.words = completions.sorted()
        gb_readline_setup("gutbot", Completion.generate)
        if let historyPath {
            Self.preparePrivateFile(historyPath)
            read_history(historyPath)
        }
    }

    /// The next line, without its newline; `nil` at end of input (Ctrl-D).
    func readLine(prompt: String) -> String? {
        guard let raw = gb_readline(prompt) else { return nil }
        defer { free(raw) }
        // readline hands back bytes; invalid UTF-8 is repaired, never fatal.
        return String(decoding: UnsafeRawBufferPointer(start: raw, count: strlen(raw)), as: UTF8.self)
    }

    /// Adds `line` to the history and appends it to the history file at once.
    func remember(_ line: String) {
        add_history(line)
        guard let historyPath else { return }
        if append_history(1, historyPath) != 0 {
            write_history(historyPath)
        }
        chmod(historyPath, 0o600)
    }

    /// Trims the history file to its limit; called on a clean exit.
    func close() {
        guard let historyPath else { return }
        history_truncate_file(historyPath, Self.historyLimit)
        chmod(historyPath, 0o600)
    }

    /// Creates the file's directory (0700) and the file itself (0600) before
    /// readline writes to it, so it is never readable by others, even briefly.
    private static func preparePrivateFile(_ path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let descriptor = open(path, O_CREAT | O_WRONLY | O_APPEND, 0o600)
        if descriptor >= 0 { Foundation.close(descriptor) }
        chmod(path, 0o600)
    }
}

/// readline's completion generator. readline is a single-threaded C library
/// that calls back through a plain C function pointer, which cannot capture
/// context, so the candidate words live in static storage the REPL sets once.
enum Completion {
    nonisolated(unsafe) static var words: [String] = []
    nonisolated(unsafe) private static var matches: [String] = []
    nonisolated(unsafe) private static var next = 0

    static let generate: gb_generator_t = { text, state in
        if state == 0 {
            let prefix = text.map { String(cString: $0) }?.lowercased() ?? ""
            matches = words.filter { $0.lowercased().hasPrefix(prefix) }
            next = 0
        }
        guard next < matches.count else { return nil }
        defer { next += 1 }
        return strdup(matches[next])
    }
}
