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
    public func analyze(_ text: String, speller: SpellingCorrector? = nil) -> Analysis {
        var words = normalizer.words(text)
        var corrections: [String: String] = [:]
        if let speller {
            words = words.map { word in
                guard !Stopwords.english.contains(word), let fixed = speller.correction(for: word) else { return word }
                corrections[word] = fixed
                return fixed
            }
        }
        var content = words.filter { !Stopwords.english.contains($0) }
        if content.isEmpty { content = words } // "what can you do" is all stop words and still a question
        let stems = content.map(stemmer.stem)
        var features: [String: Double] = [:]
        for stem in stems { features[stem, default: 0] += 1 }
        for (first, second) in zip(stems, stems.dropFirst()) {
            features["\(first) \(second)", default: 0] += Self.pairWeight
        }
        for added in lexicon.expansions(of: words) where !Stopwords.english.contains(added) {
            let stem = stemmer.stem(added)
            if features[stem] == nil { features[stem] = Self.synonymWeight }
        }
        return Analysis(words: words, corrections: corrections, features: features)
    }
}
