import Foundation

/// What every topic plugin is to the core: who it is, the intents it can
/// answer, and how it answers one of them.
///
/// Plugins do not score messages themselves: the core's ``IntentIndex`` learns
/// from every plugin's `intents` together so that scores compare across
/// plugins. A plugin written as YAML is a ``TopicPlugin``; a Swift plugin
/// conforms to this protocol itself and is handed to ``Engine/init(safety:plugins:lexicon:outOfScope:stemmer:encoder:cache:)``
/// (or to `GutBotCLI.main(plugins:)`, which loads the YAML plugins beside it).
///
/// # Implementation requirements
///
/// The engine, the transcripts and every program reading the JSON protocol
/// rely on a few promises, whichever plugin answers:
///
/// - ``id`` is unique among the loaded plugins, not empty, and none of the
///   ids the core answers under itself (``CorePluginID/reserved``). It is
///   **stable**: transcripts (`< diet/fiber`), eval sets and JSON clients name
///   plugins by id, so renaming one breaks them all. Lowercase letters,
///   digits, `-` and `_` keep it usable in file names and on the command line.
/// - ``intents`` is not empty, never changes after the plugin is handed to
///   the engine (it is read once, into the index), and each intent has an id
///   unique within the plugin and at least one example.
/// - ``answer(_:to:in:)`` is **deterministic**: the same intent, message and
///   session give the same answer, with no clock, randomness, network or
///   file read behind it, so transcripts replay and replies can be compared
///   byte for byte. It returns quickly and never fails: what it cannot
///   answer, it says in words.
/// - An answer carries only what its ``Answer/source`` section of the article
///   says, in the project's own words, and never advises starting, stopping
///   or changing a medication.
///
/// The engine checks what it can (ids and intents) when it is built and
/// throws a ``PluginContractError`` naming the plugin; the rest is the
/// author's to keep.
///
/// In return, the engine guarantees:
///
/// - the safety screen reads every message first; a crisis never reaches a plugin;
/// - ``answer(_:to:in:)`` is called only with one of the plugin's own
///   ``intents``, chosen by the shared index, with at most
///   ``Engine/matchLimit`` characters of the message;
/// - ``synonyms`` join the shared lexicon, so they widen matching for every plugin;
/// - the session passed in is read-only to the plugin: the engine alone updates it.
public protocol Plugin: Sendable {
    /// Stable identifier, used in replies, transcripts and the JSON protocol.
    var id: String { get }
    /// Short human name, shown in /help and the fallback.
    var name: String { get }
    /// One line on what the plugin covers.
    var summary: String { get }
    /// The intents it answers, with the phrasings that should reach them.
    var intents: [Intent] { get }
    /// Words people type mapped to the words this plugin's examples use;
    /// merged into the lexicon every plugin shares. Empty by default.
    var synonyms: Lexicon { get }
    /// The reply to `message`, which the router matched to `intent`.
    func answer(_ intent: Intent, to message: String, in session: Session) -> Answer
}

extension Plugin {
    /// No synonyms of its own.
    public var synonyms: Lexicon { Lexicon() }

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

/// The plugin ids the core itself answers under, written once: replies,
/// transcripts and JSON clients see them as `plugin`, so no plugin may take one.
public enum CorePluginID {
    /// The safety screen's crisis replies.
    public static let safety = "safety"
    /// The safety screen's warm reply to distress that is not a crisis.
    public static let support = "support"
    /// The reply when nothing matched, and the class of out-of-scope questions.
    public static let fallback = "fallback"
    /// The small-talk plugin, which conversation words ("thanks", "quit") go to.
    public static let smallTalk = "smalltalk"

    /// Ids no plugin may use. Small talk is not among them: it is a plugin
    /// file like any other, which the core only looks up.
    public static let reserved: Set<String> = [safety, support, fallback]
}

/// A plugin that breaks the ``Plugin`` contract in a way the engine can see.
public struct PluginContractError: Error, Equatable, CustomStringConvertible {
    /// The plugin's id as it gave it (possibly empty).
    public var pluginID: String
    /// What is wrong, in words its author can act on.
    public var message: String

