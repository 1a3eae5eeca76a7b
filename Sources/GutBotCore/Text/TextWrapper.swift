/// Fits text to a terminal's width by turning spaces into line breaks, never
/// splitting a word.
///
/// Only spaces change, one character for one, so a character's offset is the
/// same before and after wrapping: front ends mark styles by offset in the
/// plain text and apply them to the wrapped one.
public enum TextWrapper {
    /// `text` with spaces turned into line breaks so that no line is wider than
    /// `width` columns, where that is possible without splitting a word. Widths
    /// are a terminal's: a Chinese, Japanese or Korean character or an emoji
    /// takes two columns, a combining mark none (see ``columns(of:)``).
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
        // The columns before each offset, so a line's width is one subtraction.
        var before = [0]
        before.reserveCapacity(count + 1)
        for character in characters { before.append(before[before.count - 1] + columns(of: character)) }
        func span(_ start: Int, _ end: Int) -> Int { before[end] - before[start] }
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
                    if span(lineStart, offset) <= width { lastFitting = offset }
                }
                continue
            }
            // This character would end past column width: break at the last space.
            if span(lineStart, offset + 1) > width, let space = lastFitting ?? lastBreak, space > lineStart {
                characters[space] = "\n"
                lineStart = space + 1
                lastBreak = nil
                lastFitting = nil
                // Spaces already passed on the new line may still be break points.
                for later in (lineStart..<offset).reversed() where characters[later] == " " && !kept[later] {
                    lastBreak = later
                    if span(lineStart, later) <= width { lastFitting = later }
                    break
                }
            }
        }
        return String(characters)
    }

    /// How many terminal columns `character` takes: 2 for East Asian wide and
    /// full-width characters and emoji shown as pictures, 0 for a lone
    /// combining mark or zero-width character, else 1. Text users type (a
    /// topic name after /help) reaches the screen, so it must be measured as
    /// the terminal will draw it, not counted.
    public static func columns(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }),
            character.unicodeScalars.contains(where: \.properties.isEmoji)
        {
            return 2
        }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        return wideRanges.contains { $0.contains(first.value) } ? 2 : 1
    }

    /// The East Asian wide and full-width blocks (Unicode's EastAsianWidth W and
    /// F, by block); wide emoji are told by their presentation property instead.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
