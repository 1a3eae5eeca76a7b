import Foundation
import GutBotCore

/// Standard input, line by line, in bounded memory (see ``LineFramer``).
enum InputLines {
    /// Calls `handle` with each line of standard input until end of input,
    /// or until `handle` returns false.
    static func forEach(limit: Int, _ handle: (LineFramer.Line) -> Bool) {
        var framer = LineFramer(limit: limit)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            let lines = buffer.withUnsafeBytes { framer.feed(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            for line in lines where !handle(line) { return }
        }
        if let last = framer.finish() { _ = handle(last) }
    }
}
