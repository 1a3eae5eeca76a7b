/// Where the router sends a message, before any text is written.
public enum Route: Sendable, Equatable {
    /// One intent answers.
    case intent(Candidate)
    /// Two intents from different topics fit about equally: ask which.
    case clarify(Candidate, Candidate)
    /// Nothing fits well enough; `confidence` is the best topic score seen.
    case fallback(confidence: Double)
}
