/// Fits text to a terminal's width by turning spaces into line breaks, never
/// splitting a word.
///
/// Only spaces change, one character for one, so a character's offset is the
/// same before and after wrapping: front ends mark styles by offset in the
/// plain text and apply them to the wrapped one.
public enum TextWrapper {
    /// `text` with spaces turned into line breaks so that no line is wider than
    /// `width` columns, where that is possible without splitting a word.
    ///
    /// A space between two digits ("116 123") and every space inside
    /// `unbreakable` (character offsets) stay, so phone numbers and, say, a
    /// source line are never broken; a URL has no spaces and is a word. A word
    /// or an unbreakable run wider than `width` gets a line of its own and is
    /// left for the terminal to fold. Existing line breaks are kept. A width
    /// below 1 leaves the text as it is.
    public static func wrap(_ text: String, width: Int, unbreakable: [Range<Int>] = []) -> String {
        guard width > 0 else { return text }
        var characters = Array(text)
        let count = characters.count
        var kept = [Bool](repeating: false, count: count)
        for range in unbreakable {
            for offset in range.clamped(to: 0..<count) { kept[offset] = true }
        }
        for offset in characters.indices.dropFirst().dropLast()
        where characters[offset] == " " && characters[offset - 1].isNumber && characters[offset + 1].isNumber {
            kept[offset] = true
        }
        var lineStart = 0
        // The last space a line may end at, and of those the last one that
        // leaves no trailing space past the edge ("a  b": two spaces in a row).
        var lastBreak: Int?
        var lastFitting: Int?
        for offset in characters.indices {
            let character = characters[offset]
            if character == "\n" {
                lineStart = offset + 1
                lastBreak = nil
                lastFitting = nil
                continue
            }
            if character == " " {
                if !kept[offset] {
                    lastBreak = offset
                    if offset - lineStart <= width { lastFitting = offset }
                }
                continue
            }
            // This character would stand in column width + 1: break at the last space.
            if offset - lineStart >= width, let space = lastFitting ?? lastBreak, space > lineStart {
                characters[space] = "\n"
                lineStart = space + 1
                lastBreak = nil
                lastFitting = nil
                // Spaces already passed on the new line may still be break points.
                for later in (lineStart..<offset).reversed() where characters[later] == " " && !kept[later] {
                    lastBreak = later
                    if later - lineStart <= width { lastFitting = later }
                    break
                }
            }
        }
        return String(characters)
    }
}
