/// One thing a plugin can answer: the phrasings that should reach it and the reply.
public struct Intent: Sendable, Equatable {
    /// Unique within its plugin.
    public var id: String
    /// Phrasings, the way people type them, that the router learns from.
    public var examples: [String]
    /// The reply, in the project's own words.
    public var answer: String
    /// The article heading the answer comes from; `nil` only for small talk.
    public var source: String?
    /// The intent "tell me more" leads to, if the author named one.
    public var followUp: String?

    /// An intent with the given fields.
    public init(id: String, examples: [String], answer: String, source: String?, followUp: String? = nil) {
        self.id = id
        self.examples = examples
        self.answer = answer
        self.source = source
        self.followUp = followUp
    }
}
