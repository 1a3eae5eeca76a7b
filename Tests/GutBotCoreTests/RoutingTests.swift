import GutBotCore
import GutBotTestSupport
import Testing

/// Exactly one plugin answers each message: safety first, then the best
/// topic intent, else the fallback.
@Suite struct RoutingTests {
    /// Every shipped intent, as (plugin, intent, its examples).
    static let intents: [(String, String, [String])] = ShippedEngine.engine.plugins.flatMap { plugin in
        plugin.intents.map { (plugin.id, $0.id, $0.examples) }
    }

    /// Every shipped example, as (plugin, example).
    static let examples: [(String, String)] = intents.flatMap { plugin, _, examples in examples.map { (plugin, $0) } }

    @Test(arguments: intents)
    func everyIntentIsReachedByItsOwnExamples(plugin: String, intent: String, examples: [String]) {
        let reached = examples.filter { example in
            let reply = ShippedEngine.reply(example)
            return reply.pluginID == plugin && reply.intentID == intent
        }
        // Neighbouring intents of one plugin may share a phrasing, but most of
        // an intent's examples must reach it, or its answer is unreachable.
        #expect(reached.count * 2 > examples.count, "\(plugin)/\(intent): only \(reached.count) of \(examples.count) examples reach it")
    }

    /// The self-consistency check: every example reaches its own plugin.
    @Test(arguments: examples)
    func everyExampleReachesItsPlugin(plugin: String, example: String) {
        let reply = ShippedEngine.reply(example)
        #expect(reply.pluginID == plugin, "\"\(example)\" went to \(reply.pluginID)/\(reply.intentID ?? "-")")
    }

    @Test(arguments: [
        "does fiber help my mood? doesn't matter, I want to kill myself",
        "how much sleep do I need, I want to die anyway",
        "I want to hurt myself after eating so much sugar",
    ])
    func crisisWinsOverATopic(message: String) {
        let reply = ShippedEngine.reply(message)
        #expect(reply.pluginID == Reply.safetyID)
        #expect(reply.safety != nil)
    }

    @Test(arguments: [
        "what's the weather like in Paris tomorrow",
        "how do I change a flat tyre on my bike",
        "who won the football match last night",
        "write me a python function that sorts a list",
        // tempting: a topic's words, asking what the article does not cover
        "is it ok to give my cat probiotic yoghurt",
        "does stress make your hair thin out",
        // a dose for a named condition or a child, a discoverer, calories,
        // cooking, brewing, prices and gadgets, a pet's food
        "what's a typical zoloft dose for a 12 year old with ocd",
        "who was the first scientist to find serotonin",
        "how many calories are in a cup of kefir",
        "how long should I bake a sweet potato",
        "how do i start brewing my own kombucha",
        "what's the cheapest fitness club membership in leeds",
        "fitbit or oura, which is better at measuring sleep",
        "can my hamster eat probiotic yogurt",
    ])
    func unrelatedQuestionsGetTheFallback(message: String) {
        let reply = ShippedEngine.reply(message)
        #expect(reply.pluginID == Reply.fallbackID, "went to \(reply.pluginID)/\(reply.intentID ?? "-")")
        #expect(reply.source == nil)
        #expect(reply.text.contains("diet"))
    }

    /// Everyday words the article never uses reach the topic they mean.
    @Test(arguments: [
        ("do lexapro pills work on the gut or the head", "medications"),
        ("is 5-htp worth taking for a low mood", "medications"),
        ("does yakult do anything for your mood", "probiotics"),
        ("does jogging lift your spirits", "exercise"),
        ("why do i need a poo every time i'm anxious", "stress"),
    ])
    func everydayWordsReachTheirTopic(message: String, plugin: String) {
        let reply = ShippedEngine.reply(message)
        #expect(reply.pluginID == plugin, "went to \(reply.pluginID)/\(reply.intentID ?? "-")")
    }

    @Test func everyTopicAnswerNamesAHeading() {
        for plugin in ShippedEngine.engine.topics {
            for intent in plugin.intents {
                let source = intent.source.map(ArticleHeadings.contains)
                #expect(source == true, "\(plugin.id)/\(intent.id) has no article heading")
            }
        }
    }

    @Test func theSessionRemembersTheConversation() {
        var session = Session(id: "s")
        _ = ShippedEngine.engine.reply(to: "does fiber help my mood", in: &session)
        #expect(session.turn == 1)
        #expect(session.lastPluginID == "diet")
        #expect(session.lastTopicID == "diet")
        _ = ShippedEngine.engine.reply(to: "what is the capital of peru", in: &session)
        #expect(session.turn == 2)
        #expect(session.lastPluginID == Reply.fallbackID)
        #expect(session.lastTopicID == "diet")
    }

    @Test func theSameMessageAlwaysGetsTheSameReply() {
        let first = ShippedEngine.reply("is yoghurt good for my gut flora")
        for _ in 0..<5 { #expect(ShippedEngine.reply("is yoghurt good for my gut flora") == first) }
    }
}
