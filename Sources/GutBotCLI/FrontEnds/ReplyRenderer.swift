import Foundation
import GutBotCore

/// How a reply looks: plain text for pipes, transcripts and `ask`, or wrapped
/// and styled for a terminal.
enum ReplyRenderer {
    /// The reply text, its source on a line of its own right under it, then
    /// any reminder of help after a crisis: an answer and its source stay together.
    static func text(_ reply: Reply) -> String {
        layout(reply).text
    }

    /// The reply for a terminal `width` columns wide, styled when `styled`:
    /// a dim source line and bold help lines in crisis replies.
    static func terminal(_ reply: Reply, width: Int, styled: Bool) -> String {
        let (text, spans, sourceLine) = layout(reply)
        // The source line is kept whole when it fits; a heading wider than
        // the terminal is wrapped like any text rather than overflow.
        let keep = sourceLine.map { $0.count <= width ? [$0] : [] } ?? []
        let wrapped = TextWrapper.wrap(text, width: width, unbreakable: keep)
        return styled ? TextStyle.apply(spans, to: wrapped) : wrapped
    }

    /// The plain text, the styles of its parts and where the source line is.
    private static func layout(_ reply: Reply) -> (text: String, spans: [TextStyle.Span], sourceLine: Range<Int>?) {
        // Made visible first: styling codes are added later and must be the only escapes.
        var text = Terminal.visible(reply.text)
        var spans: [TextStyle.Span] = []
        if reply.pluginID == Reply.safetyID { spans += helpSentences(in: text, from: 0) }
        var sourceLine: Range<Int>?
        if let source = reply.source {
            let start = text.count + 1
            text += "\n(Source: \(Terminal.visible(source)))"
            sourceLine = start..<text.count
            spans.append(TextStyle.Span(range: start..<text.count, style: .dim))
        }
        if let reminder = reply.reminder.map(Terminal.visible) {
            let start = text.count + 2
            text += "\n\n" + reminder
            spans += helpSentences(in: reminder, from: start)
        }
        return (text, spans, sourceLine)
    }

    /// The sentences of `text` that name a help line (a phone number or a
    /// web address), as spans offset by `base`: they are what a person in
    /// crisis must not miss.
    static func helpSentences(in text: String, from base: Int) -> [TextStyle.Span] {
        var spans: [TextStyle.Span] = []
        let characters = Array(text)
        var start = 0
        var offset = 0
        func close(_ end: Int) {
            let sentence = String(characters[start..<end])
            if namesHelpLine(sentence) {
                spans.append(TextStyle.Span(range: (base + start)..<(base + end), style: .bold))
            }
        }
        while offset < characters.count {
            let character = characters[offset]
            if ".?!\n".contains(character), offset + 1 == characters.count || characters[offset + 1].isWhitespace {
                close(offset + 1)
                start = offset + 1
                while start < characters.count, characters[start].isWhitespace { start += 1 }
                offset = start
                continue
            }
            offset += 1
        }
        if start < characters.count { close(characters.count) }
        return spans
    }

    private static func namesHelpLine(_ sentence: String) -> Bool {
        sentence.range(
            of: #"\d{3}|\b[a-z0-9-]+\.(com|org|net|uk|ie|au|ca|eu)\b|https?://"#,
            options: [.regularExpression, .caseInsensitive]) != nil
    }

