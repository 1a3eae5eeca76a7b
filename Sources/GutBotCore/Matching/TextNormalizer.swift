import Foundation

/// Turns what people type into comparable words: Unicode case and diacritic
/// folding, straight quotes, no control characters, contractions expanded.
///
/// A pure value: the same text always gives the same words, which keeps routing
/// deterministic.
public struct TextNormalizer: Sendable {
    /// Creates a normalizer.
    public init() {}

    /// Lowercased, diacritic-free text with straight quotes and without control
    /// characters (which would otherwise hide words from matching).
    public func fold(_ text: String) -> String {
        // Most messages are plain ASCII: lowercasing is all they need, and
        // Foundation's folding is the slowest step of reading a question.
        if Self.isPlainASCII(text) {
            return text.lowercased()
        }
        var scalars = String.UnicodeScalarView()
        var inEscape = false
        for scalar in text.unicodeScalars {
            // Terminal escape sequences ("\u{1B}[31m") pasted in are noise, not words.
            if inEscape {
                if scalar.properties.isAlphabetic || scalar == "~" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                scalars.append(" ")
                continue
            }
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}", "`", "\u{00B4}": scalars.append("'")
            case "\u{201C}", "\u{201D}", "\u{2033}": scalars.append("\"")
            case "\u{2010}"..."\u{2015}": scalars.append("-")
            default:
                if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                    scalars.append(" ")
                } else {
                    scalars.append(scalar)
                }
            }
        }
        return String(scalars).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
    }

    /// Whether `text` is printable ASCII without a backtick (which folds to an
    /// apostrophe): such text needs lowercasing and nothing else.
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "`") }
    }

    /// The words of `text`: runs of letters and digits, with contractions
    /// ("don't", "I'm", "cant") spelled out so that "not" and "am" survive.
    public func words(_ text: String) -> [String] {
        // Plain ASCII is lowercased on the fly, without folding it first.
        if Self.isPlainASCII(text) { return Self.asciiWords(text) }
        let folded = fold(text)
        if folded.utf8.allSatisfy({ $0 < 0x80 }) { return Self.asciiWords(folded) }
        var result: [String] = []
        var token = ""
        for character in folded {
            if character.isLetter || character.isNumber || character == "'" {
                token.append(character)
            } else {
                Contractions.appendWords(of: token, to: &result)
                token = ""
            }
        }
        Contractions.appendWords(of: token, to: &result)
        return result
    }

    /// The words of ASCII `text`, byte by byte: Unicode property look-ups per
    /// character are the slowest part of reading a question, and every
    /// message is read this way twice (safety, then routing). Upper-case
    /// letters are lowered as they are read, as `fold` would have.
    private static func asciiWords(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { token in
                var result: [String] = []
                // Room for words of about four letters, so the list rarely grows.
                result.reserveCapacity(bytes.count / 5 + 2)
                var length = 0
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"):
                        token[length] = byte
                        length += 1
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                        token[length] = byte | 0x20
                        length += 1
                    default:
                        if length > 0 {
                            Contractions.appendWords(ofASCII: UnsafeBufferPointer(rebasing: token[..<length]), to: &result)
                            length = 0
                        }
                    }
                }
                if length > 0 {
                    Contractions.appendWords(ofASCII: UnsafeBufferPointer(rebasing: token[..<length]), to: &result)
                }
                return result
            }
        }
    }
}
