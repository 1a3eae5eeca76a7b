import Foundation
import GutBotCore

/// The JSON Lines protocol: one request object per input line, exactly one
/// reply object per line out, in order. Its field names are a contract with
/// other programs: add fields, never rename them.
enum JSONLines {
    /// One request line.
    struct Request: Decodable {
        /// The message; may be left out only when `reset` is true.
        var text: String?
        var session: String?
        /// Asks for the `candidates` field in the reply.
        var candidates: Bool?
        /// Forgets the session's conversation first. Without `text` the
        /// reply acknowledges the reset; with it, `text` is answered afresh.
        var reset: Bool?
    }

    /// One reply line.
    struct Response: Encodable {
        var text: String
        var plugin: String
        var intent: String?
        var confidence: Double
        var source: String?
        var session: String
        var category: String?
        var tier: String?
        var rule: String?
        var turn: Int
        var candidates: [Candidate]?
        /// For a clarifying question: the intents offered, as "plugin/intent".
        var choices: [String]?
        /// With candidates, on a safety reply: what caught it and how close the nearest crisis line was.
        var screen: Screen?

        /// How the safety screen decided, for `/why` and `candidates`: what
        /// caught the message (`null` when nothing did) and how close it came
        /// to the net's crisis, benign and distress lines.
        struct Screen: Encodable {
            var caughtBy: SafetyVerdict.Catcher?
            var nearestCrisis: Double?
            var nearestBenign: Double?
            var nearestDistress: Double?

            enum CodingKeys: String, CodingKey {
                case caughtBy = "caught_by", nearestCrisis = "nearest_crisis", nearestBenign = "nearest_benign"
                case nearestDistress = "nearest_distress"
            }

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(caughtBy, forKey: .caughtBy)
                try container.encode(nearestCrisis, forKey: .nearestCrisis)
                try container.encode(nearestBenign, forKey: .nearestBenign)
                try container.encode(nearestDistress, forKey: .nearestDistress)
            }
        }

        init(_ reply: Reply, session: Session, withCandidates: Bool) {
            // The reminder after a crisis has always been part of `text` here.
            text = reply.fullText
            plugin = reply.pluginID
            intent = reply.intentID
            confidence = (reply.confidence * 1000).rounded() / 1000
            source = reply.source
            self.session = session.id
            category = reply.safety?.category
            tier = reply.safety?.tier
            rule = reply.safety?.rule
            turn = session.turn
            candidates = withCandidates ? reply.candidates : nil
            choices = reply.choices.isEmpty ? nil : reply.choices.map { "\($0.pluginID)/\($0.intentID)" }
            if withCandidates {
                func rounded(_ value: Float?) -> Double? { value.map { (Double($0) * 1000).rounded() / 1000 } }
                screen = Screen(caughtBy: reply.safety?.caughtBy, nearestCrisis: rounded(reply.screening?.nearestCrisis),
                                nearestBenign: rounded(reply.screening?.nearestBenign),
                                nearestDistress: rounded(reply.screening?.nearestDistress))
            }
        }

        // Optional fields are written as null rather than left out, so every
        // reply has the same keys.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try container.encode(plugin, forKey: .plugin)
            try container.encode(intent, forKey: .intent)
            try container.encode(confidence, forKey: .confidence)
            try container.encode(source, forKey: .source)
            try container.encode(session, forKey: .session)
            try container.encode(category, forKey: .category)
            try container.encode(tier, forKey: .tier)
            try container.encode(rule, forKey: .rule)
            try container.encode(turn, forKey: .turn)
            try container.encodeIfPresent(candidates, forKey: .candidates)
            try container.encodeIfPresent(choices, forKey: .choices)
            try container.encodeIfPresent(screen, forKey: .screen)
        }

        enum CodingKeys: String, CodingKey {
            case text, plugin, intent, confidence, source, session, category, tier, rule, turn, candidates, choices, screen
        }
    }

    /// An error line: the request could not be read; the process goes on.
    struct Failure: Encodable {
        var error: String
        var line: Int
    }

    /// The default session id when a request names none.
    static let defaultSession = "default"

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let line = String(data: data, encoding: .utf8) else {
            return #"{"error":"internal: could not encode the reply","line":0}"#
        }
        return line
    }

    /// Serves requests from standard input until EOF.
    static func serve(engine: Engine, explain: Bool) {
        var sessions: [String: Session] = [:]
        var number = 0
        while let line = readLine(strippingNewline: true) {
            number += 1
            Terminal.line(respond(to: line, number: number, engine: engine, sessions: &sessions, explain: explain))
        }
    }

    /// The reply line for one request line.
    static func respond(to line: String, number: Int, engine: Engine, sessions: inout [String: Session], explain: Bool) -> String {
        let request: Request
        do {
            request = try JSONDecoder().decode(Request.self, from: Data(line.utf8))
        } catch {
            return encode(Failure(error: "line \(number) is not a request object like {\"text\": \"...\", \"session\": \"id\"}: \(describe(error))", line: number))
        }
        let id = request.session ?? defaultSession
        var session = sessions[id] ?? Session(id: id)
        let reply: Reply
        switch (request.text, request.reset == true) {
        case (let text?, false):
            reply = engine.reply(to: text, in: &session)
        case (let text?, true):
            _ = engine.reset(&session)
            reply = engine.reply(to: text, in: &session)
        case (nil, true):
            reply = engine.reset(&session)
        case (nil, false):
            return encode(Failure(error: "line \(number) is not a request object like {\"text\": \"...\", \"session\": \"id\"}: missing \"text\"", line: number))
        }
        sessions[id] = session
        return encode(Response(reply, session: session, withCandidates: explain || request.candidates == true))
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context): return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: ".").ifEmpty("the top level"))"
        case DecodingError.valueNotFound(_, let context): return "null at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "invalid JSON"
        }
    }
}

private extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
