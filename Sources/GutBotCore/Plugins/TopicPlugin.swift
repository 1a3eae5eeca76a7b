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
