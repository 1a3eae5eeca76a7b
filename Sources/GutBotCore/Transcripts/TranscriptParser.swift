import Foundation

/// Reads the transcript format. Every mistake is reported as a
/// ``FileError`` with its line; nothing in a file can crash it.
///
/// A line's first character says what it is: `#` comment, `>` the user's
/// message, `<` routing, `~` contains, `/` regular expression, `!` a negated
/// check, `\` a reply line that starts with one of these characters. Anything
/// else, blank lines between text included, is the exact reply.
public enum TranscriptParser {
    /// Parses the contents of `file`; it must be UTF-8.
    public static func parse(_ data: Data, file: String) throws(FileError) -> Transcript {
        var lines: [String] = []
        var number = 0
        for bytes in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            guard var line = String(validating: bytes, as: UTF8.self) else {
                throw FileError(file: file, line: number, message: "not valid UTF-8: transcripts are UTF-8 text")
            }
            if number == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            lines.append(line.hasSuffix("\r") ? String(line.dropLast()) : line)
        }
        // A final newline ends the last line; it does not start another.
        if lines.last == "" { lines.removeLast() }
        return try parse(lines: lines, file: file)
    }

    /// Parses `text`, as if read from `file`.
    public static func parse(_ text: String, file: String) throws(FileError) -> Transcript {
        try parse(Data(text.utf8), file: file)
    }

    private static func parse(lines: [String], file: String) throws(FileError) -> Transcript {
        var transcript = Transcript(file: file)
        var turn: TranscriptTurn?
        var text = PendingText()

        func fail(_ line: Int, _ message: String) -> FileError {
            FileError(file: file, line: line, message: message)
        }
        // Ends the reply text being read, if any, into `turn`.
        func flushText() throws(FileError) {
            guard let start = text.start else { return }
            if turn?.reply != nil {
                throw fail(
                    start,
                    "a second reply text in this turn: a comment or a check between reply lines splits the reply (escape a reply line that starts with '#' as '\\#')"
                )
            }
            turn?.entries.append(TranscriptEntry(line: start, .reply(text.lines.joined(separator: "\n"))))
            turn?.entries += Array(repeating: TranscriptEntry(line: 0, .blank), count: text.trailingBlanks)
            text = PendingText()
        }
        func finishTurn() throws(FileError) {
            try flushText()
            guard let finished = turn else { return }
            guard finished.entries.contains(where: \.isExpectation) else {
                throw fail(
                    finished.line, "the message has no expected reply: add '< plugin/intent', the reply text, or a check such as '~ text'")
            }
            transcript.turns.append(finished)
            turn = nil
        }

        for (index, line) in lines.enumerated() {
            let number = index + 1
            let isBlank = line.allSatisfy(\.isWhitespace)
            if turn == nil {
                // The header: comments and blank lines until the first message.
                if isBlank {
                    transcript.header.append(TranscriptEntry(line: number, .blank))
                } else if line.hasPrefix("#") {
                    if let region = Transcript.headerField(line, key: "region"), Region(named: region) == nil {
                        throw fail(
                            number, "unknown region '\(region)'; use one of \(Region.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    transcript.header.append(TranscriptEntry(line: number, .comment(line)))
                } else if line.hasPrefix(">") {
                    turn = TranscriptTurn(line: number, message: message(of: line), entries: [])
                } else {
                    throw fail(number, "a reply with no message before it: a turn starts with '> ' and the user's message")
                }
                continue
            }
            if isBlank {
                if text.start != nil { text.trailingBlanks += 1 } else { turn?.entries.append(TranscriptEntry(line: number, .blank)) }
                continue
            }
            let first = line.first!
            if !TranscriptText.markers.contains(first) || first == "\\" {
                text.append(first == "\\" ? String(line.dropFirst()) : line, at: number)
                continue
            }
            try flushText()
            switch first {
            case "#":
                turn?.entries.append(TranscriptEntry(line: number, .comment(line)))
            case ">":
                try finishTurn()
                turn = TranscriptTurn(line: number, message: message(of: line), entries: [])
            case "<":
                guard let routing = TranscriptRouting(parsing: String(line.dropFirst())) else {
                    throw fail(number, "a routing line reads '< plugin/intent' or '< plugin'")
                }
                if turn?.routing != nil { throw fail(number, "a second routing line in this turn") }
                turn?.entries.append(TranscriptEntry(line: number, .routing(routing)))
            default:
                turn?.entries.append(TranscriptEntry(line: number, .assertion(try assertion(line, number: number, file: file))))
            }
        }
        try finishTurn()
        return transcript
    }

    /// The message of a `> message` line: one space after the `>` is the
    /// separator, anything more belongs to the message.
    private static func message(of line: String) -> String {
        let rest = line.dropFirst()
        return ControlEscapes.unescaped(String(rest.hasPrefix(" ") ? rest.dropFirst() : rest))
    }

    private static func assertion(_ line: String, number: Int, file: String) throws(FileError) -> TranscriptAssertion {
        func fail(_ message: String) -> FileError { FileError(file: file, line: number, message: message) }
        let negated = line.hasPrefix("!")
        let body = negated ? line.dropFirst() : Substring(line)
        switch body.first {
        case "~":
            let needle = body.dropFirst().drop { $0 == " " }
            var trimmed = needle
            while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
            guard !trimmed.isEmpty else { throw fail("'~' needs the text the reply must \(negated ? "not " : "")contain") }
            return negated ? .excludes(String(trimmed)) : .contains(String(trimmed))
        case "/":
            var trimmed = body
            while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
            guard let (source, ignoresCase) = TranscriptPattern.split(trimmed) else {
                throw fail("a regular expression reads /pattern/ or /pattern/i (escape a reply line starting with '/' as '\\/')")
            }
            let pattern: TranscriptPattern
            do {
                pattern = try TranscriptPattern(source: source, ignoresCase: ignoresCase)
            } catch {
                throw fail("the regular expression /\(source)/ does not compile")
            }
            return negated ? .mismatches(pattern) : .matches(pattern)
        case "<" where negated:
            guard let routing = TranscriptRouting(parsing: String(body.dropFirst())) else {
                throw fail("a negated routing line reads '!< plugin/intent' or '!< plugin'")
            }
            return .notRouted(routing)
        default:
            throw fail(
                "'\(line.prefix(2))' is not a check: use '!~ text', '!/pattern/' or '!< plugin' (escape a reply line starting with '!' as '\\!')"
            )
        }
    }
}

/// Reply text being read: its lines so far, and blank lines that belong to it
/// only if more text follows.
private struct PendingText {
    var start: Int?
    var lines: [String] = []
    var trailingBlanks = 0

    mutating func append(_ line: String, at number: Int) {
        if start == nil { start = number }
        lines += Array(repeating: "", count: trailingBlanks)
        trailingBlanks = 0
        var line = Substring(line)
        while let last = line.last, last.isWhitespace { line.removeLast() }
        lines.append(String(line))
    }
}
