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
        for entry in entries { if case let .routing(routing) = entry.kind { return routing } }
        return nil
    }

    /// The expected exact reply, if the turn has one.
    public var reply: String? {
        for entry in entries { if case let .reply(text) = entry.kind { return text } }
        return nil
    }

    /// The turn's assertions with their lines, in file order.
    public var assertions: [(line: Int, assertion: TranscriptAssertion)] {
        entries.compactMap { entry in
            if case let .assertion(assertion) = entry.kind { return (entry.line, assertion) }
            return nil
        }
    }

    /// The turn as a recorder writes it: the routing, the exact reply, then a
    /// blank line to separate it from the next turn.
    public static func recorded(message: String, routing: TranscriptRouting, reply: String) -> TranscriptTurn {
        TranscriptTurn(message: message, entries: [
            TranscriptEntry(.routing(routing)),
            TranscriptEntry(.reply(TranscriptText.normalized(reply))),
            TranscriptEntry(.blank),
        ])
    }
}
