import Foundation

/// Spells out contractions ("don't" → do not, "I'm" → i am, "cant" → can not)
/// so that the words that carry meaning, "not" above all, survive matching.
enum Contractions {
    /// Contractions typed without an apostrophe, and the irregular ones.
    static let wholeWords: [String: [String]] = [
        "can't": ["can", "not"], "cant": ["can", "not"], "cannot": ["can", "not"],
        "won't": ["will", "not"], "wont": ["will", "not"], "shan't": ["shall", "not"],
        "dont": ["do", "not"], "doesnt": ["does", "not"], "didnt": ["did", "not"],
        "isnt": ["is", "not"], "arent": ["are", "not"], "wasnt": ["was", "not"],
        "werent": ["were", "not"], "havent": ["have", "not"], "hasnt": ["has", "not"],
        "shouldnt": ["should", "not"], "wouldnt": ["would", "not"], "couldnt": ["could", "not"],
        "im": ["i", "am"], "ive": ["i", "have"], "youre": ["you", "are"], "theyre": ["they", "are"],
        "ain't": ["am", "not"], "aint": ["am", "not"],
    ]

    /// Whether a word ending in `byte` can be one of ``wholeWords``: every
    /// one ends in "t", "m" or "e", so most words skip the look-up.
    static func mayBeWhole(endingIn byte: UInt8) -> Bool {
        byte == UInt8(ascii: "t") || byte == UInt8(ascii: "m") || byte == UInt8(ascii: "e")
    }

    /// The words of a contraction split at its first apostrophe: `stem` is
    /// what comes before it, `suffix` what comes after (apostrophes removed).
    static func spelledOut(stem: String, suffix: String) -> [String] {
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

    /// Appends the words of one token of ASCII letters, digits and
    /// apostrophes: apostrophes only join letters ("'tis" and "dogs'" lose
    /// theirs), and contractions are spelled out.
    ///
    /// Works on bytes: this runs on every word of every message, for routing
    /// and again for the safety check.
    static func appendWords(ofASCII token: UnsafeBufferPointer<UInt8>, to result: inout [String]) {
        let apostrophe = UInt8(ascii: "'")
        var start = token.startIndex
        var end = token.endIndex
        while start < end, token[start] == apostrophe { start += 1 }
        while end > start, token[end - 1] == apostrophe { end -= 1 }
        guard start < end else { return }
        let trimmed = UnsafeBufferPointer(rebasing: token[start..<end])
        let split = trimmed.firstIndex(of: apostrophe)
        if split == nil, !mayBeWhole(endingIn: trimmed[trimmed.count - 1]) {
            result.append(String(decoding: trimmed, as: UTF8.self))
            return
        }
        let word = String(decoding: trimmed, as: UTF8.self)
        if let whole = wholeWords[word] {
            result.append(contentsOf: whole)
            return
        }
        guard let split else {
            result.append(word)
            return
        }
        let stem = String(decoding: UnsafeBufferPointer(rebasing: trimmed[..<split]), as: UTF8.self)
        let suffix = String(decoding: trimmed[(split + 1)...].lazy.filter { $0 != apostrophe }, as: UTF8.self)
        result.append(contentsOf: spelledOut(stem: stem, suffix: suffix))
    }

    /// Appends the words of one token of letters, digits and apostrophes, in
    /// any script; the same rules as ``appendWords(ofASCII:to:)``, applied
    /// to characters (rare: only text that stays non-ASCII after folding).
    static func appendWords(of token: String, to result: inout [String]) {
        guard !token.isEmpty else { return }
        var trimmed = Substring(token)
        while trimmed.first == "'" { trimmed.removeFirst() }
        while trimmed.last == "'" { trimmed.removeLast() }
        guard !trimmed.isEmpty else { return }
        let word = String(trimmed)
        if let whole = wholeWords[word] {
            result.append(contentsOf: whole)
            return
        }
        guard let apostrophe = word.firstIndex(of: "'") else {
            result.append(word)
            return
        }
        let stem = String(word[..<apostrophe])
        let suffix = String(word[word.index(after: apostrophe)...]).replacingOccurrences(of: "'", with: "")
        result.append(contentsOf: spelledOut(stem: stem, suffix: suffix))
    }
}
