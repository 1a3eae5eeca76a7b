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
        let input =
            [
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

    /// Conversation words, by JSON: answered as conversation, never by a topic
    /// plugin; a crisis among them is still safety's.
    @Test func conversationWordsNeverReachATopicPlugin() throws {
        let words = [
            "quit", "exit", "stop", "bye", "yes", "no", "ok", "cool", "thanks", "who are you", "who made you",
            "what's your source", "Cool!", "no thanks", "ok bye",
        ]
        let topics: Set<String> = ["diet", "sleep", "stress", "exercise", "probiotics", "medications", "science"]
        let input =
            words.map { #"{"text": "\#($0)", "session": "w"}"# }.joined(separator: "\n")
            + "\n" + #"{"text": "bye, I'm going to kill myself", "session": "w"}"# + "\n"
        let replies = try objects(GutBotProcess.run(["--json"], input: input))
        #expect(replies.count == words.count + 1)
        for (word, reply) in zip(words, replies) {
            let plugin = reply["plugin"] as? String ?? ""
            #expect(!topics.contains(plugin), "\(word) reached \(plugin)")
            #expect(plugin == "smalltalk", "\(word) went to \(plugin)")
        }
        #expect(replies.last?["plugin"] as? String == "safety")
        // A program cannot type /help: the JSON fallback names no command.
        let fallback = try objects(GutBotProcess.run(["--json"], input: #"{"text": "what is the weather in paris tomorrow"}"# + "\n"))
        #expect((fallback.first?["text"] as? String)?.contains("/help") == false)
    }

    /// A program has fields, not slash-commands: a text starting with / is
    /// refused with an error line and changes nothing, never answered as a
    /// question ("/why" once reached "are you a doctor", "/reset" the fallback);
    /// a crisis after the slash is still answered by the safety screen.
    @Test func slashCommandsAreRefusedNotRoutedAndACrisisIsStillSafetys() throws {
        let input =
            [
                #"{"text": "does fiber help my mood", "session": "s"}"#, #"{"text": "/why", "session": "s"}"#,
                #"{"text": "/reset", "session": "s"}"#, #"{"text": " /sleep", "session": "s"}"#,
                #"{"text": "/help", "session": "s"}"#, #"{"text": "tell me more", "session": "s"}"#,
                #"{"text": "/kill myself", "session": "s"}"#,
            ].joined(separator: "\n") + "\n"
        let replies = try objects(GutBotProcess.run(["--json"], input: input))
        #expect(replies.count == 7)
        for (number, reply) in replies.enumerated() where (1...4).contains(number) {
            #expect(reply["plugin"] == nil, "a slash-command was answered as a question: \(reply)")
            let error = reply["error"] as? String ?? ""
            #expect(error.contains("slash-commands") && error.contains("\"reset\": true"), "\(error)")
            #expect(reply["line"] as? Int == number + 1)
        }
        // The refused lines were not turns, and "/reset" forgot nothing: the follow-up continues the fiber answer.
        #expect(replies[5]["plugin"] as? String == "diet" && replies[5]["turn"] as? Int == 2, "\(replies[5])")
        #expect(replies[6]["plugin"] as? String == "safety", "a crisis behind a slash went unanswered: \(replies[6])")
    }

    @Test func aResetForgetsTheSessionAndAcknowledges() throws {
        let input =
            [
                #"{"text": "does fiber help my mood", "session": "a"}"#,
                #"{"text": "does fiber help my mood", "session": "b"}"#,
                #"{"session": "a", "reset": true}"#,
                #"{"text": "tell me more", "session": "a"}"#,
                #"{"text": "tell me more", "session": "b"}"#,
                #"{"session": "c"}"#,
            ].joined(separator: "\n") + "\n"
        let replies = try objects(GutBotProcess.run(["--json"], input: input))
        #expect(replies.count == 6)
        #expect(replies[2]["intent"] as? String == "reset" && replies[2]["session"] as? String == "a")
        #expect((replies[2]["text"] as? String)?.contains("forgotten") == true)
        #expect(replies[2]["turn"] as? Int == 0)
        #expect(replies[3]["plugin"] as? String != "diet", "session a still followed up after its reset")
        #expect(replies[4]["plugin"] as? String == "diet", "the reset reached session b")
        #expect((replies[5]["error"] as? String)?.contains("text") == true, "no text and no reset is an error")
    }
}
