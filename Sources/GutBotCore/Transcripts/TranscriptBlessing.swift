/// What `replay --update` makes of a replay: the transcript with its routing
/// lines and exact replies rewritten to what the engine now answers, and
/// everything else (title, comments, checks) left as the author wrote it.
public struct TranscriptBlessing: Sendable, Equatable {
    /// One expectation rewritten.
    public struct Change: Sendable, Equatable {
        /// The line of the old expectation.
        public var line: Int
        /// The turn's message.
        public var message: String
        /// The old line (for a reply, its first line).
        public var before: String
        /// The new line (for a reply, its first line).
        public var after: String
    }

    /// The updated transcript.
    public var transcript: Transcript
    /// What was rewritten; empty when nothing needed to be.
    public var changes: [Change]
    /// Failures an update cannot fix: checks that do not hold.
    public var remaining: [TurnFailure]

    /// Blesses the current answers in `replay`.
    public init(_ replay: TranscriptReplay) {
        var transcript = replay.transcript
        var changes: [Change] = []
        var remaining: [TurnFailure] = []
        for (index, turnReplay) in replay.turns.enumerated() where !turnReplay.passed {
            var turn = transcript.turns[index]
            for failure in turnReplay.failures {
                // A turn has at most one routing line and one reply, so the
                // kind finds the entry even in transcripts built in memory,
                // whose entries all have line 0.
                switch failure {
                case .routing(let expected, let actual, let line):
                    guard let position = turn.entries.firstIndex(where: { if case .routing = $0.kind { true } else { false } }) else {
                        remaining.append(failure)
                        continue
                    }
                    let updated = expected.updated(to: actual)
                    turn.entries[position].kind = .routing(updated)
                    changes.append(Change(line: line, message: turn.message, before: "< \(expected)", after: "< \(updated)"))
                case .reply(let expected, let actual, let line):
                    guard let position = turn.entries.firstIndex(where: { if case .reply = $0.kind { true } else { false } }) else {
                        remaining.append(failure)
                        continue
                    }
                    turn.entries[position].kind = .reply(actual)
                    changes.append(
                        Change(line: line, message: turn.message, before: Self.firstLine(expected), after: Self.firstLine(actual)))
                case .assertion:
                    remaining.append(failure)
                }
            }
            transcript.turns[index] = turn
        }
        self.transcript = transcript
        self.changes = changes
        self.remaining = remaining
    }

    private static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        return line.count > 60 ? line.prefix(57) + "..." : line
    }
}
