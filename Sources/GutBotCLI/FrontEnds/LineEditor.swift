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
    /// Set once saving failed, so the warning is shown once, not on every line.
    private var historyFailed = false

    /// An editor whose history lives at `historyPath` (none when `nil`) and
    /// which completes the words `completions` returns.
    init(historyPath: String?, completions: [String]) {
        self.historyPath = historyPath
        Completion.words = completions.sorted()
        gb_readline_setup("gutbot", Completion.generate)
        if let historyPath {
            if let problem = Self.preparePrivateFile(historyPath) {
                warnOnce("cannot keep history in \(historyPath) (\(problem))")
            } else {
                read_history(historyPath)
            }
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
        guard let historyPath, !historyFailed else { return }
        var status = append_history(1, historyPath)
        if status != 0 { status = write_history(historyPath) }
        if status != 0 {
            warnOnce("cannot save history to \(historyPath) (\(String(cString: strerror(status))))")
            return
        }
        chmod(historyPath, 0o600)
    }

    /// One warning on standard error; the chat goes on without history.
    private func warnOnce(_ problem: String) {
        guard !historyFailed else { return }
        historyFailed = true
        Terminal.error("warning: \(problem); the chat goes on without saving history (--no-history turns it off)")
    }

    /// Trims the history file to its limit; called on a clean exit.
    func close() {
        guard let historyPath, !historyFailed else { return }
        history_truncate_file(historyPath, Self.historyLimit)
        chmod(historyPath, 0o600)
    }

    /// Creates the file's directory (0700) and the file itself (0600) before
    /// readline writes to it, so it is never readable by others, even briefly.
    /// Returns what went wrong, or `nil`.
    private static func preparePrivateFile(_ path: String) -> String? {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            return "cannot create \(directory)"
        }
        let descriptor = open(path, O_CREAT | O_WRONLY | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        Foundation.close(descriptor)
        chmod(path, 0o600)
        return nil
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
