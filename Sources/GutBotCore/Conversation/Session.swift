/// What one conversation remembers between messages. Nothing else about a
/// conversation is kept anywhere, so a reply depends only on the engine, the
/// message and this value, and a session kept in a ``SessionStore`` carries
/// the whole conversation.
public struct Session: Sendable, Equatable {
    /// The conversation's id, as the JSON protocol names it.
    public let id: String
    /// Messages seen so far.
    public var turn = 0
    /// The plugin that answered last (`safety` and `fallback` included).
    public var lastPluginID: String?
    /// The intent that answered last, if a topic plugin did.
    public var lastIntentID: String?
    /// The last topic plugin that answered, which follow-ups refer to.
    public var lastTopicID: String?
    /// The last question a topic plugin answered, which "what about X?" builds on.
    public var lastTopicQuestion: String?
    /// Set after a crisis reply, so later replies keep pointing to help.
    public var crisis: CrisisMemory?
    /// The intents offered in a clarifying question, waiting for a choice.
    public var pendingChoice: [Candidate] = []

    /// A new conversation.
    public init(id: String) {
        self.id = id
    }
}
