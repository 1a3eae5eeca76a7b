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
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "`") }) {
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

    /// The words of `text`: runs of letters and digits, with contractions
    /// ("don't", "I'm", "cant") spelled out so that "not" and "am" survive.
    public func words(_ text: String) -> [String] {
        let folded = fold(text)
        var result: [String] = []
        if folded.utf8.allSatisfy({ $0 < 0x80 }) {
            // The common case, byte by byte: Unicode property look-ups per
            // character are the slowest part of reading a question.
            var token: [UInt8] = []
            for byte in folded.utf8 {
                if (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 39 {
                    token.append(byte)
                } else {
                    Self.finish(String(decoding: token, as: UTF8.self), into: &result)
                    token.removeAll(keepingCapacity: true)
                }
            }
            Self.finish(String(decoding: token, as: UTF8.self), into: &result)
            return result
        }
        var token = ""
        for character in folded {
            if character.isLetter || character.isNumber || character == "'" {
                token.append(character)
            } else {
                Self.finish(token, into: &result)
                token = ""
            }
        }
        Self.finish(token, into: &result)
        return result
    }

    /// Adds one token's words: apostrophes only join letters ("'tis" and
    /// "dogs'" lose theirs), and contractions are spelled out.
    private static func finish(_ token: String, into result: inout [String]) {
        guard !token.isEmpty else { return }
        var trimmed = Substring(token)
        while trimmed.first == "'" { trimmed.removeFirst() }
        while trimmed.last == "'" { trimmed.removeLast() }
        if !trimmed.isEmpty { result.append(contentsOf: expand(String(trimmed))) }
    }

    private static func expand(_ token: String) -> [String] {
        if let whole = wholeWords[token] { return whole }
        guard let apostrophe = token.firstIndex(of: "'") else { return [token] }
        let stem = String(token[..<apostrophe])
        let suffix = String(token[token.index(after: apostrophe)...]).replacingOccurrences(of: "'", with: "")
        if suffix == "t", stem.hasSuffix("n") {
            return [String(stem.dropLast()), "not"]
        }
        switch suffix {
        case "m": return [stem, "am"]
        case "re": return [stem, "are"]
        case "ve": return [stem, "have"]
        case "ll": return [stem, "will"]
        case "d": return [stem, "would"]
        case "s": return [stem]
        default: return [stem, suffix]
        }
    }

    /// Contractions typed without an apostrophe, and the irregular ones.
    private static let wholeWords: [String: [String]] = [
        "can't": ["can", "not"], "cant": ["can", "not"], "cannot": ["can", "not"],
        "won't": ["will", "not"], "wont": ["will", "not"], "shan't": ["shall", "not"],
        "dont": ["do", "not"], "doesnt": ["does", "not"], "didnt": ["did", "not"],
        "isnt": ["is", "not"], "arent": ["are", "not"], "wasnt": ["was", "not"],
        "werent": ["were", "not"], "havent": ["have", "not"], "hasnt": ["has", "not"],
        "shouldnt": ["should", "not"], "wouldnt": ["would", "not"], "couldnt": ["could", "not"],
        "im": ["i", "am"], "ive": ["i", "have"], "youre": ["you", "are"], "theyre": ["they", "are"],
        "ain't": ["am", "not"], "aint": ["am", "not"],
    ]
}
