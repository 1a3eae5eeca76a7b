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
