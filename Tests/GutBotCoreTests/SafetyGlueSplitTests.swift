import GutBotCore
import Testing

/// Run-together words split the same way whether the lexicon takes its fast
/// path (every glue word made of the letters a to z, walked on bytes) or its
/// general one (some glue word has another letter, so pieces are compared as
/// strings): the fast path exists only for speed.
@Suite struct SafetyGlueSplitTests {
    private static let glue: Set<String> = ["i", "a", "want", "wan", "t", "to", "die", "my", "self", "myself", "so", "tired", "red", "ti"]
    private static let fast = SafetyLexicon(glueWords: glue)
    // "café" cannot be held by the byte trie, so this lexicon splits every word the general way.
    private static let general = SafetyLexicon(glueWords: glue.union(["café"]))

    @Test(arguments: [
        "iwanttodie", "iwantmyself", "sotiredtodie", "wanttotired", "tiredtired", "abcdefgh",
        "iwanttodiex", "myselfmyself", "aaaaaaaa", "want", "Iwanttodie", "iwant2die",
    ])
    func fastPathSplitsAsTheGeneralOne(word: String) {
        #expect(Self.fast.unglued(word) == Self.general.unglued(word))
    }

    @Test func splitsIntoTheFewestWords() {
        #expect(Self.fast.unglued("iwanttodie") == ["i", "want", "to", "die"])
        #expect(Self.fast.unglued("tomyselfdie") == ["to", "myself", "die"])
        #expect(Self.fast.unglued("abcdefgh") == nil)
    }
}
