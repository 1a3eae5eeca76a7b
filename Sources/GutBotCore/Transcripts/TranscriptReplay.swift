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
