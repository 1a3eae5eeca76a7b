import Foundation
import Testing

/// The JSON Lines contract, driven through the built binary.
@Suite struct JSONProtocolTests {
    private func objects(_ result: GutBotProcess.Result) throws -> [[String: Any]] {
        try result.lines.map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not an object: \(line)")
        }
    }

    @Test func everyReplyHasTheContractFields() throws {
        let result = try GutBotProcess.run(["--json"], input: #"{"text": "does fiber help my mood", "session": "s1"}"# + "\n")
        #expect(result.status == 0)
        let reply = try #require(try objects(result).first)
        for key in ["text", "plugin", "intent", "confidence", "source", "session"] {
            #expect(reply.keys.contains(key), "missing \(key)")
        }
        #expect(reply["plugin"] as? String == "diet")
        #expect(reply["session"] as? String == "s1")
        let confidence = try #require(reply["confidence"] as? Double)
        #expect(confidence > 0 && confidence <= 1)
        #expect((reply["source"] as? String)?.isEmpty == false)
    }

    @Test func interleavedSessionsKeepSeparateState() throws {
        let input = [
            #"{"text": "hello", "session": "a"}"#,
            #"{"text": "how many hours of sleep should I get", "session": "b"}"#,
            #"{"text": "does fiber help my mood", "session": "a"}"#,
            #"{"text": "thanks", "session": "b"}"#,
            #"{"text": "how many hours of sleep should I get", "session": "b"}"#,
        ].joined(separator: "\n") + "\n"
        let replies = try objects(try GutBotProcess.run(["--json"], input: input))
        #expect(replies.count == 5)
        #expect(replies.map { $0["session"] as? String } == ["a", "b", "a", "b", "b"])
        #expect(replies.map { $0["turn"] as? Int } == [1, 1, 2, 2, 3])
    }

    @Test func malformedLinesGetAnErrorAndTheNextLineIsAnswered() throws {
        let input = "not json at all\n{\"session\": \"x\"}\n[1,2]\n{\"text\": \"does fiber help my mood\"}\n"
        let replies = try objects(try GutBotProcess.run(["--json"], input: input))
        #expect(replies.count == 4)
        for reply in replies.prefix(3) { #expect(reply["error"] is String) }
        #expect(replies[3]["plugin"] as? String == "diet")
    }

    @Test func crisisBeforeTopicInJSON() throws {
        let result = try GutBotProcess.run(["--json"], input: #"{"text": "does fiber help? doesn't matter, I want to die"}"# + "\n")
        let reply = try #require(try objects(result).first)
        #expect(reply["plugin"] as? String == "safety")
        #expect(reply["category"] is String)
        #expect(reply["tier"] is String)
    }

    @Test func chatJSONIsTheSameProtocol() throws {
        let result = try GutBotProcess.run(["chat", "--json"], input: #"{"text": "what is the weather in paris tomorrow"}"# + "\n")
        #expect(try objects(result).first?["plugin"] as? String == "fallback")
    }
}
