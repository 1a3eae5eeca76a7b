import Foundation
import GutBotCore

/// Standard output and error for the front ends. A reader that goes away
/// (a closed pipe) ends gutbot quietly instead of killing it with SIGPIPE.
enum Terminal {
    /// Ignores SIGPIPE so a write to a closed pipe fails instead of killing the process.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes `text` and a newline to standard output and flushes it, so a
    /// program reading line by line sees each reply at once.
    static func line(_ text: String) {
        write(text + "\n")
    }

    /// Writes a reply ``ReplyRenderer`` styled: its parts were made visible
    /// before the styling codes went in, so the codes pass unescaped.
    static func styledLine(_ text: String) {
        if !DescriptorWriter.writeAll(Array((text + "\n").utf8), to: STDOUT_FILENO) { exit(0) }
    }

    /// Writes `text` to standard output unbuffered; exits quietly if the reader is gone.
    static func write(_ text: String) {
        if !DescriptorWriter.writeAll(Array(visible(text).utf8), to: STDOUT_FILENO) { exit(0) }
    }

    /// Writes one line to standard error.
    static func error(_ text: String) {
        _ = DescriptorWriter.writeAll(Array((visible(text) + "\n").utf8), to: STDERR_FILENO)
    }

    /// `text` with control characters other than newlines escaped: whatever
    /// a user typed (a command name, a file name) reaches the screen as
    /// visible text, never as a terminal escape sequence.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 != "\n" && ControlEscapes.needsEscape($0) }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { ControlEscapes.escaped(String($0)) }.joined(separator: "\n")
    }

    /// Whether standard input is a terminal (the REPL) or a pipe or file.
    static var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// Whether standard output is a terminal: only then is text wrapped or styled.
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The terminal's width in columns, asked of the terminal every time: a
    /// window resized (SIGWINCH) is honoured by the next thing printed,
    /// without a handler racing readline's own. `COLUMNS`, else 80, when
    /// output is not a terminal.
    static var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }
}

/// Writes whole buffers to a file descriptor: POSIX `write` may write less
/// than asked or be interrupted, and a reply or a recorded turn must go out whole.
enum DescriptorWriter {
    /// Writes all of `bytes` to `descriptor`; `false` when the descriptor refuses (a closed pipe, a full disk).
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
