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
        case let .routing(_, _, line), let .reply(_, _, line), let .assertion(_, line): return line
        }
    }

    /// Whether `replay --update` can rewrite the expectation: routing and
    /// exact text can be blessed; a check is the author's intent and is not.
    public var isBlessable: Bool {
        if case .assertion = self { return false }
        return true
    }
}
