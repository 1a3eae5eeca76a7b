import GutBotCore
import GutBotTestSupport
import Testing

/// Calm mentions of a crisis subject (research, a lesson, a story, a loss
/// long ago) get the answer they ask for with a support line, while crisis
/// words said alongside such a frame still get the crisis reply.
@Suite struct SafetyMentionTests {
    private let engine = ShippedEngine.engine

    @Test(arguments: [
        "we had a lesson about suicide prevention at school, how does serotonin fit in?",
        "my aunt died of an overdose twenty years ago, does that raise my risk of addiction?",
        "I'm writing an essay on self-harm prevention in schools, what does the research say?",
    ])
    func aCalmMentionIsAnsweredWithASupportLine(message: String) {
        var session = Session(id: "s")
        let reply = engine.reply(to: message, in: &session)
        #expect(reply.pluginID != Reply.safetyID, "intercepted by \(reply.safety?.rule ?? "?")")
        #expect(reply.reminder?.contains(engine.safety.wording.supportLine(entry: engine.safety.entry)) == true)
    }

    @Test(arguments: [
        "I am writing an essay on suicide because I want to kill myself",
        "relapsed on self harm after 6 months clean",
        "my brother died by suicide years ago and i want to join him",
    ])
    func crisisWordsBesideAMentionStillGetTheCrisisReply(message: String) {
        var session = Session(id: "s")
        #expect(engine.reply(to: message, in: &session).pluginID == Reply.safetyID)
    }

    @Test func anOrdinaryQuestionGetsNoSupportLine() {
        var session = Session(id: "s")
        #expect(engine.reply(to: "does fiber help my mood", in: &session).reminder == nil)
    }
}