    /// An error about the plugin `pluginID`.
    public init(pluginID: String, message: String) {
        self.pluginID = pluginID
        self.message = message
    }

    /// `plugin 'id': message`.
    public var description: String {
        "plugin '\(pluginID)': \(message)"
    }

    /// The first broken promise among `plugins`, in order: ids unique, not
    /// empty and not reserved; intents not empty, each with a unique, non-empty
    /// id and at least one example.
    public static func check(_ plugins: [any Plugin]) throws(PluginContractError) {
        var seen: Set<String> = []
        for plugin in plugins {
            func fail(_ message: String) -> PluginContractError {
                PluginContractError(pluginID: plugin.id, message: message)
            }
            guard !plugin.id.isEmpty else { throw fail("the plugin id is empty") }
            guard !CorePluginID.reserved.contains(plugin.id) else { throw fail("the id is reserved for the core") }
            guard seen.insert(plugin.id).inserted else { throw fail("another plugin has the same id; give each plugin its own") }
            guard !plugin.intents.isEmpty else { throw fail("the plugin has no intents, so nothing could ever reach it") }
            var intentIDs: Set<String> = []
            for intent in plugin.intents {
                guard !intent.id.isEmpty else { throw fail("an intent has an empty id") }
                guard intentIDs.insert(intent.id).inserted else { throw fail("intent id '\(intent.id)' appears twice") }
                guard !intent.examples.isEmpty else { throw fail("intent '\(intent.id)' has no examples, so nothing could reach it") }
            }
        }
    }
}

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
    /// A short human title ("Fiber and mood"), shown in clarifying questions,
    /// `/why` and `/help` instead of the id: the author's `title:`, else one
    /// derived from the answer.
    public var title: String

    /// An intent with the given fields.
    public init(
        id: String, examples: [String], answer: String, source: String?, followUp: String? = nil,
        title: String? = nil
    ) {
        self.id = id
        self.examples = examples
        self.answer = answer
        self.source = source
        self.followUp = followUp
        self.title = title ?? Self.derivedTitle(answer: answer, id: id)
    }

    /// A title for an intent whose author gave none: the answer's first words,
    /// up to a comma or the end of its first sentence, at most six of them; the
    /// id with its dashes as spaces when the answer has no words.
    public static func derivedTitle(answer: String, id: String) -> String {
        let firstClause = answer.prefix { !".,;:?!—(".contains($0) }
        let words = firstClause.split(whereSeparator: \.isWhitespace).prefix(6)
        guard !words.isEmpty else {
            let spaced = id.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            return spaced.prefix(1).uppercased() + spaced.dropFirst()
        }
        let title = words.joined(separator: " ")
        let cut = firstClause.split(whereSeparator: \.isWhitespace).count > words.count
        return cut ? title + "…" : title
    }
}

/// A topic plugin written as data: one YAML file in `Plugins/`, no Swift.
public struct TopicPlugin: Plugin {
    /// See ``Plugin/id``.
    public var id: String
    /// See ``Plugin/name``.
    public var name: String
    /// See ``Plugin/summary``.
    public var summary: String
    /// See ``Plugin/intents``.
    public var intents: [Intent]
    /// See ``Plugin/synonyms``.
    public var synonyms: Lexicon
    /// The file it was loaded from, for messages; `nil` when built in memory.
    public var file: String?

    /// A plugin with the given fields.
    public init(id: String, name: String, summary: String, intents: [Intent], synonyms: Lexicon = Lexicon(), file: String? = nil) {
        self.id = id
        self.name = name
        self.summary = summary
        self.intents = intents
        self.synonyms = synonyms
        self.file = file
    }
}
