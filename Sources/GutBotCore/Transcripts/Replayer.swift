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
            turns.append(
                TurnReplay(
                    turn: turn, number: index + 1, routing: routing, text: text,
                    failures: Self.failures(of: turn, routing: routing, text: text)))
        }
        return TranscriptReplay(transcript: transcript, turns: turns)
    }

    /// The expectations of `turn` that a reply routed as `routing` and
    /// rendered as `text` does not meet, in file order.
    public static func failures(of turn: TranscriptTurn, routing: TranscriptRouting, text: String) -> [TurnFailure] {
        turn.entries.compactMap { entry -> TurnFailure? in
            switch entry.kind {
            case .routing(let expected):
                return expected.accepts(routing) ? nil : .routing(expected: expected, actual: routing, line: entry.line)
            case .reply(let expected):
                let actual = TranscriptText.normalized(text)
                return TranscriptText.normalized(expected) == actual ? nil : .reply(expected: expected, actual: actual, line: entry.line)
            case .assertion(let assertion):
                return assertion.holds(text: text, routing: routing) ? nil : .assertion(assertion, line: entry.line)
            case .comment, .blank:
                return nil
            }
        }
    }
}

/// A whole transcript replayed: every turn, passing or not.
public struct TranscriptReplay: Sendable, Equatable {
    /// The transcript that was replayed.
    public var transcript: Transcript
    /// Its turns, in order, each with what the engine answered.
    public var turns: [TurnReplay]

    /// A replay of `transcript` with the given turns.
    public init(transcript: Transcript, turns: [TurnReplay]) {
        self.transcript = transcript
        self.turns = turns
    }

    /// Whether every turn passed.
    public var passed: Bool { turns.allSatisfy(\.passed) }

    /// The turns that did not pass.
    public var failedTurns: [TurnReplay] { turns.filter { !$0.passed } }
}

/// One turn replayed: what the engine answered and how it differs from the
/// transcript.
public struct TurnReplay: Sendable, Equatable {
    /// The turn as the transcript has it.
    public var turn: TranscriptTurn
    /// 1-based position of the turn in its transcript.
    public var number: Int
    /// The plugin and intent that answered.
    public var routing: TranscriptRouting
    /// The reply as the front end renders it (with its source line).
    public var text: String
    /// Every expectation that does not hold; empty when the turn passed.
    public var failures: [TurnFailure]

    /// A replayed turn with the given fields.
    public init(turn: TranscriptTurn, number: Int, routing: TranscriptRouting, text: String, failures: [TurnFailure]) {
        self.turn = turn
        self.number = number
        self.routing = routing
        self.text = text
        self.failures = failures
    }

    /// Whether every expectation held.
    public var passed: Bool { failures.isEmpty }
}

/// One way a replayed reply differs from its transcript.
public enum TurnFailure: Sendable, Equatable {
    /// A different plugin or intent answered.
    case routing(expected: TranscriptRouting, actual: TranscriptRouting, line: Int)
    /// The reply text differs from the exact text expected.
    case reply(expected: String, actual: String, line: Int)
    /// A check does not hold.
    case assertion(TranscriptAssertion, line: Int)

    /// The line of the expectation that failed.
    public var line: Int {
        switch self {
        case .routing(_, _, let line), .reply(_, _, let line), .assertion(_, let line): return line
        }
    }

    /// Whether `replay --update` can rewrite the expectation: routing and
    /// exact text can be blessed; a check is the author's intent and is not.
    public var isBlessable: Bool {
        if case .assertion = self { return false }
        return true
    }
}

/// How reply text is compared and written in transcripts.
///
/// Editors and review tools strip trailing spaces and blank lines at the ends
/// of blocks, so both are ignored when comparing: a hand-edited transcript must
/// not fail over whitespace nobody can see.
public enum TranscriptText {
    /// The first characters that mark a line as something other than reply
    /// text; a reply line starting with one is written with a `\` before it.
    public static let markers: Set<Character> = ["#", ">", "<", "~", "/", "!", "\\"]

    /// `text` with trailing whitespace removed from every line and blank lines
    /// removed from both ends.
    public static func normalized(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while let last = line.last, last.isWhitespace { line.removeLast() }
            return line
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The lines a reply is written as, each escaped when it could be read as a marker.
    public static func escapedLines(_ text: String) -> [String] {
        normalized(text).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if let first = line.first, markers.contains(first) { return "\\" + line }
            return String(line)
        }
    }
}
