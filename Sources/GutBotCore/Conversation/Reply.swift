/// The answer to one message and how it was chosen: what every front end
/// renders and what the JSON protocol sends.
public struct Reply: Sendable, Equatable {
    /// The reply text.
    public var text: String
    /// The plugin that answered: a topic id, `safety`, `support` or `fallback`.
    public var pluginID: String
    /// The intent that answered, or the safety rule's category.
    public var intentID: String?
    /// How sure the router was, 0 to 1.
    public var confidence: Double
    /// The article heading the answer comes from.
    public var source: String?
    /// For safety replies: the crisis category, tier and rule that fired.
    public var safety: SafetyVerdict?
    /// The best-scoring intents, for /why and the JSON `candidates` field.
    public var candidates: [Candidate]
    /// For a clarifying question: the intents offered, in the order named.
    public var choices: [Candidate]
    /// What the safety net made of the message, for /why and the JSON `screen` field.
    public var screening: SafetyNet.Judgement?
    /// Which reading of meaning the net and the ranking used.
    public var depth: Router.Depth?
    /// A pointer to help added after a recent crisis, or to a message in distress. Kept apart from `text`
    /// so that front ends show it after the answer's source line: an answer and
    /// its source stay together.
    public var reminder: String?
    /// When the message was a conversation word ("quit", "thanks"), which kind.
    public var conversation: ConversationWord?
    /// When "tell me more" chose this reply: the answer it followed on from.
    public var followedUp: Candidate?

    /// A reply with the given fields.
    public init(
        text: String, pluginID: String, intentID: String? = nil, confidence: Double,
        source: String? = nil, safety: SafetyVerdict? = nil, candidates: [Candidate] = [],
        choices: [Candidate] = []
    ) {
        self.text = text
        self.pluginID = pluginID
        self.intentID = intentID
        self.confidence = confidence
        self.source = source
        self.safety = safety
        self.candidates = candidates
        self.choices = choices
    }

    /// Adds `line` (a pointer to help) to the reminder, after any there is.
    mutating func addReminder(_ line: String) {
        reminder = reminder.map { $0 + " " + line } ?? line
    }

    /// The plugin id of replies no plugin could give.
    public static let fallbackID = CorePluginID.fallback
    /// The text and the reminder as one, the way the JSON protocol's `text` has always carried them.
    public var fullText: String {
        guard let reminder else { return text }
        return text + "\n\n" + reminder
    }

    /// The intent id of a clarifying question between two topics.
    public static let clarifyIntent = "clarify"
    /// The plugin id of the safety plugin.
    public static let safetyID = CorePluginID.safety
    /// The plugin id of the warm reply to distress that is not a crisis: the
    /// safety screen words it, but it is support, not an interception.
    public static let supportID = CorePluginID.support
    /// The intent id of the acknowledgement of a reset.
    public static let resetIntent = "reset"
}
