/// Runs transcripts through an ``Engine`` and compares every reply with what
/// the transcript expects. Pure: no files, no output; front ends print.
public struct Replayer: Sendable {
    /// The engine answering; its safety plugin's region should be the transcript's.
    public var engine: Engine
    /// Renders a reply as the chat shows it, source line included, because
    /// transcripts record what the user saw.
    public var render: @Sendable (Reply) -> String

    /// A replayer over `engine` rendering replies with `render`.
    public init(engine: Engine, render: @escaping @Sendable (Reply) -> String) {
        self.engine = engine
        self.render = render
    }

    /// Sends every message of `transcript`, in order, in one fresh session,
    /// and checks each reply. Every turn is run even after a failure, so one
    /// replay shows every difference.
    public func replay(_ transcript: Transcript) -> TranscriptReplay {
        var session = Session(id: "transcript")
        var turns: [TurnReplay] = []
        for (index, turn) in transcript.turns.enumerated() {
            let reply = engine.reply(to: turn.message, in: &session)
            let routing = TranscriptRouting(reply)
            let text = render(reply)
            turns.append(TurnReplay(turn: turn, number: index + 1, routing: routing, text: text,
                                    failures: Self.failures(of: turn, routing: routing, text: text)))
        }
        return TranscriptReplay(transcript: transcript, turns: turns)
    }

    /// The expectations of `turn` that a reply routed as `routing` and
    /// rendered as `text` does not meet, in file order.
    public static func failures(of turn: TranscriptTurn, routing: TranscriptRouting, text: String) -> [TurnFailure] {
        turn.entries.compactMap { entry -> TurnFailure? in
            switch entry.kind {
            case let .routing(expected):
                return expected.accepts(routing) ? nil : .routing(expected: expected, actual: routing, line: entry.line)
            case let .reply(expected):
                let actual = TranscriptText.normalized(text)
                return TranscriptText.normalized(expected) == actual ? nil : .reply(expected: expected, actual: actual, line: entry.line)
            case let .assertion(assertion):
                return assertion.holds(text: text, routing: routing) ? nil : .assertion(assertion, line: entry.line)
            case .comment, .blank:
                return nil
            }
        }
    }
}
