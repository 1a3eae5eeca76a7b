/// Synonyms and brand names mapped to the words the plugins' examples use,
/// so "zoloft" can reach the SSRI answers without every example naming it.
///
/// Expansion adds words and never removes the ones typed: a synonym can help a
/// match but not hide one.
public struct Lexicon: Sendable {
    /// Phrase (as words) to the words it adds.
    private var entries: [[String]: [String]] = [:]
    /// First word of every phrase to the longest phrase it starts, so that
    /// expansion passes over the many words that start none with one look-up.
    private var phraseStarts: [String: Int] = [:]

    /// An empty lexicon.
    public init() {}

    /// A lexicon from `phrase: expansion` pairs, normalized with `normalizer`.
    public init(_ pairs: [(String, String)], normalizer: TextNormalizer = TextNormalizer()) {
        for (phrase, expansion) in pairs {
            add(phrase: normalizer.words(phrase), expansion: normalizer.words(expansion))
        }
    }

    /// How many phrases the lexicon knows.
    public var count: Int { entries.count }

    /// Every word the lexicon can add, for the spelling corrector's vocabulary.
    public var phraseWords: Set<String> { Set(entries.keys.joined()) }

    /// Adds one mapping; a later expansion for the same phrase adds to it.
    public mutating func add(phrase: [String], expansion: [String]) {
        guard !phrase.isEmpty, !expansion.isEmpty else { return }
        entries[phrase, default: []].append(contentsOf: expansion.filter { !(entries[phrase] ?? []).contains($0) })
        phraseStarts[phrase[0]] = max(phraseStarts[phrase[0]] ?? 0, phrase.count)
    }

    /// Merges another lexicon into this one.
    public mutating func merge(_ other: Lexicon) {
        for (phrase, expansion) in other.entries { add(phrase: phrase, expansion: expansion) }
    }

    /// The words added for `words`: the expansions of every phrase found in them.
    public func expansions(of words: [String]) -> [String] {
        guard !entries.isEmpty else { return [] }
        var added: [String] = []
        for start in words.indices {
            guard let longest = phraseStarts[words[start]] else { continue }
            for length in 1...min(longest, words.count - start) {
                if let expansion = entries[Array(words[start..<start + length])] {
                    added.append(contentsOf: expansion)
                }
            }
        }
        return added
    }
}
