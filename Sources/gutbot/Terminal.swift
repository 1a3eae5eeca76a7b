import Foundation

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

    /// Writes `text` to standard output unbuffered; exits quietly if the reader is gone.
    static func write(_ text: String) {
        if !writeAll(Array(text.utf8), to: STDOUT_FILENO) { exit(0) }
    }

    /// Writes one line to standard error.
    static func error(_ text: String) {
        _ = writeAll(Array((text + "\n").utf8), to: STDERR_FILENO)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Whether standard input is a terminal (the REPL) or a pipe or file.
    static var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
}
