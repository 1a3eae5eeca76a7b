/// One intent's claim on a message, as the index scored it.
public struct Candidate: Sendable, Equatable, Codable {
    /// The plugin the intent belongs to.
    public var pluginID: String
    /// The intent.
    public var intentID: String
    /// Similarity from 0 (nothing shared) to 1 (an example, word for word).
    public var score: Double
    /// The features this message shared with the intent's closest example.
    public var matchedTerms: [String]
    /// The words half of ``score``: TF-IDF similarity, 0 to 1.
    public var lexical: Double?
    /// The meaning half of ``score``: the sentence encoder's similarity, 0 to 1.
    public var semantic: Double?

    /// A candidate with the given fields.
    public init(
        pluginID: String, intentID: String, score: Double, matchedTerms: [String] = [],
        lexical: Double? = nil, semantic: Double? = nil
    ) {
        self.pluginID = pluginID
        self.intentID = intentID
        self.score = score
        self.matchedTerms = matchedTerms
        self.lexical = lexical
        self.semantic = semantic
    }

    enum CodingKeys: String, CodingKey {
        case pluginID = "plugin"
        case intentID = "intent"
        case score
        case matchedTerms = "terms"
        case lexical, semantic
    }
}
