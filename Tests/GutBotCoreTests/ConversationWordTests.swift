import GutBotCore
import GutBotTestSupport
import Testing

/// Conversation words are conversation, never a topic; safety still comes first.
@Suite struct ConversationWordTests {
    private let engine = ShippedEngine.engine

    @Test(arguments: [
        ("quit", ConversationWord.leave), ("exit", .leave), ("stop", .leave), ("Bye!", .leave), ("goodbye gutbot", .leave),
        ("ok bye", .leave), ("thanks, bye", .leave),
        ("thanks", .thanks), ("thank you so much", .thanks), ("ok thanks", .thanks),
        ("yes", .acknowledgement), ("no", .acknowledgement), ("ok", .acknowledgement), ("cool", .acknowledgement),
        ("Cool.", .acknowledgement),
        ("who are you", .identity), ("who made you", .maker), ("Who built you?", .maker),
        ("what's your source", .source), ("what is your source?", .source), ("which article", .source),
        ("who made gutbot?", .maker), ("whats ur source", .source),
    ])
    func conversationWordsAreAnsweredAsConversation(message: String, kind: ConversationWord) {
        var session = Session(id: "s")
        let reply = engine.reply(to: message, in: &session)
        #expect(reply.conversation == kind, "\(message)")
        #expect(reply.pluginID == ConversationWord.pluginID && reply.intentID == kind.intentID, "\(message) went to \(reply.pluginID)")
        #expect(reply.source == nil)
    }

    @Test(arguments: [
        "should I stop my medication", "is it ok to exercise at night", "no energy and low mood",
        "what is the source of serotonin", "cool down after exercise",
    ])
    func topicQuestionsWithThoseWordsStillReachTopics(message: String) {
        var session = Session(id: "s")
        let reply = engine.reply(to: message, in: &session)
        #expect(reply.conversation == nil, "\(message)")
    }

    @Test(arguments: ["bye, I'm going to kill myself", "quit, I want to die", "thanks. i want to end it all"])
    func safetyComesBeforeConversationWords(message: String) {
        var session = Session(id: "s")
        #expect(engine.reply(to: message, in: &session).pluginID == Reply.safetyID, "\(message)")
    }

    @Test func anAcknowledgementAfterACrisisIsNotShruggedOff() {
        var session = Session(id: "s")
        _ = engine.reply(to: "I want to die", in: &session)
        let reply = engine.reply(to: "no", in: &session)
        #expect(!reply.text.contains("Whenever you're ready"))
        #expect(reply.reminder != nil, "the help line must follow")
    }

    @Test func theReminderIsKeptApartFromTheAnswer() throws {
        var session = Session(id: "s")
        _ = engine.reply(to: "I want to die", in: &session)
        let reply = engine.reply(to: "does fiber help my mood", in: &session)
        let reminder = try #require(reply.reminder)
        #expect(!reply.text.contains(reminder))
        #expect(reply.fullText.hasSuffix(reminder) && reply.source != nil)
    }

    @Test func tellMeMoreNamesTheAnswerItContinued() throws {
        var session = Session(id: "s")
        let first = engine.reply(to: "does fiber help my mood", in: &session)
        let next = engine.reply(to: "tell me more", in: &session)
        let previous = try #require(next.followedUp)
        #expect(previous.pluginID == first.pluginID && previous.intentID == first.intentID)
        var fresh = Session(id: "t")
        #expect(engine.reply(to: "does fiber help my mood", in: &fresh).followedUp == nil)
    }

    @Test func resetForgetsTheConversationButNotACrisis() {
        var session = Session(id: "s")
        _ = engine.reply(to: "does fiber help my mood", in: &session)
        let acknowledgement = engine.reset(&session)
        #expect(acknowledgement.intentID == Reply.resetIntent && !acknowledgement.text.isEmpty)
        #expect(session.lastTopicID == nil && session.turn == 0 && session.id == "s")
        #expect(engine.reply(to: "tell me more", in: &session).pluginID != "diet")

        var crisis = Session(id: "c")
        _ = engine.reply(to: "I want to die", in: &crisis)
        _ = engine.reset(&crisis)
        #expect(crisis.crisis != nil, "a reset never silences the reminders of help")
    }

    @Test func theFallbackNamesOnlyTheCommandsOfTheFrontEnd() {
        var plain = engine
        plain.helpCommand = nil
        #expect(!plain.fallback(confidence: 0).text.contains("/"))
        plain.helpCommand = "/help"
        #expect(plain.fallback(confidence: 0).text.contains("/help"))
    }

    @Test func clarifyingQuestionsUseTitlesNotSlugs() throws {
        let diet = try #require(engine.plugin(withID: "diet"))
        let sleep = try #require(engine.plugin(withID: "sleep"))
        let first = Candidate(pluginID: "diet", intentID: diet.intents[0].id, score: 0.5)
        let second = Candidate(pluginID: "sleep", intentID: sleep.intents[0].id, score: 0.49)
        let described = engine.describe(first)
        #expect(described.contains(diet.intents[0].title))
        #expect(!described.contains(diet.intents[0].id) || diet.intents[0].title.lowercased() == diet.intents[0].id)
        #expect(engine.title(of: second) == sleep.intents[0].title)
    }
}
