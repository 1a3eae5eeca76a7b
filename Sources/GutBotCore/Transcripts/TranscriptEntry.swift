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
