/// The lexicon's glue words as a trie over the letters a to z, so that
/// ``SafetyLexicon/unglued(_:)`` can find every glue word starting at a
/// letter of a run-together word by walking bytes, without building a string
/// for each piece it tries.
struct SafetyGlueTrie: Sendable {
    // children[node * 26 + letter]: the node after that letter, or 0 for none (the root is never a child).
    private var children: [Int32] = Array(repeating: 0, count: 26)
    // Whether the letters leading to each node spell a glue word.
    private var isWord: [Bool] = [false]

    /// A trie of `words`, or `nil` when one has a character other than a to z
    /// (the trie could not hold it, so the caller must use the general path).
    init?(_ words: Set<String>) {
        for word in words {
            guard word.utf8.allSatisfy(Self.isLetter) else { return nil }
            var node = 0
            for byte in word.utf8 {
                let slot = node * 26 + Int(byte - 0x61)
                if children[slot] == 0 {
                    children[slot] = Int32(isWord.count)
                    isWord.append(false)
                    children += Array(repeating: 0, count: 26)
                }
                node = Int(children[slot])
            }
            isWord[node] = true
        }
    }

    /// Whether `byte` is one of the letters the trie holds.
    static func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }

    /// For each end offset in `letters` after `start`, whether
    /// `letters[start..<end]` is a glue word, calling `found` with every such end.
    func forEachWord(in letters: [UInt8], from start: Int, _ found: (Int) -> Void) {
        var node = 0
        var index = start
        while index < letters.count {
            node = Int(children[node * 26 + Int(letters[index] - 0x61)])
            guard node != 0 else { return }
            index += 1
            if isWord[node] { found(index) }
        }
    }
}
