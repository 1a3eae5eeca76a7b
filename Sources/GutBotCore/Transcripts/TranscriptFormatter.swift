/// Writes transcripts in the format ``TranscriptParser`` reads, so that
/// parsing what it writes gives the same transcript back.
public enum TranscriptFormatter {
    /// The whole file: header, then every turn.
    public static func text(of transcript: Transcript) -> String {
        var lines = transcript.header.flatMap(lines(of:))
        for turn in transcript.turns { lines += self.lines(of: turn) }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The header lines a recorder starts a new file with.
    public static func header(title: String, region: Region) -> String {
        Transcript.recordingHeader(title: title, region: region).flatMap(lines(of:)).map { $0 + "\n" }.joined()
    }

    /// One turn as it is appended to a recording: one piece of text, so it
    /// can go to disk in a single write.
    public static func text(of turn: TranscriptTurn) -> String {
        lines(of: turn).map { $0 + "\n" }.joined()
    }

    /// The lines of one turn: the message, then its entries in order.
    public static func lines(of turn: TranscriptTurn) -> [String] {
        // Control characters are stored escaped, so a transcript never carries a raw terminal escape.
        let message = ControlEscapes.escaped(turn.message)
        return [message.isEmpty ? ">" : "> " + message] + turn.entries.flatMap(lines(of:))
    }

    /// The lines of one entry.
    public static func lines(of entry: TranscriptEntry) -> [String] {
        switch entry.kind {
        case .routing(let routing): return ["< \(routing)"]
        case .reply(let text): return TranscriptText.escapedLines(text)
        case .assertion(let assertion): return [assertion.description]
        case .comment(let text): return [text]
        case .blank: return [""]
        }
    }
}
