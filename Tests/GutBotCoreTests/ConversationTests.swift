import GutBotCore
import GutBotTestSupport
import Testing

/// Follow-ups, clarifying questions and out-of-scope examples: the rules that
/// use the session, not just the message.
@Suite struct ConversationTests {
    private let engine = ShippedEngine.engine

    @Test(arguments: ["tell me more", "Tell me more!", "go on", "why?", "what else", "how?", "in what way"])
    func tellMeMoreStaysOnTheTopic(more: String) {
        var session = Session(id: "s")
        let first = engine.reply(to: "does fiber help my mood", in: &session)
        let next = engine.reply(to: more, in: &session)
        #expect(next.pluginID == first.pluginID)
        #expect(next.intentID != first.intentID, "\"\(more)\" repeated the same answer")
        #expect(next.source != nil)
    }

    @Test func tellMeMoreFollowsTheAuthorsFollowUp() throws {
        let plugin = try #require(engine.plugins.first { plugin in plugin.intents.contains { $0.followUp != nil } })
        let intent = try #require(plugin.intents.first { $0.followUp != nil })
        var session = Session(id: "s")
        session.lastPluginID = plugin.id
        session.lastTopicID = plugin.id
        session.lastIntentID = intent.id
        let next = engine.reply(to: "tell me more", in: &session)
        #expect(next.pluginID == plugin.id && next.intentID == intent.followUp)
    }

    /// "How?" on its own asks how that happens after an answer, and is
    /// small talk ("how are you?") only when there is nothing to go on from.
    @Test func aBareHowIsSmallTalkOnlyAtTheStart() {
        var session = Session(id: "s")
        #expect(engine.reply(to: "how", in: &session).pluginID == CorePluginID.smallTalk)
        _ = engine.reply(to: "does stress cause IBS?", in: &session)
        #expect(engine.reply(to: "how", in: &session).pluginID == "stress")
    }

    @Test func tellMeMoreWithNoTopicYetIsNotAnAnswer() {
        var session = Session(id: "s")
        let reply = engine.reply(to: "tell me more", in: &session)
        #expect(reply.source == nil)
    }

    @Test func whatAboutSwitchesTopic() {
        var session = Session(id: "s")
        _ = engine.reply(to: "does fiber help my mood", in: &session)
        let next = engine.reply(to: "what about sleep?", in: &session)
        #expect(next.pluginID == "sleep")
    }

    /// A turn that points back with no topic words of its own is read with
    /// the question before it; alone, it is out of scope.
    @Test(arguments: [
        ("does fiber help my mood", "is it forever?"), ("how much sleep do i need", "how much?"),
        ("does exercise help depression", "how often?"),
    ])
    func aTurnThatPointsBackStaysOnTheTopic(question: String, turn: String) {
        var alone = Session(id: "alone")
        #expect(engine.reply(to: turn, in: &alone).pluginID == Reply.fallbackID)
        var session = Session(id: "s")
        let first = engine.reply(to: question, in: &session)
        #expect(engine.reply(to: turn, in: &session).pluginID == first.pluginID)
    }

    /// A turn that small talk matches only weakly is read with the question
    /// before it ("what can I do about it" is near "what can you do"); one
    /// that really is small talk stays small talk mid-conversation.
    @Test(arguments: [
        ("does stress cause IBS?", "what can I do about it", "stress"),
        ("does stress cause IBS?", "and if none of that helps?", "stress"),
        ("does stress cause IBS?", "help", CorePluginID.smallTalk),
        ("does stress cause IBS?", "hi there", CorePluginID.smallTalk),
        ("does stress cause IBS?", "what can you do", CorePluginID.smallTalk),
        // About the user, not the bot: small talk must match it closely.
        ("does stress cause IBS?", "what can I do", "stress"),
        ("does stress cause IBS?", "I'm fine thanks", CorePluginID.smallTalk),
    ])
    func weakSmallTalkGivesWayToTheConversation(question: String, turn: String, plugin: String) {
        var session = Session(id: "s")
        #expect(engine.reply(to: question, in: &session).pluginID == "stress")
        #expect(engine.reply(to: turn, in: &session).pluginID == plugin)
    }

    /// A short turn is read with the last question, even with no topic
    /// words at all ("anything else I should know?"), unless it is clearly
    /// out of scope alone and does not point back.
    @Test(arguments: [
        ("what should I eat to support my gut and mood?", "anything else I should know?", "diet"),
        ("is fiber good for my mood?", "how old are you", Reply.fallbackID),
        ("does exercise help depression?", "recommend a movie", Reply.fallbackID),
        ("can probiotics help anxiety?", "how long does it take to work", "probiotics"),
    ])
    func aShortTurnLeavesTheTopicOnlyWhenClearlyUnrelated(question: String, turn: String, plugin: String) {
        var session = Session(id: "s")
        _ = engine.reply(to: question, in: &session)
        #expect(engine.reply(to: turn, in: &session).pluginID == plugin)
    }

