/// The words ``SafetyText`` uses to read past disguises: slang and shorthand
/// to spell out, key words that tolerate one typo, and the real words that
/// are one letter away from a key word and so must never be "corrected".
public struct SafetyLexicon: Sendable {
    /// Shorthand and slang, as word sequences, to the plain words they mean
    /// (`kms` to `kill myself`, `gonna` to `going to`).
    public var slang: [[String]: [String]]
    /// Crisis key words; a word of five or more letters one edit away from
    /// one of them is read as that word ("sucide", "myslef").
    public var keywords: Set<String>
    /// Real words near a key word ("starting" near "starving") that are left alone.
    public var realWords: Set<String>
    /// Words people star a letter out of ("k*ll"); a starred word that becomes
    /// one of these with a vowel for the star is read as it.
    public var starredWords: Set<String>
    /// Words people run together ("iwanttodie"); a long word made only of
    /// these is split back into them.
    public var glueWords: Set<String>

    /// The longest slang entry, in words, so matching can stop looking there.
    public let longestSlang: Int
    // Sorted once so that the rare tie between two key words breaks the same way every run.
    private let orderedKeywords: [String]
    // The same key words as scalars, read once rather than for every word of every message.
    private let keywordScalars: [[Unicode.Scalar]]
    // The first word of every slang entry: most words start none, and are passed over at once.
    private let slangStarts: Set<String>
    // The longest glue word, in letters: no piece of a run-together word is longer.
    private let longestGlue: Int
    // The glue words as a trie, for splitting words of plain letters a to z;
    // `nil` when some glue word has another character.
    private let glueTrie: SafetyGlueTrie?

    /// A lexicon with the given word lists.
    public init(
        slang: [[String]: [String]] = [:], keywords: Set<String> = [], realWords: Set<String> = [],
        starredWords: Set<String> = [], glueWords: Set<String> = []
    ) {
        self.slang = slang
        self.keywords = keywords
        self.realWords = realWords
        self.starredWords = starredWords
        self.glueWords = glueWords
        self.longestSlang = slang.keys.map(\.count).max() ?? 0
        self.orderedKeywords = keywords.sorted()
        self.keywordScalars = orderedKeywords.map { Array($0.unicodeScalars) }
        self.slangStarts = Set(slang.keys.compactMap(\.first))
        self.longestGlue = glueWords.map { $0.unicodeScalars.count }.max() ?? 0
        self.glueTrie = SafetyGlueTrie(glueWords)
    }

    /// Whether some slang entry starts with `word`.
    public func mayStartSlang(_ word: String) -> Bool { slangStarts.contains(word) }

    /// The shortest word typo tolerance applies to: below five letters one
    /// edit reaches too many ordinary words.
    public static let shortestCorrected = 5

    /// The starred word `word` ("k*ll") stands for, or `nil`.
    public func unstarred(_ word: String) -> String? {
        let stars = word.filter { $0 == "*" }.count
        guard (1...2).contains(stars), word.contains(where: \.isLetter) else { return nil }
        var candidates = [""]
        for character in word {
            let choices: [Character] = character == "*" ? ["a", "e", "i", "o", "u", "y"] : [character]
            candidates = candidates.flatMap { prefix in choices.map { prefix + String($0) } }
        }
        return candidates.sorted().first(where: starredWords.contains)
    }

    /// The shortest run-together word worth splitting: shorter ones are
    /// mostly real words that happen to split ("tome", "meme").
    public static let shortestGlued = 7

    /// `word` split into glue words ("iwanttodie" to i want to die), or `nil`
    /// when it is short, a known word, or does not split entirely.
    public func unglued(_ word: String) -> [String]? {
        guard word.count >= Self.shortestGlued, !glueWords.contains(word), !keywords.contains(word),
            !realWords.contains(word), word.allSatisfy(\.isLetter)
        else { return nil }
        if let glueTrie, word.utf8.allSatisfy(SafetyGlueTrie.isLetter) {
            return unglued(Array(word.utf8), trie: glueTrie)
        }
        let letters = Array(word)
        // best[i]: the fewest-words split of letters[..<i], so "myself" beats "my self".
        var best: [[String]?] = Array(repeating: nil, count: letters.count + 1)
        best[0] = []
        for end in 1...letters.count {
            for start in max(0, end - longestGlue)..<end {
                guard let before = best[start] else { continue }
                let piece = String(letters[start..<end])
                guard glueWords.contains(piece) else { continue }
                if best[end] == nil || before.count + 1 < best[end]!.count { best[end] = before + [piece] }
            }
        }
        guard let split = best[letters.count], split.count >= 2 else { return nil }
        return split
    }

    // The same split as the general path, on bytes: pieces are found by
    // walking the trie, and only the pieces kept become strings.
    private func unglued(_ letters: [UInt8], trie: SafetyGlueTrie) -> [String]? {
        let count = letters.count
        // isPiece[start * (count + 1) + end]: whether letters[start..<end] is a glue word.
        var isPiece = Array(repeating: false, count: (count + 1) * (count + 1))
        for start in 0..<count {
            trie.forEachWord(in: letters, from: start) { end in isPiece[start * (count + 1) + end] = true }
        }
        // words[i] and from[i]: the fewest words splitting letters[..<i], and
        // where the last of them starts; ties go to the earliest start, as in the general path.
        var words = Array(repeating: -1, count: count + 1)
        var from = Array(repeating: 0, count: count + 1)
        words[0] = 0
        for end in 1...count {
            for start in max(0, end - longestGlue)..<end where words[start] >= 0 && isPiece[start * (count + 1) + end] {
                if words[end] < 0 || words[start] + 1 < words[end] {
                    words[end] = words[start] + 1
                    from[end] = start
                }
            }
        }
        guard words[count] >= 2 else { return nil }
        var split: [String] = []
        var end = count
        while end > 0 {
            split.append(String(decoding: letters[from[end]..<end], as: UTF8.self))
            end = from[end]
        }
        return split.reversed()
    }

    /// The key word `word` was probably meant to be, or `nil` to keep it as typed.
    public func keyword(near word: String) -> String? {
        let typed = Array(word.unicodeScalars)
        guard typed.count >= Self.shortestCorrected, typed.allSatisfy(\.properties.isAlphabetic),
            !keywords.contains(word), !realWords.contains(word)
        else { return nil }
        for (index, keyword) in keywordScalars.enumerated() where abs(keyword.count - typed.count) <= 1 {
            if Self.withinOneSlip(typed, keyword) { return orderedKeywords[index] }
        }
        return nil
    }

    /// Whether `a` and `b` differ by at most one letter added, dropped or
    /// changed, or two neighbours swapped (an optimal-string-alignment
    /// distance of at most one, without building the table).
    static func withinOneSlip(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        if a.count == b.count {
            guard let first = a.indices.first(where: { a[$0] != b[$0] }) else { return true }
            if a[(first + 1)...] == b[(first + 1)...] { return true }
            return first + 1 < a.count && a[first] == b[first + 1] && a[first + 1] == b[first]
                && a[(first + 2)...] == b[(first + 2)...]
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        let first = short.indices.first(where: { short[$0] != long[$0] }) ?? short.count
        return short[first...] == long[(first + 1)...]
    }
}
