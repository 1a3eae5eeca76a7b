import Foundation

/// A recorded conversation that doubles as a regression test: the messages a
/// user sent and what each reply must be. Read with ``TranscriptParser``,
/// written with ``TranscriptFormatter``, checked with ``Replayer``.
///
/// ```
/// # title: Fiber and mood
/// # region: us
/// > does fiber help my mood
/// < diet/fiber
/// Fiber is food for the helpful bacteria ...
/// (Source: 1. Eat a Fiber-Rich, Nutrient-Dense Diet)
///
/// > I want to die
/// < safety/suicidal
/// ~ 988
/// ```
public struct Transcript: Sendable, Equatable {
    /// The file it was read from, for messages.
    public var file: String
    /// Comments and blank lines before the first turn, including the
    /// `# title:` and `# region:` lines.
    public var header: [TranscriptEntry]
    /// The exchanges, in order; replayed in one fresh session.
    public var turns: [TranscriptTurn]

    /// A transcript with the given parts.
    public init(file: String, header: [TranscriptEntry] = [], turns: [TranscriptTurn] = []) {
        self.file = file
        self.header = header
        self.turns = turns
    }

    /// The value of the header line `# title: ...`, if there is one.
    public var title: String? { headerValue("title") }

    /// The help-line region the transcript was recorded with (`# region: us`),
    /// so crisis replies replay with the same numbers on any machine.
    public var region: Region? { headerValue("region").flatMap(Region.init(named:)) }

    /// The value of the header comment `# key: value`.
    public func headerValue(_ key: String) -> String? {
        for entry in header {
            guard case .comment(let text) = entry.kind, let value = Self.headerField(text, key: key) else { continue }
            return value
        }
        return nil
    }

    /// The value in the comment `text` if it reads `# key: value`.
    static func headerField(_ text: String, key: String) -> String? {
        let body = text.dropFirst().drop { $0 == " " }
        guard body.lowercased().hasPrefix(key + ":") else { return nil }
        return body.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
    }

    /// The header a recorder starts a new file with.
    public static func recordingHeader(title: String, region: Region) -> [TranscriptEntry] {
        [
            TranscriptEntry(.comment("# title: \(title)")),
            TranscriptEntry(.comment("# region: \(region.rawValue)")),
            TranscriptEntry(.blank),
        ]
    }
}

/// One element of a transcript after a user line (or in its header), in file
/// order. Comments and blank lines are entries too, so a transcript prints
/// back as it was written and `replay --update` keeps them.
public struct TranscriptEntry: Sendable, Equatable {
    /// What the entry is.
    public enum Kind: Sendable, Equatable {
        /// `< plugin/intent`: which plugin and intent must answer.
        case routing(TranscriptRouting)
        /// The exact rendered reply, possibly several lines and paragraphs.
        case reply(String)
        /// A check that survives rewording.
        case assertion(TranscriptAssertion)
        /// A `#` line, kept verbatim (with its `#`).
        case comment(String)
        /// An empty line.
        case blank
    }

    /// The 1-based line the entry starts on; 0 for entries not read from a file.
    public var line: Int
    /// What the entry is.
    public var kind: Kind

    /// An entry of `kind` starting on `line`.
    public init(line: Int = 0, _ kind: Kind) {
        self.line = line
        self.kind = kind
    }

    /// Whether the entry says something about the reply (comments and blanks do not).
    public var isExpectation: Bool {
        switch kind {
        case .routing, .reply, .assertion: return true
        case .comment, .blank: return false
        }
    }
}

/// One exchange of a transcript: the user's message (`> ...`) and what is
/// expected of the reply.
public struct TranscriptTurn: Sendable, Equatable {
    /// The 1-based line of the `>` line; 0 for turns not read from a file.
    public var line: Int
    /// The message, sent to the engine as typed.
    public var message: String
    /// What follows the message, in file order: expectations, comments, blanks.
    public var entries: [TranscriptEntry]

    /// A turn sending `message`, followed by `entries`.
    public init(line: Int = 0, message: String, entries: [TranscriptEntry]) {
        self.line = line
        self.message = message
        self.entries = entries
    }

    /// The expected routing, if the turn has a `<` line.
    public var routing: TranscriptRouting? {
        for entry in entries { if case .routing(let routing) = entry.kind { return routing } }
        return nil
    }

    /// The expected exact reply, if the turn has one.
    public var reply: String? {
        for entry in entries { if case .reply(let text) = entry.kind { return text } }
        return nil
    }

    /// The turn's assertions with their lines, in file order.
    public var assertions: [(line: Int, assertion: TranscriptAssertion)] {
        entries.compactMap { entry in
            if case .assertion(let assertion) = entry.kind { return (entry.line, assertion) }
            return nil
        }
    }