    /// Short turns on one topic build on each other: the third is read with
    /// the question two turns back, not only with the turn before it.
    @Test func shortTurnsKeepTheQuestionTheyLeanOn() {
        var session = Session(id: "s")
        #expect(engine.reply(to: "Can probiotics help my mood?", in: &session).pluginID == "probiotics")
        #expect(engine.reply(to: "and kefir, does that count?", in: &session).pluginID == "probiotics")
        #expect(engine.reply(to: "ok for children?", in: &session).pluginID == "probiotics")
    }

    @Test func aLeaningTurnExtendsTheTopicQuestionOnItsOwnTopicOnly() {
        var session = Session(id: "s")
        session.rememberTopicQuestion("does fiber help", leaning: false, topicID: "diet")
        session.lastTopicID = "diet"
        session.rememberTopicQuestion("how much?", leaning: true, topicID: "diet")
        #expect(session.lastTopicQuestion == "does fiber help how much?")
        session.rememberTopicQuestion("is bread ok", leaning: false, topicID: "diet")
        #expect(session.lastTopicQuestion == "is bread ok")
        session.rememberTopicQuestion("what about sleep?", leaning: true, topicID: "sleep")
        #expect(session.lastTopicQuestion == "what about sleep?")
        session.lastTopicID = "sleep"
        // Past the limit it stops growing rather than lose the question.
        session.rememberTopicQuestion(String(repeating: "x", count: Session.topicQuestionLimit), leaning: true, topicID: "sleep")
        #expect(session.lastTopicQuestion == "what about sleep?")
    }

    /// A turn that points back keeps the last topic when another is only a
    /// little ahead: alone, "is it ok every day?" is read as a sleep question.
    @Test(arguments: [
        ("Is walking enough exercise to help my mood?", "exercise"), ("is the mediterranean diet good for depression?", "diet"),
    ])
    func aTurnThatPointsBackPrefersTheLastTopic(question: String, topic: String) {
        var alone = Session(id: "alone")
        #expect(engine.reply(to: "is it ok every day?", in: &alone).pluginID != topic)
        var session = Session(id: "s")
        #expect(engine.reply(to: question, in: &session).pluginID == topic)
        #expect(engine.reply(to: "is it ok every day?", in: &session).pluginID == topic)
    }

    /// A leaning turn that, alone, goes narrowly to another topic ("how many
    /// minutes daily?" to exercise) is read with the last question; one of
    /// nine or ten words that points back ("... a good one at the chemist")
    /// still leans on it, and keeps to its topic below the threshold.
    @Test(arguments: [
        ("is mindfulness any good for a nervous stomach?", "how many minutes daily?", "stress"),
        ("can slow breathing calm my gut before exams?", "how long each time?", "stress"),
        ("are probiotic capsules worth trying for low mood?", "how would i choose a good one at the chemist", "probiotics"),
    ])
    func anEllipticalTurnStaysWithTheConversation(question: String, turn: String, plugin: String) {
        var alone = Session(id: "alone")
        #expect(engine.reply(to: turn, in: &alone).pluginID != plugin)
        var session = Session(id: "s")
        #expect(engine.reply(to: question, in: &session).pluginID == plugin)
        #expect(engine.reply(to: turn, in: &session).pluginID == plugin)
    }

    /// In a conversation the article's subjects are already in play: a turn
    /// that alone scores just under the threshold goes to its best topic
    /// (from ``Router/contextThreshold``), unless the out-of-scope class
    /// scores as well or the best is small talk.
    @Test(arguments: [
        ("is the mediterranean diet good for mood", "we mostly eat noodles at home, fine or not?", "diet"),
        ("my shifts keep changing and my gut is a mess", "what can i even do if i can't pick my hours", "sleep"),
        ("does exercise help depression?", "who won the football last night", Reply.fallbackID),
        ("is fiber good for my mood?", "can I pay you", Reply.fallbackID),
    ])
    func aTurnJustUnderTheThresholdGoesToItsTopicInAConversation(question: String, turn: String, plugin: String) {
        var alone = Session(id: "alone")
        #expect(engine.reply(to: turn, in: &alone).pluginID == Reply.fallbackID)
        var session = Session(id: "s")
        _ = engine.reply(to: question, in: &session)
        #expect(engine.reply(to: turn, in: &session).pluginID == plugin)
    }

