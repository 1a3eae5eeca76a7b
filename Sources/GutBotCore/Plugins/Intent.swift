import Foundation

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
    public init(id: String, examples: [String], answer: String, source: String?, followUp: String? = nil,
                title: String? = nil) {
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
