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
            let nearest = verdict.nearestCrisis.map { "; the nearest crisis line in the net is \(format($0)) similar" } ?? ""
            switch verdict.caughtBy {
            case .rule:
                lines.append("Safety rule '\(verdict.rule)' fired (category \(verdict.category), tier \(verdict.tier))\(nearest).")
            case .net:
                lines.append("No rule fired, but the semantic safety net did (closest to \(verdict.category) lines, tier \(verdict.tier))\(nearest).")
            case .distress:
                lines.append("Distress, not a crisis (\(verdict.rule))\(nearest).")
            }
        }
        if reply.candidates.isEmpty { lines.append("No intent shared any words or meaning with that message.") }
        for (rank, candidate) in reply.candidates.enumerated() {
            let parts = [candidate.lexical.map { "words \(format($0))" }, candidate.semantic.map { "meaning \(format($0))" }]
                .compactMap { $0 }.joined(separator: ", ")
            let split = parts.isEmpty ? "" : "  (\(parts))"
            let terms = candidate.matchedTerms.isEmpty ? "" : "  terms: " + candidate.matchedTerms.joined(separator: ", ")
            lines.append("  \(rank + 1). \(candidate.pluginID)/\(candidate.intentID)  \(format(candidate.score))\(split)\(terms)")
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}

import Foundation
