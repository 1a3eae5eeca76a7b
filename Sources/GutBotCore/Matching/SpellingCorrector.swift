/// Maps a misspelt word to the vocabulary word it most likely meant, by
/// Damerau-Levenshtein distance with a bound that grows with word length.
///
/// Short words are never corrected: at four letters one edit reaches too many
/// real words for a guess to be honest.
public struct SpellingCorrector: Sendable {
    private let vocabulary: [String: Int]
    /// Vocabulary words as scalar arrays, grouped by length: spelling is
    /// checked on every unknown word of every question, so the words are
    /// split once here rather than on each comparison.
    private let byLength: [Int: [(word: String, scalars: [Unicode.Scalar], letters: UInt32)]]

    /// A corrector over `vocabulary`, whose counts break ties between candidates.
    public init(vocabulary: [String: Int]) {
        self.vocabulary = vocabulary
        self.byLength = Dictionary(grouping: vocabulary.keys.sorted().map { ($0, Array($0.unicodeScalars), Self.letterSet($0)) },
                                   by: \.scalars.count)
    }

    /// Whether `word` is spelt as a vocabulary word.
    public func knows(_ word: String) -> Bool { vocabulary[word] != nil }

    /// The vocabulary word `word` most likely meant, or `nil` when it is known,
    /// too short to guess, or not close to anything.
    public func correction(for word: String) -> String? {
        guard vocabulary[word] == nil, word.allSatisfy(\.isLetter) else { return nil }
        let bound = Self.allowedEdits(forLength: word.count)
        guard bound > 0 else { return nil }
        let typed = Array(word.unicodeScalars)
        let letters = Self.letterSet(word)
        var best: (word: String, distance: Int, count: Int)?
        for length in (typed.count - bound)...(typed.count + bound) {
            for candidate in byLength[length] ?? [] {
                // One edit changes at most two letters of the set of letters
                // used, so most words are ruled out without a full comparison.
                guard (letters ^ candidate.letters).nonzeroBitCount <= 2 * bound else { continue }
                let distance = Self.distance(typed, candidate.scalars, limit: bound)
                guard distance <= bound else { continue }
                let count = vocabulary[candidate.word] ?? 0
                if best == nil || distance < best!.distance || (distance == best!.distance && count > best!.count) {
                    best = (candidate.word, distance, count)
                }
            }
        }
        return best?.word
    }

    /// Which of a to z the word uses, one bit each (other letters share a bit).
    private static func letterSet(_ word: String) -> UInt32 {
        word.utf8.reduce(0) { set, byte in
            let index = byte >= 97 && byte <= 122 ? UInt32(byte - 97) : 26
            return set | (1 << index)
        }
    }

    /// Edits allowed for a word of `length` letters.
    public static func allowedEdits(forLength length: Int) -> Int {
        switch length {
        case ..<5: return 0
        case 5...7: return 1
        default: return 2
        }
    }

    /// Damerau-Levenshtein (optimal string alignment) distance, giving up early
    /// once every path exceeds `limit`.
    public static func distance<Element: Equatable>(_ a: [Element], _ b: [Element], limit: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowBest = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowBest = min(rowBest, value)
            }
            if rowBest > limit { return rowBest }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