    /// How the last reply was chosen, for /why: the intents by title, the
    /// scores and the terms that matched, or the answer "tell me more" continued.
    static func why(_ reply: Reply, engine: Engine) -> String {
        var answered = "\(reply.pluginID)\(reply.intentID.map { "/\($0)" } ?? "")"
        if let intentID = reply.intentID, let title = engine.plugin(withID: reply.pluginID)?.intent(withID: intentID)?.title {
            answered = "\u{201C}\(title)\u{201D} (\(answered))"
        }
        // A clarifying question has no intent of its own ("clarify" is not one
        // a person would recognise): it is told by the two it offered, below.
        let headline =
            reply.choices.count > 1
            ? "I asked which of two topics you meant (confidence \(format(reply.confidence)))."
            : "Answered by \(answered) with confidence \(format(reply.confidence))."
        var lines = [headline]
        if let verdict = reply.safety {
            let nearest = verdict.nearestCrisis.map { "; the nearest crisis line in the net is \(format($0)) similar" } ?? ""
            switch verdict.caughtBy {
            case .rule:
                lines.append("Safety rule '\(verdict.rule)' fired (category \(verdict.category), tier \(verdict.tier.rawValue))\(nearest).")
            case .net:
                lines.append(
                    "No rule fired, but the semantic safety net did (closest to \(verdict.category) lines, tier \(verdict.tier.rawValue))\(nearest)"
                        + (reply.screening?.lean.map { "; the crisis classifier leans \(format(Double($0))) towards crisis" } ?? "") + ".")
            case .distress:
                lines.append("Distress, not a crisis (\(verdict.rule))\(nearest).")
            }
        }
        if let word = reply.conversation {
            lines.append("That message is a conversation word (\(word.intentID)), answered before any topic was considered.")
        } else if let previous = reply.followedUp {
            lines.append(
                "That followed up on the previous answer, \u{201C}\(engine.title(of: previous))\u{201D} "
                    + "(\(previous.pluginID)/\(previous.intentID)), with the next part of the same topic.")
        } else if reply.choices.count > 1 {
            let offered = reply.choices.map { "\u{201C}\(engine.title(of: $0))\u{201D}" }.joined(separator: " and ")
            lines.append("\(offered) scored too close to call.")
        } else if reply.candidates.isEmpty, reply.safety == nil {
            lines.append("No intent shared any words or meaning with that message.")
        }
        if reply.depth == .deep {
            // A follow-up or a safety reply lists no candidates: promise scores only when some follow.
            let scores = reply.candidates.isEmpty ? "" : "; its scores are below"
            lines.append("The quick reading of meaning left that uncertain, so the transformer read it again\(scores).")
        }
        for (rank, candidate) in reply.candidates.enumerated() {
            let parts = [candidate.lexical.map { "words \(format($0))" }, candidate.semantic.map { "meaning \(format($0))" }]
                .compactMap { $0 }.joined(separator: ", ")
            let split = parts.isEmpty ? "" : "  (\(parts))"
            let terms = candidate.matchedTerms.isEmpty ? "" : "  terms: " + candidate.matchedTerms.joined(separator: ", ")
            let name = candidate.pluginID == Router.outOfScopeID ? "out of scope" : "\u{201C}\(engine.title(of: candidate))\u{201D}"
            lines.append("  \(rank + 1). \(name) (\(candidate.pluginID)/\(candidate.intentID))  \(format(candidate.score))\(split)\(terms)")
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}

/// The few terminal styles gutbot uses (SGR escape codes), and how styled
/// spans are written into wrapped text.
enum TextStyle: String, Sendable {
    case bold = "1"
    case dim = "2"
    case prompt = "1;36"

    /// The escape that turns the style on.
    var on: String { "\u{1B}[\(rawValue)m" }
    /// The escape that turns every style off.
    static let off = "\u{1B}[0m"

    /// A span of characters, by offset into the plain text, and its style.
    struct Span: Sendable {
        var range: Range<Int>
        var style: TextStyle
    }

    /// `text` with each span's style turned on and off around it. Styles are
    /// closed before every line break and opened again after it, so a line on
    /// its own (a terminal scrolled, a copy of one line) never bleeds style.
    static func apply(_ spans: [Span], to text: String) -> String {
        guard !spans.isEmpty else { return text }
        var out = ""
        var active: TextStyle?
        for (offset, character) in text.enumerated() {
            let wanted = spans.last { $0.range.contains(offset) }?.style
            if character == "\n" {
                if active != nil { out += off }
                out.append(character)
                active = nil
                continue
            }
            if wanted != active {
                if active != nil { out += off }
                if let wanted { out += wanted.on }
                active = wanted
            }
            out.append(character)
        }
        if active != nil { out += off }
        return out
    }
}