    /// The turn as a recorder writes it: the routing, the exact reply, then a
    /// blank line to separate it from the next turn.
    public static func recorded(message: String, routing: TranscriptRouting, reply: String) -> TranscriptTurn {
        TranscriptTurn(
            message: message,
            entries: [
                TranscriptEntry(.routing(routing)),
                TranscriptEntry(.reply(TranscriptText.normalized(reply))),
                TranscriptEntry(.blank),
            ])
    }
}

/// Which plugin, and optionally which intent, answered a turn: the `< plugin/intent`
/// line of a transcript.
public struct TranscriptRouting: Sendable, Equatable, CustomStringConvertible {
    /// The plugin id: a topic, `safety` or `fallback`.
    public var plugin: String
    /// The intent (for safety, the crisis category); `nil` checks the plugin only.
    public var intent: String?

    /// A routing to `plugin`, and to `intent` when given.
    public init(plugin: String, intent: String? = nil) {
        self.plugin = plugin
        self.intent = intent
    }

    /// The routing a reply actually took.
    public init(_ reply: Reply) {
        self.init(plugin: reply.pluginID, intent: reply.intentID)
    }

    /// Reads `diet/fiber` or `diet`; `nil` when it is empty or has spaces.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.contains(where: \.isWhitespace) else { return nil }
        let parts = trimmed.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let plugin = parts.first, !plugin.isEmpty else { return nil }
        if parts.count == 2 {
            guard !parts[1].isEmpty, !parts[1].contains("/") else { return nil }
            self.init(plugin: plugin, intent: parts[1])
        } else {
            self.init(plugin: plugin)
        }
    }

    /// Whether `actual` satisfies this expectation: a plugin-only routing
    /// accepts any intent of that plugin.
    public func accepts(_ actual: TranscriptRouting) -> Bool {
        plugin == actual.plugin && (intent == nil || intent == actual.intent)
    }

    /// `actual` written at this routing's level of detail, so blessing a
    /// plugin-only line keeps it plugin-only.
    public func updated(to actual: TranscriptRouting) -> TranscriptRouting {
        intent == nil ? TranscriptRouting(plugin: actual.plugin) : actual
    }

    /// `plugin/intent` or `plugin`.
    public var description: String {
        intent.map { "\(plugin)/\($0)" } ?? plugin
    }
}

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
        case .contains(let needle): return text.contains(needle)
        case .excludes(let needle): return !text.contains(needle)
        case .matches(let pattern): return pattern.matches(text)
        case .mismatches(let pattern): return !pattern.matches(text)
        case .notRouted(let forbidden): return !forbidden.accepts(routing)
        }
    }

    /// The line as a transcript spells it.
    public var description: String {
        switch self {
        case .contains(let needle): return "~ \(needle)"
        case .excludes(let needle): return "!~ \(needle)"
        case .matches(let pattern): return pattern.description
        case .mismatches(let pattern): return "!" + pattern.description
        case .notRouted(let routing): return "!< \(routing)"
        }
    }
}

/// A regular expression written in a transcript as `/pattern/` or, ignoring
/// case, `/pattern/i`. Kept as source text so transcripts compare and print
/// as written; it is compiled when made, so a broken one is reported with
/// its line instead of failing at replay.
public struct TranscriptPattern: Sendable, Equatable, CustomStringConvertible {
    /// The pattern between the slashes (ICU syntax, as NSRegularExpression reads it).
    public let source: String
    /// Whether the trailing `i` flag was given.
    public let ignoresCase: Bool

    /// A pattern; throws when `source` does not compile.
    public init(source: String, ignoresCase: Bool = false) throws {
        _ = try NSRegularExpression(pattern: source, options: ignoresCase ? [.caseInsensitive] : [])
        self.source = source
        self.ignoresCase = ignoresCase
    }

    /// Splits a `/pattern/` or `/pattern/i` line into its pattern and flag;
    /// `nil` when the line does not have that shape.
    public static func split(_ line: Substring) -> (source: String, ignoresCase: Bool)? {
        guard line.hasPrefix("/") else { return nil }
        if line.count >= 4, line.hasSuffix("/i") { return (String(line.dropFirst().dropLast(2)), true) }
        if line.count >= 3, line.hasSuffix("/") { return (String(line.dropFirst().dropLast()), false) }
        return nil
    }

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        // Compiled again here rather than stored: NSRegularExpression is a
        // class, and keeping it out keeps transcripts plain, comparable values.
        guard let expression = try? NSRegularExpression(pattern: source, options: ignoresCase ? [.caseInsensitive] : []) else {
            return false
        }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// `/pattern/` or `/pattern/i`.
    public var description: String {
        "/\(source)/" + (ignoresCase ? "i" : "")
    }
}
