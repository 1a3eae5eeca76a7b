import Foundation

/// Cuts a byte stream into lines while holding at most ``limit`` bytes of
/// any one line: the rest of an overlong line is skipped up to its newline,
/// so a 100 MiB paste with no newline costs ``limit`` bytes of memory, not
/// 100 MiB. Front ends feed it whatever `read` returned.
public struct LineFramer: Sendable {
    /// One line, without its `\n` (or `\r\n`).
    public struct Line: Sendable, Equatable {
        /// The line's first ``LineFramer/limit`` bytes at most.
        public var bytes: [UInt8]
        /// Whether bytes after the kept ones were skipped.
        public var truncated: Bool
        /// The 1-based line number.
        public var number: Int
    }

    /// The most bytes kept of one line.
    public let limit: Int
    private var current: [UInt8] = []
    private var truncated = false
    private var number = 0

    /// A framer keeping up to `limit` bytes per line.
    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// The lines `chunk` completes, in order.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [Line] {
        var lines: [Line] = []
        guard let base = chunk.baseAddress else { return lines }
        var start = 0
        while start < chunk.count {
            let rest = chunk.count - start
            let found = memchr(base + start, 0x0A, rest)
            let end = found.map { UnsafeRawPointer($0) - base } ?? chunk.count
            keep(UnsafeRawBufferPointer(start: base + start, count: end - start))
            guard found != nil else { break }
            lines.append(take())
            start = end + 1
        }
        return lines
    }

    /// Convenience for tests and fuzzing: feeds an array.
    public mutating func feed(_ chunk: [UInt8]) -> [Line] {
        chunk.withUnsafeBytes { feed($0) }
    }

    /// The last line when input ended without a newline after it.
    public mutating func finish() -> Line? {
        guard !current.isEmpty || truncated else { return nil }
        return take()
    }

    private mutating func keep(_ bytes: UnsafeRawBufferPointer) {
        let room = limit - current.count
        if bytes.count > room {
            truncated = true
            current.append(contentsOf: bytes.prefix(max(0, room)))
        } else {
            current.append(contentsOf: bytes)
        }
    }

    private mutating func take() -> Line {
        number += 1
        if current.last == 0x0D, !truncated { current.removeLast() }
        let line = Line(bytes: current, truncated: truncated, number: number)
        current = []
        truncated = false
        return line
    }
}
