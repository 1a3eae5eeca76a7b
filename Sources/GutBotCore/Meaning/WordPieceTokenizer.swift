import Foundation

/// BERT's uncased tokenisation, as the encoder's source model was trained with:
/// clean the text, split off CJK ideographs, lower-case and strip accents,
/// split on white space and punctuation, then cut each word into the longest
/// vocabulary pieces from the left ("unhappiness" → "un", "##hap", "##pi", "##ness").
///
/// It must agree with Hugging Face's `BertTokenizer` token for token: the
/// model's vectors are looked up by these ids, and the encoder fixture checks it.
public struct WordPieceTokenizer: Sendable {
    /// Token to id, in the vocabulary's order.
    private let ids: [String: Int32]
    /// The id of `[UNK]`, which a word with no spelling in pieces becomes.
    public let unknownID: Int32
    /// Longer words are `[UNK]` whole, as in BERT.
    public let maxCharactersPerWord: Int

    /// A tokenizer over `vocabulary` (tokens in id order).
    public init(vocabulary: [String], maxCharactersPerWord: Int = 100) {
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(vocabulary.count)
        for (id, token) in vocabulary.enumerated() where ids[token] == nil { ids[token] = Int32(id) }
        self.ids = ids
        self.unknownID = ids["[UNK]"] ?? -1
        self.maxCharactersPerWord = maxCharactersPerWord
    }

    /// The token ids of `text`, without `[CLS]` and `[SEP]`; unknown words are `unknownID`.
    public func tokenIDs(_ text: String) -> [Int32] {
        var result: [Int32] = []
        for word in Self.basicWords(text) { appendPieces(of: word, to: &result) }
        return result
    }

    /// Greedy longest-match-first pieces of one word.
    private func appendPieces(of word: String, to result: inout [Int32]) {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count <= maxCharactersPerWord else {
            result.append(unknownID)
            return
        }
        var pieces: [Int32] = []
        var start = 0
        while start < scalars.count {
            var end = scalars.count
            var found: Int32?
            while start < end {
                var piece = start > 0 ? "##" : ""
                piece.unicodeScalars.append(contentsOf: scalars[start..<end])
                if let id = ids[piece] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else {
                result.append(unknownID)
                return
            }
            pieces.append(id)
            start = end
        }
        result.append(contentsOf: pieces)
    }

    /// BERT's basic tokenizer: the words and punctuation marks of `text`,
    /// cleaned, lower-cased and stripped of accents.
    static func basicWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in folded(text).unicodeScalars {
            if isWhitespace(scalar) {
                flush()
            } else if isPunctuation(scalar) || isCJK(scalar) {
                flush()
                words.append(String(scalar))
            } else {
                current.append(scalar)
            }
        }
        flush()
        return words
    }

    /// Control characters dropped, white space made plain, lower-cased and
    /// accents removed (canonical decomposition, then no combining marks).
    private static func folded(_ text: String) -> String {
        var cleaned = String.UnicodeScalarView()
        var ascii = true
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFD || isControl(scalar) { continue }
            if scalar.value >= 0x80 { ascii = false }
            cleaned.append(isWhitespace(scalar) ? " " : scalar)
        }
        let lowered = String(cleaned).lowercased()
        if ascii { return lowered }
        var stripped = String.UnicodeScalarView()
        for scalar in lowered.decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            stripped.append(scalar)
        }
        return String(stripped)
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        // Unicode's White_Space property, as the fast tokenizer reads it; in
        // ASCII only tab, line feed, return and space count (vertical tab and
        // form feed are control characters there, and dropped).
        scalar.isASCII ? [9, 10, 13, 32].contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// Control, format, surrogate and private-use characters are dropped, as
    /// Hugging Face's fast tokenizer does (an unassigned one is kept, and its
    /// word becomes `[UNK]`); tab, newline and carriage return count as white space instead.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\t", "\n", "\r": return false
        default:
            if scalar.isASCII { return scalar.value < 32 || scalar.value == 127 }
            switch scalar.properties.generalCategory {
            case .control, .format, .surrogate, .privateUse: return true
            default: return false
            }
        }
    }

    /// ASCII symbols count as punctuation too ("$", "+", "^"), as in BERT.
    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if scalar.isASCII {
            return (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value)
                || (123...126).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// CJK ideographs are words on their own, as in BERT. The ranges are the
    /// fast tokenizer's, which start one block at U+2B920 rather than U+2B820.
    private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
            0x2B740...0x2B81F, 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
