import GutBotCore

/// How a reply looks as plain text: the answer, then the section it comes from.
enum ReplyRenderer {
    /// The reply text with its source on a line of its own.
    static func text(_ reply: Reply) -> String {
        guard let source = reply.source else { return reply.text }
        return reply.text + "\n(Source: \(source))"
    }

    /// The top candidates and the terms that matched, for /why.
    static func why(_ reply: Reply) -> String {
        var lines = ["Answered by \(reply.pluginID)\(reply.intentID.map { "/\($0)" } ?? "") with confidence \(format(reply.confidence))."]
        if let verdict = reply.safety {
            lines.append("Safety rule '\(verdict.rule)' fired (category \(verdict.category), tier \(verdict.tier)).")
        }
        if reply.candidates.isEmpty { lines.append("No intent shared any words with that message.") }
        for (rank, candidate) in reply.candidates.enumerated() {
            let terms = candidate.matchedTerms.isEmpty ? "" : "  terms: " + candidate.matchedTerms.joined(separator: ", ")
            lines.append("  \(rank + 1). \(candidate.pluginID)/\(candidate.intentID)  \(format(candidate.score))\(terms)")
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}

import Foundation
