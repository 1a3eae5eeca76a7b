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

    /// A candidate with the given fields.
    public init(pluginID: String, intentID: String, score: Double, matchedTerms: [String] = []) {
        self.pluginID = pluginID
        self.intentID = intentID
        self.score = score
        self.matchedTerms = matchedTerms
    }

    enum CodingKeys: String, CodingKey {
        case pluginID = "plugin", intentID = "intent", score, matchedTerms = "terms"
    }
}
