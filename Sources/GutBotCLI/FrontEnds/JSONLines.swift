import Foundation
import GutBotCore

/// The JSON Lines protocol: one request object per input line, exactly one
/// reply object per line out, in order. Its field names are a contract with
/// other programs: add fields, never rename them.
enum JSONLines {
    /// One request line.
    struct Request {
        /// The message; may be left out only when `reset` is true.
        var text: String?
        var session: String?
        /// Asks for the `candidates` field in the reply.
        var candidates: Bool?
        /// Forgets the session's conversation first. Without `text` the
        /// reply acknowledges the reset; with it, `text` is answered afresh.
        var reset: Bool?

        /// The request `line` holds, or what is wrong with it, in words
        /// for the client. Unknown fields are ignored, so clients can send more.
        static func read(_ line: [UInt8]) -> Result<Request, RequestProblem> {
            let value: JSONValue
            do {
                value = try JSONParser.parse(line)
            } catch {
                return .failure(RequestProblem("not valid JSON: \(error)"))
            }
            guard case .object = value else {
                return .failure(RequestProblem("a request must be a JSON object, not \(value.typeName)"))
            }
            var request = Request()
            switch value["reset"] {
            case nil, .null?: break
            case .bool(let flag)?: request.reset = flag
            case let other?: return .failure(RequestProblem("\"reset\" must be true or false, not \(other.typeName)"))
            }
            switch value["text"] {
            case .string(let text)?: request.text = text
            case nil where request.reset == true: break
            case nil: return .failure(RequestProblem("missing \"text\""))
            case let other?: return .failure(RequestProblem("\"text\" must be a string, not \(other.typeName)"))
            }
            switch value["session"] {
            case nil, .null?: break
            case .string(let id)?: request.session = id
            case let other?: return .failure(RequestProblem("\"session\" must be a string, not \(other.typeName)"))
            }
            switch value["candidates"] {
            case nil, .null?: break
            case .bool(let flag)?: request.candidates = flag
            case let other?: return .failure(RequestProblem("\"candidates\" must be true or false, not \(other.typeName)"))
            }
            return .success(request)
        }
    }

    /// Why a request line could not be read.
    struct RequestProblem: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// One reply line. Its ``AlwaysEncoded`` fields are written as `null`
    /// when absent, so every reply has the same keys; `candidates`, `choices`
    /// and `screen` appear only when they apply.
    struct Response: Encodable {
        var text: String
        var plugin: String
        @AlwaysEncoded var intent: String?
        var confidence: Double
        @AlwaysEncoded var source: String?
        var session: String
        @AlwaysEncoded var category: String?
        @AlwaysEncoded var tier: String?
        @AlwaysEncoded var rule: String?
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
            @AlwaysEncoded var caughtBy: SafetyVerdict.Catcher?
            @AlwaysEncoded var nearestCrisis: Double?
            @AlwaysEncoded var nearestBenign: Double?
            @AlwaysEncoded var nearestDistress: Double?
            /// Which reading of meaning gave those cosines: `quick` (the static table) or `deep` (the transformer).
            @AlwaysEncoded var reading: Router.Depth?
            /// How far the crisis classifier leaned towards crisis (log-odds), on a deep reading.
            @AlwaysEncoded var crisisLean: Double?

            enum CodingKeys: String, CodingKey {
                case caughtBy = "caught_by"
                case nearestCrisis = "nearest_crisis"
                case nearestBenign = "nearest_benign"
                case nearestDistress = "nearest_distress"
                case reading
                case crisisLean = "crisis_lean"
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
            tier = reply.safety?.tier.rawValue
            rule = reply.safety?.rule
            turn = session.turn
            candidates = withCandidates ? reply.candidates : nil
            choices = reply.choices.isEmpty ? nil : reply.choices.map { "\($0.pluginID)/\($0.intentID)" }
            if withCandidates {
                func rounded(_ value: Float?) -> Double? { value.map { (Double($0) * 1000).rounded() / 1000 } }
                screen = Screen(
                    caughtBy: reply.safety?.caughtBy, nearestCrisis: rounded(reply.screening?.nearestCrisis),
                    nearestBenign: rounded(reply.screening?.nearestBenign),
                    nearestDistress: rounded(reply.screening?.nearestDistress), reading: reply.depth,
                    crisisLean: rounded(reply.screening?.lean))
            }
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

    /// The most bytes of one request line read; a longer line gets an error
    /// reply, and reading it costs no more memory than this.
    static let lineLimit = 1 << 20

    /// Serves requests from standard input until EOF, keeping at most
    /// ``SessionStore/defaultCapacity`` sessions (least recently used forgotten).
    static func serve(engine: Engine, explain: Bool) {
        var sessions = SessionStore()
        InputLines.forEach(limit: lineLimit) { line in
            let reply: String
            if line.truncated {
                reply = encode(
                    Failure(error: "line \(line.number) is longer than \(lineLimit) bytes, so it was not read", line: line.number))
            } else {
                reply = respond(to: line.bytes, number: line.number, engine: engine, sessions: &sessions, explain: explain)
            }
            Terminal.line(reply)
            return true
        }
    }

    /// The reply line for one request line.
    static func respond(to line: [UInt8], number: Int, engine: Engine, sessions: inout SessionStore, explain: Bool) -> String {
        let request: Request
        switch Request.read(line) {
        case .success(let read): request = read
        case .failure(let problem):
            return encode(
                Failure(
                    error: "line \(number) is not a request object like {\"text\": \"...\", \"session\": \"id\"}: \(problem.message)",
                    line: number))
        }
        let id = request.session ?? defaultSession
        var session = sessions.session(id)
        // The chat's slash-commands are for people at a prompt; a program has
        // fields ("reset": true). Such a text is refused, never read as a
        // question, except that the safety screen still answers a crisis in it.
        if let text = request.text, let command = ChatCommands.slashCommand(in: text) {
            if request.reset == true { _ = engine.reset(&session) }
            guard let reply = ChatCommands.safetyReply(to: command, engine: engine, session: &session) else {
                return encode(
                    Failure(
                        error: "line \(number): \"text\" starts with /, and slash-commands work only in the chat; "
                            + "the JSON protocol answers questions (to forget a session, send {\"session\": \"id\", \"reset\": true})",
                        line: number))
            }
            sessions.save(session)
            return encode(Response(reply, session: session, withCandidates: explain || request.candidates == true))
        }
        let reply: Reply
        if request.reset == true {
            let acknowledgement = engine.reset(&session)
            reply = request.text.map { engine.reply(to: $0, in: &session) } ?? acknowledgement
        } else {
            reply = engine.reply(to: request.text ?? "", in: &session)
        }
        sessions.save(session)
        return encode(Response(reply, session: session, withCandidates: explain || request.candidates == true))
    }
}
