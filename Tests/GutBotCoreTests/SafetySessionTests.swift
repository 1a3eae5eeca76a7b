import GutBotCore
import Testing

/// After a crisis: reminders on the next few replies, one gentle check when
/// the person takes it back, and an end once they move on.
@Suite struct SafetySessionTests {
    private static func conversation(_ messages: [String]) throws -> [Reply] {
        let engine = try SafetyFixtures.usEngine.get()
        var session = Session(id: "safety-session")
        return messages.map { engine.reply(to: $0, in: &session) }
    }

    private static let reminder = "988"

    @Test func laterRepliesPointToHelpForAFewTurnsThenStop() throws {
        let replies = try Self.conversation([
            "I want to die", "does fiber help my mood", "how many hours of sleep should I get",
            "what foods have tryptophan", "does exercise help my gut",
        ])
        #expect(replies[0].pluginID == Reply.safetyID)
        for reply in replies[1...3] {
            #expect(reply.pluginID != Reply.safetyID)
            #expect(reply.fullText.contains(Self.reminder), "no reminder in: \(reply.fullText)")
        }
        #expect(!replies[4].fullText.contains(Self.reminder), "still reminding after three turns")
    }

    @Test(arguments: ["jk", "just kidding", "lol i'm fine", "haha i was joking", "nvm", "I’m fine lol"])
    func takingItBackGetsOneGentleCheck(_ retraction: String) throws {
        let replies = try Self.conversation(["I want to kill myself", retraction, retraction])
        #expect(replies[1].pluginID == Reply.safetyID)
        #expect(replies[1].safety?.category == "retraction-check")
        #expect(replies[1].safety?.tier == .check)
        #expect(replies[1].fullText.contains("988") && replies[1].fullText.contains("safe"))
        #expect(replies[2].pluginID != Reply.safetyID, "checked twice")
    }

    @Test func aRetractionWithoutACrisisIsAnOrdinaryMessage() throws {
        let replies = try Self.conversation(["does fiber help my mood", "jk"])
        #expect(replies[1].pluginID != Reply.safetyID)
        #expect(!replies[1].fullText.contains(Self.reminder))
    }

    @Test func sayingTheyAreSafeEndsRemindersSooner() throws {
        let replies = try Self.conversation([
            "I want to die", "thanks, I'm safe now, I called my sister", "does fiber help my mood", "what foods have tryptophan",
        ])
        #expect(replies[1].pluginID != Reply.safetyID)
        #expect(replies[1].fullText.contains(Self.reminder), "the last reminder")
        #expect(!replies[2].fullText.contains(Self.reminder))
        #expect(!replies[3].fullText.contains(Self.reminder))
    }

    @Test func aNewCrisisGetsAFullReplyAgain() throws {
        let replies = try Self.conversation(["I want to die", "does fiber help my mood", "i cut myself again"])
        #expect(replies[2].pluginID == Reply.safetyID)
        #expect(replies[2].safety?.category == "self-harm")
    }

    @Test func redFlagRemindersAreMedical() throws {
        let replies = try Self.conversation(["there's blood in my stool", "does fiber help my mood"])
        #expect(replies[1].fullText.contains("doctor"))
    }

    /// The screen words its answer and keeps its memory with no reply or
    /// session in sight: the engine makes the reply, from the same words.
    @Test func theScreenAnswersInItsOwnWordsAndTheEngineRepliesWithThem() throws {
        let screen = try SafetyFixtures.usEngine.get().safety
        var crisis: CrisisMemory?
        let response = try #require(screen.screen("I want to die", crisis: &crisis))
        #expect(response.text.contains(Self.reminder))
        #expect(response.source == SafetyScreen.source)
        #expect(crisis?.category == response.verdict.category)
        let reply = try Self.conversation(["I want to die"])[0]
        #expect(reply.text == response.text)
        #expect(reply.intentID == response.verdict.category && reply.source == response.source)
        var reminders: [String] = []
        for _ in 0..<10 {
            guard let reminder = screen.reminder(after: &crisis) else { break }
            reminders.append(reminder)
        }
        #expect(reminders.count == screen.followUp.reminderTurns)
        #expect(reminders.allSatisfy { $0.contains(Self.reminder) })
        #expect(crisis == nil, "the crisis is forgotten after the last reminder")
    }

    /// The verdict names the category, tier and rule, never the message.
    @Test func verdictsCarryNoMessageText() throws {
        let reply = try Self.conversation(["honestly might kms tonight"])[0]
        let verdict = try #require(reply.safety)
        for field in [verdict.category, verdict.tier.rawValue, verdict.rule] {
            #expect(!field.contains("kms") && !field.contains("tonight"))
        }
    }
}
