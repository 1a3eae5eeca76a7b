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
    public var region: Region? { headerValue("region").flatMap(Self.region(named:)) }

    /// The region `name` stands for: a ``Region`` raw value, or `gb` for the UK.
    public static func region(named name: String) -> Region? {
        let name = name.lowercased()
        return Region(rawValue: name) ?? (name == "gb" ? .uk : nil)
    }

    /// The value of the header comment `# key: value`.
    public func headerValue(_ key: String) -> String? {
        for entry in header {
            guard case let .comment(text) = entry.kind, let value = Self.headerField(text, key: key) else { continue }
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

import Foundation
