/// Maps a misspelt word to the vocabulary word it most likely meant, by
/// Damerau-Levenshtein distance with a bound that grows with word length.
///
/// Short words are never corrected: at four letters one edit reaches too many
/// real words for a guess to be honest.
public struct SpellingCorrector: Sendable {
    private let vocabulary: [String: Int]
    /// Vocabulary words grouped by length in scalars (the array index), in
    /// sorted order: spelling is checked on every unknown word of every
    /// question, so the words are split and measured once here.
    private let byLength: [Bucket]

    /// A corrector over `vocabulary`, whose counts break ties between candidates.
    public init(vocabulary: [String: Int]) {
        self.vocabulary = vocabulary
        var buckets: [Bucket] = []
        for word in vocabulary.keys.sorted() {
            let scalars = word.unicodeScalars.map(\.value)
            while buckets.count <= scalars.count { buckets.append(Bucket(length: buckets.count)) }
            buckets[scalars.count].append(word, scalars: scalars, letters: Self.letterSet(word), count: vocabulary[word] ?? 0)
        }
        self.byLength = buckets
    }

    /// Whether `word` is spelt as a vocabulary word.
    public func knows(_ word: String) -> Bool { vocabulary[word] != nil }

    /// The vocabulary word `word` most likely meant, or `nil` when it is known,
    /// too short to guess, or not close to anything.
    public func correction(for word: String) -> String? {
        guard vocabulary[word] == nil, Self.isLetters(word) else { return nil }
        let bound = Self.allowedEdits(forLength: word.count)
        guard bound > 0 else { return nil }
        let typed = word.unicodeScalars.map(\.value)
        let letters = Self.letterSet(word)
        let shortest = max(0, typed.count - bound)
        let longest = min(byLength.count - 1, typed.count + bound)
        guard shortest <= longest else { return nil }
        var best: (word: String, distance: Int, count: Int)?
        typed.withUnsafeBufferPointer { typed in
            // Three rows of the distance table, reused for every candidate.
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (longest + 1)) { rows in
                for length in shortest...longest {
                    let bucket = byLength[length]
                    bucket.scalars.withUnsafeBufferPointer { scalars in
                        for index in bucket.letters.indices {
                            // One edit changes at most two letters of the set of letters
                            // used, so most words are ruled out without a full comparison.
                            guard (letters ^ bucket.letters[index]).nonzeroBitCount <= 2 * bound else { continue }
                            let candidate = UnsafeBufferPointer(rebasing: scalars[index * length..<(index + 1) * length])
                            let distance = Self.distance(typed, candidate, limit: bound, rows: rows.baseAddress!)
                            guard distance <= bound else { continue }
                            let count = bucket.counts[index]
                            if best == nil || distance < best!.distance || (distance == best!.distance && count > best!.count) {
                                best = (bucket.words[index], distance, count)
                            }
                        }
                    }
                }
            }
        }
        return best?.word
    }

    /// Whether every character of `word` is a letter; plain ASCII is checked
    /// byte by byte, without Unicode property look-ups.
    private static func isLetters(_ word: String) -> Bool {
        var ascii = true
        for byte in word.utf8 {
            guard byte < 0x80 else {
                ascii = false
                break
            }
            guard (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") else { return false }
        }
        return ascii || word.allSatisfy(\.isLetter)
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
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (b.count + 1)) { rows in
                    distance(a, b, limit: limit, rows: rows.baseAddress!)
                }
            }
        }
    }

    /// The distance itself, over three rows of at least `b.count + 1` cells
    /// at `rows` that the caller provides, so that comparing one word with
    /// many candidates allocates nothing per candidate. The rows need no
    /// initial values: each cell is written before it is read.
    private static func distance<Element: Equatable>(
        _ a: UnsafeBufferPointer<Element>, _ b: UnsafeBufferPointer<Element>,
        limit: Int, rows: UnsafeMutablePointer<Int>
    ) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = rows
        var previous = rows + (b.count + 1)
        var current = rows + 2 * (b.count + 1)
        for j in 0...b.count { previous[j] = j }
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

    /// The vocabulary words of one length, stored column by column so that the
    /// cheap letter-set test runs over one contiguous array.
    private struct Bucket: Sendable {
        /// Letters of every word.
        let length: Int
        /// The words, in sorted order.
        private(set) var words: [String] = []
        /// How often each word occurs, which breaks ties.
        private(set) var counts: [Int] = []
        /// ``SpellingCorrector``'s letter set of each word.
        private(set) var letters: [UInt32] = []
        /// The scalars of every word back to back, `length` per word.
        private(set) var scalars: [UInt32] = []

        init(length: Int) {
            self.length = length
        }

        mutating func append(_ word: String, scalars: [UInt32], letters: UInt32, count: Int) {
            words.append(word)
            counts.append(count)
            self.letters.append(letters)
            self.scalars.append(contentsOf: scalars)
        }
    }
}
