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
    /// The last question a topic plugin answered, with the short turns on
    /// the same topic that leaned on it: what "what about X?" and "how
    /// often?" are read with. See ``rememberTopicQuestion(_:leaning:topicID:)``.
    public var lastTopicQuestion: String?
    /// Set after a crisis reply, so later replies keep pointing to help.
    public var crisis: CrisisMemory?
    /// The intents offered in a clarifying question, waiting for a choice.
    public var pendingChoice: [Candidate] = []

    /// A new conversation.
    public init(id: String) {
        self.id = id
    }

    /// The longest, in bytes, that short turns make ``lastTopicQuestion``
    /// grow: a question and a few turns, which the encoders read whole.
    public static let topicQuestionLimit = 400

    /// Records `question`, answered by the topic plugin `topicID`, as the one
    /// later turns lean on. A turn that itself leaned on the conversation
    /// ("and for kids?") about the same topic is added to the question it
    /// leaned on, not put in its place, so the turn after it ("is it safe
    /// every day?") still has the question to be read with.
    public mutating func rememberTopicQuestion(_ question: String, leaning: Bool, topicID: String) {
        if leaning, topicID == lastTopicID, let previous = lastTopicQuestion {
            let extended = previous + " " + question
            lastTopicQuestion = extended.utf8.count <= Self.topicQuestionLimit ? extended : previous
        } else {
            lastTopicQuestion = question
        }
    }
}
