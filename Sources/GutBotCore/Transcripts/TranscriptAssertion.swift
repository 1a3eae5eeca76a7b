import Foundation

/// A check on a reply that survives rewording: what transcripts use where
/// exact text would break on every edit of a plugin's wording (safety replies
/// above all).
public enum TranscriptAssertion: Sendable, Equatable, CustomStringConvertible {
    /// `~ text`: the rendered reply contains `text` (case-sensitive).
    case contains(String)
    /// `!~ text`: the rendered reply does not contain `text`.
    case excludes(String)
    /// `/pattern/` or `/pattern/i`: the rendered reply matches the regular expression.
    case matches(TranscriptPattern)
    /// `!/pattern/`: the rendered reply does not match.
    case mismatches(TranscriptPattern)
    /// `!< plugin[/intent]`: the reply was not routed there (`!< safety`: not a crisis reply).
    case notRouted(TranscriptRouting)

    /// Whether the assertion holds for a reply rendered as `text` and routed as `routing`.
    public func holds(text: String, routing: TranscriptRouting) -> Bool {
        switch self {
        case let .contains(needle): return text.contains(needle)
        case let .excludes(needle): return !text.contains(needle)
        case let .matches(pattern): return pattern.matches(text)
        case let .mismatches(pattern): return !pattern.matches(text)
        case let .notRouted(forbidden): return !forbidden.accepts(routing)
        }
    }

    /// The line as a transcript spells it.
    public var description: String {
        switch self {
        case let .contains(needle): return "~ \(needle)"
        case let .excludes(needle): return "!~ \(needle)"
        case let .matches(pattern): return pattern.description
        case let .mismatches(pattern): return "!" + pattern.description
        case let .notRouted(routing): return "!< \(routing)"
        }
    }
}
