/// One text turned into weighted matching features: stems of its content
/// words, pairs of neighbouring stems, and the stems its synonyms add.
///
/// Examples and questions go through the same analyzer, so they meet on the
/// same terms; only questions get spelling correction, against the examples'
/// vocabulary.
public struct Analyzer: Sendable {
    /// What an analysis found.
    public struct Analysis: Sendable {
        /// The words after spelling correction, before stop words are dropped.
        public var words: [String]
        /// The words as ``TextNormalizer/words(_:)`` gives them, before
        /// spelling correction: kept so that no stage after the analysis
        /// normalises the same text again.
        public var typed: [String]
        /// Misspelt word to the vocabulary word it was read as.
        public var corrections: [String: String]
        /// Feature to weight; pairs are written "stem1 stem2".
        public var features: [String: Double]
    }

    /// Folds text into words.
    public let normalizer: TextNormalizer
    /// Synonyms to add.
    public let lexicon: Lexicon
    /// Reduces words to stems.
    public let stemmer: Stemmer

    /// An analyzer with the given parts.
    public init(normalizer: TextNormalizer = TextNormalizer(), lexicon: Lexicon, stemmer: Stemmer) {
        self.normalizer = normalizer
        self.lexicon = lexicon
        self.stemmer = stemmer
    }

    /// Weight of a pair of neighbouring stems against a single stem: pairs
    /// sharpen a match ("blood sugar", "gut flora") without dominating it.
    static let pairWeight = 0.5
    /// Weight of a stem that only a synonym supplied.
    static let synonymWeight = 0.8

    /// Analyzes `text`, correcting spelling with `speller` when given.
    ///
    /// Every question goes through here: each word's stop-word test is made
    /// once and reused, and the feature table is sized up front.
    public func analyze(_ text: String, speller: SpellingCorrector? = nil) -> Analysis {
        var words = normalizer.words(text)
        // Shares the array until a correction changes `words`.
        let typed = words
        var corrections: [String: String] = [:]
        var isStopword = words.map(Stopwords.english.contains)
        if let speller {
            for index in words.indices where !isStopword[index] {
                guard let fixed = speller.correction(for: words[index]) else { continue }
                corrections[words[index]] = fixed
                words[index] = fixed
                isStopword[index] = Stopwords.english.contains(fixed)
            }
        }
        var stems: [String] = []
        stems.reserveCapacity(words.count)
        for index in words.indices where !isStopword[index] { stems.append(stemmer.stem(words[index])) }
        if stems.isEmpty { stems = words.map(stemmer.stem) }  // "what can you do" is all stop words and still a question
        var features: [String: Double] = [:]
        features.reserveCapacity(2 * stems.count + 4)
        for stem in stems { features[stem, default: 0] += 1 }
        for (first, second) in zip(stems, stems.dropFirst()) {
            features[first + " " + second, default: 0] += Self.pairWeight
        }
        for added in lexicon.expansions(of: words) where !Stopwords.english.contains(added) {
            let stem = stemmer.stem(added)
            if features[stem] == nil { features[stem] = Self.synonymWeight }
        }
        return Analysis(words: words, typed: typed, corrections: corrections, features: features)
    }
}
