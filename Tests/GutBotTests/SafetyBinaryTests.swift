import Foundation
import Testing

/// The safety plugin seen from outside, through `gutbot --json`: the protocol
/// fields, the region's numbers, and the follow-up within one session.
@Suite struct SafetyBinaryTests {
    private func replies(_ arguments: [String], _ texts: [String], environment: [String: String] = [:]) throws -> [[String: Any]] {
        let input =
            try texts.map { text in
                String(decoding: try JSONSerialization.data(withJSONObject: ["text": text, "session": "safety"]), as: UTF8.self)
            }.joined(separator: "\n") + "\n"
        let result = try GutBotProcess.run(
            ["--json", "--plugins", GutBotProcess.plugins] + arguments, input: input,
            environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        return try result.lines.map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not an object: \(line)")
        }
    }

    @Test func crisisRepliesNameCategoryTierAndRuleButNotTheMessage() throws {
        let reply = try #require(try replies(["--region", "us"], ["honestly might kms tonight"]).first)
        #expect(reply["plugin"] as? String == "safety")
        #expect(reply["category"] as? String == "suicidal")
        #expect(reply["tier"] as? String == "emergency")
        let rule = try #require(reply["rule"] as? String)
        #expect(!rule.contains("kms"))
        let text = try #require(reply["text"] as? String)
        #expect(text.hasPrefix("If you might act on these thoughts soon, please call 911 now."))
        #expect(text.contains("988") && text.contains("findahelpline.com") && text.contains("program"))
    }

    @Test func theRegionComesFromTheLocaleWhenNotGiven() throws {
        let uk = try #require(try replies([], ["I want to die"], environment: ["LANG": "en_GB.UTF-8"]).first)
        #expect((uk["text"] as? String)?.contains("116 123") == true)
        let au = try #require(try replies([], ["I want to die"], environment: ["LC_ALL": "en_AU.UTF-8"]).first)
        #expect((au["text"] as? String)?.contains("13 11 14") == true)
        let unknown = try #require(try replies([], ["I want to die"], environment: ["LANG": "C.UTF-8"]).first)
        let text = try #require(unknown["text"] as? String)
        #expect(text.contains("988") && text.contains("116 123") && text.contains("13 11 14") && text.contains("findahelpline.com"))
    }

    @Test func aRetractionGetsOneCheckAndLaterRepliesAReminder() throws {
        let all = try replies(["--region", "us"], ["I want to die", "jk", "does fiber help my mood"])
        #expect(all.count == 3)
        #expect(all[1]["plugin"] as? String == "safety")
        #expect(all[1]["category"] as? String == "retraction-check")
        #expect(all[1]["tier"] as? String == "check")
        #expect(all[2]["plugin"] as? String != "safety")
        #expect((all[2]["text"] as? String)?.contains("988") == true)
    }
}
