/// What every topic plugin is to the core: who it is, the intents it can
/// answer, and how it answers one of them.
///
/// Plugins do not score messages themselves: the core's ``IntentIndex`` learns
/// from every plugin's `intents` together so that scores compare across
/// plugins. A Swift plugin that needs more than a fixed answer overrides
/// ``answer(_:to:in:)``.
public protocol Plugin: Sendable {
    /// Stable identifier, used in replies, transcripts and the JSON protocol.
    var id: String { get }
    /// Short human name, shown in /help and the fallback.
    var name: String { get }
    /// One line on what the plugin covers.
    var summary: String { get }
    /// The intents it answers, with the phrasings that should reach them.
    var intents: [Intent] { get }
    /// The reply to `message`, which the router matched to `intent`.
    func answer(_ intent: Intent, to message: String, in session: Session) -> Answer
}

extension Plugin {
    /// The intent's written answer and source.
    public func answer(_ intent: Intent, to message: String, in session: Session) -> Answer {
        Answer(text: intent.answer, source: intent.source)
    }

    /// The intent with `id`, if the plugin has one.
    public func intent(withID id: String) -> Intent? {
        intents.first { $0.id == id }
    }
}

/// A plugin's reply text and the article section it comes from.
public struct Answer: Sendable, Equatable {
    /// The reply.
    public var text: String
    /// The article heading the reply is drawn from, if any.
    public var source: String?

    /// An answer with the given text and source.
    public init(text: String, source: String?) {
        self.text = text
        self.source = source
    }
}