    /// A message told in several sentences is routed by its question when
    /// the whole of it would get the fallback.
    @Test(
        arguments: [
            ("I'm 45 and work nights. Does fibre help with mood?", "Does fibre help with mood?"),
            ("My son is 12. He sleeps badly. Can exercise help him sleep? Thanks!", "Can exercise help him sleep?"),
            ("Long story short, I moved house. any tips to sleep better", "any tips to sleep better"),
            ("Does fibre help with mood?", nil),
            ("I have a question. Why?", nil),
            ("e.g. this one", nil),
        ] as [(String, String?)])
    func theQuestionOfALongMessageIsItsLastAskingSentence(message: String, question: String?) {
        #expect(Router.lastQuestion(in: message) == question)
    }

    /// Questions of routing sets 7 and 8 with a sentence of context told
    /// before them: without reading the question alone, both got the fallback.
    @Test(arguments: [
        ("I'm a student living in a shared flat and my routine is all over the place these days. ", "slep quality and mood link?", "sleep"),
        (
            "My husband and I are both retired and we are trying to look after ourselves better this year. ",
            "is brown rice and oats better then white rice for your gut", "diet"
        ),
    ])
    func contextBeforeTheQuestionDoesNotSendItToTheFallback(context: String, question: String, plugin: String) {
        var alone = Session(id: "alone")
        #expect(engine.reply(to: question, in: &alone).pluginID == plugin)
        var session = Session(id: "told")
        #expect(engine.reply(to: context + question, in: &session).pluginID == plugin)
    }

    @Test func tenWordsCanLeanOnTheConversationButNotEleven() {
        let ten = ["how", "would", "i", "choose", "a", "good", "one", "at", "the", "chemist"]
        #expect(FollowUp.leansOnContext(ten))
        #expect(!FollowUp.leansOnContext(ten + ["today"]))
    }

    @Test(arguments: [
        ("FollowUp.more", ["tell", "me", "more"], FollowUp.Kind.more),
        ("shift", ["what", "about", "sleep"], FollowUp.Kind.shift("sleep")),
        ("shift", ["and", "for", "anxiety"], FollowUp.Kind.shift("anxiety")),
    ])
    func followUpsAreRecognised(label: String, words: [String], kind: FollowUp.Kind) {
        #expect(FollowUp.classify(words) == kind, "\(label)")
    }

    @Test(arguments: [["does", "fiber", "help", "my", "mood"], ["more", "fiber", "or", "less", "sugar", "for", "my", "gut", "please"]])
    func ordinaryQuestionsAreNotFollowUps(words: [String]) {
        #expect(FollowUp.classify(words) == nil)
    }

    @Test(arguments: [
        (["the", "first", "one"], 0), (["2"], 1), (["second"], 1), (["the", "second", "one", "please"], 1), (["option", "1"], 0),
    ])
    func choicesAreRead(words: [String], expected: Int) {
        #expect(FollowUp.choice(words, among: 2) == expected)
    }

    @Test func aChoiceOutOfRangeOrInASentenceIsNotAChoice() {
        #expect(FollowUp.choice(["third"], among: 2) == nil)
        #expect(FollowUp.choice(["is", "the", "first", "step", "fiber"], among: 2) == nil)
    }

    @Test func aClarifyingQuestionIsResolvedByTheNextReply() throws {
        let index = engine.index
        var router = engine.router
        router.ambiguityGap = 1  // every two-topic ranking is "too close", to exercise the rule
        let ranking = index.rank("does exercise or fiber help my mood more")
        guard case .clarify(let first, let second) = router.decide(ranking) else {
            Issue.record("expected a clarifying question")
            return
        }
        #expect(first.pluginID != second.pluginID)
        var session = Session(id: "s")
        session.pendingChoice = [first, second]
        let chosen = engine.reply(to: "the second one", in: &session)
        #expect(chosen.pluginID == second.pluginID && chosen.intentID == second.intentID)
        #expect(session.pendingChoice.isEmpty)
    }

    @Test(arguments: [
        "how do I reset my wifi router",
        "my laptop won't wake from sleep mode",
        "what time does the football start tonight",
    ])
    func outOfScopeLookalikesGetTheFallback(message: String) {
        #expect(ShippedEngine.reply(message).pluginID == Reply.fallbackID)
    }

    /// One analysis serves every stage: the router's words, as typed (which
    /// conversation words and "tell me more" read) and as corrected, and
    /// safety's forms of the whole message, of which routing reads the start.
    @Test func oneAnalysisServesSafetyAndRouting() {
        let typo = engine.analyze("does exercize help my mood")
        #expect(typo.reading.analysis.typed == engine.index.analyzer.normalizer.words("does exercize help my mood"))
        #expect(typo.reading.analysis.typed.contains("exercize") && typo.reading.analysis.words.contains("exercise"))
        let long = String(repeating: "does fiber help my mood ", count: 100) + "and I want to die"
        let message = engine.analyze(long)
        #expect(message.query.count == Engine.matchLimit && message.text == long && !message.truncated)
        #expect(message.safetyForms == engine.safety.rulebook.forms(of: long))
        #expect(message.safetyForms.contains { $0.contains("want to die") })
    }
}
