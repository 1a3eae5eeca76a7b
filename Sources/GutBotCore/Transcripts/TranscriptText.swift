/// How reply text is compared and written in transcripts.
///
/// Editors and review tools strip trailing spaces and blank lines at the ends
/// of blocks, so both are ignored when comparing: a hand-edited transcript must
/// not fail over whitespace nobody can see.
public enum TranscriptText {
    /// The first characters that mark a line as something other than reply
    /// text; a reply line starting with one is written with a `\` before it.
    public static let markers: Set<Character> = ["#", ">", "<", "~", "/", "!", "\\"]

    /// `text` with trailing whitespace removed from every line and blank lines
    /// removed from both ends.
    public static func normalized(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while let last = line.last, last.isWhitespace { line.removeLast() }
            return line
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The lines a reply is written as, each escaped when it could be read as a marker.
    public static func escapedLines(_ text: String) -> [String] {
        normalized(text).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if let first = line.first, markers.contains(first) { return "\\" + line }
            return String(line)
        }
    }
}
