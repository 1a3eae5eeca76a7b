import Foundation

/// A regular expression written in a transcript as `/pattern/` or, ignoring
/// case, `/pattern/i`. Kept as source text so transcripts compare and print
/// as written; it is compiled when made, so a broken one is reported with
/// its line instead of failing at replay.
public struct TranscriptPattern: Sendable, Equatable, CustomStringConvertible {
    /// The pattern between the slashes (ICU syntax, as NSRegularExpression reads it).
    public let source: String
    /// Whether the trailing `i` flag was given.
    public let ignoresCase: Bool

    /// A pattern; throws when `source` does not compile.
    public init(source: String, ignoresCase: Bool = false) throws {
        _ = try NSRegularExpression(pattern: source, options: ignoresCase ? [.caseInsensitive] : [])
        self.source = source
        self.ignoresCase = ignoresCase
    }

    /// Splits a `/pattern/` or `/pattern/i` line into its pattern and flag;
    /// `nil` when the line does not have that shape.
    public static func split(_ line: Substring) -> (source: String, ignoresCase: Bool)? {
        guard line.hasPrefix("/") else { return nil }
        if line.count >= 4, line.hasSuffix("/i") { return (String(line.dropFirst().dropLast(2)), true) }
        if line.count >= 3, line.hasSuffix("/") { return (String(line.dropFirst().dropLast()), false) }
        return nil
    }

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        // Compiled again here rather than stored: NSRegularExpression is a
        // class, and keeping it out keeps transcripts plain, comparable values.
        guard let expression = try? NSRegularExpression(pattern: source, options: ignoresCase ? [.caseInsensitive] : []) else {
            return false
        }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// `/pattern/` or `/pattern/i`.
    public var description: String {
        "/\(source)/" + (ignoresCase ? "i" : "")
    }
}
