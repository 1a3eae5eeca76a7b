import GutBotCore

/// Finds examples in different plugins that say the same thing. Two such
/// examples pull one question towards two plugins, so which one answers
/// hangs on small score differences: routing that breaks when either file
/// changes.
public struct ExampleOverlap: Sendable {
    /// One example and the group it belongs to.
    public struct Example: Sendable, Equatable {
        /// Examples of one group are never compared: a plugin id, or the
        /// fallback's id for out-of-scope examples.
        public var group: String
        /// The example as written.
        public var text: String

        /// An example of `group`.
        public init(group: String, text: String) {
            self.group = group
            self.text = text
        }
    }

    /// Two examples from different groups that are too alike.
    public struct Pair: Sendable, Equatable {
        /// Position of the earlier example in the list given.
        public var first: Int
        /// Position of the later one.
        public var second: Int
        /// Jaccard similarity of their stem sets; 1 when the words are the same.
        public var similarity: Double
        /// Whether they have exactly the same content words, in any order.
        public var sameWords: Bool

        /// A pair with the given fields.
        public init(first: Int, second: Int, similarity: Double, sameWords: Bool) {
            self.first = first
            self.second = second
            self.similarity = similarity
            self.sameWords = sameWords
        }
    }

    /// Stem-set similarity from which two examples count as near-duplicates.
    public static let defaultThreshold = 0.8

    private let normalizer = TextNormalizer()
    private let stemmer: Stemmer
    private let threshold: Double

    /// An overlap finder using `stemmer`, flagging pairs at `threshold` or above.
    public init(stemmer: Stemmer, threshold: Double = ExampleOverlap.defaultThreshold) {
        self.stemmer = stemmer
        self.threshold = threshold
    }

    /// The content words of `text`: its words without stop words, or all of
    /// them when nothing else is left, as the matcher does.
    public func contentWords(_ text: String) -> Set<String> {
        let words = normalizer.words(text)
        let content = words.filter { !Stopwords.english.contains($0) }
        return Set(content.isEmpty ? words : content)
    }

    /// Every pair of examples from different groups with the same content
    /// words, or stem sets at least `threshold` alike, in input order.
    public func pairs(in examples: [Example]) -> [Pair] {
        let words = examples.map { contentWords($0.text) }
        let stems = words.map { Set($0.map(stemmer.stem)) }
        // Only examples sharing a stem can be alike, so compare through an
        // inverted index rather than every pair of a thousand-odd examples.
        var byStem: [String: [Int]] = [:]
        for (index, set) in stems.enumerated() {
            for stem in set { byStem[stem, default: []].append(index) }
        }
        var found: [Pair] = []
        for index in examples.indices {
            var others: Set<Int> = []
            for stem in stems[index] {
                others.formUnion((byStem[stem] ?? []).filter { $0 > index })
            }
            // Sorted, because set order changes from run to run and the report must not.
            for other in others.sorted() where examples[other].group != examples[index].group {
                let same = words[index] == words[other]
                let similarity = same ? 1 : Self.jaccard(stems[index], stems[other])
                if same || similarity >= threshold {
                    found.append(Pair(first: index, second: other, similarity: similarity, sameWords: same))
                }
            }
        }
        return found
    }

    /// |A ∩ B| / |A ∪ B|; 0 for two empty sets.
    public static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
