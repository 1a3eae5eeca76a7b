import Foundation
import GutBotCore
import GutBotTestSupport
import Testing

/// Plugins written in Swift: they reach the engine beside the YAML ones, add
/// synonyms as YAML plugins do, and a broken contract stops the engine with
/// a message naming the plugin.
@Suite struct SwiftPluginTests {
    /// A Swift plugin answering one made-up subject, with a synonym of its own.
    struct Kombucha: Plugin {
        var id = "kombucha"
        var name = "Kombucha"
        var summary = "A test plugin written in Swift"
        var intents = [
            Intent(
                id: "brew", examples: ["is kombucha tea good for my gut", "does kombucha help digestion"],
                answer: "A test answer about kombucha.", source: "5. Consider Probiotics and Fermented Foods Carefully")
        ]
        var synonyms: Lexicon { Lexicon([("scoby", "kombucha")]) }

        func answer(_ intent: Intent, to message: String, in session: Session) -> Answer {
            Answer(text: "\(intent.answer) (turn \(session.turn))", source: intent.source)
        }
    }

    @Test func aSwiftPluginAnswersWithItsOwnCode() throws {
        let engine = try ShippedEngine.load(region: .us, extraPlugins: [Kombucha()])
        var session = Session(id: "swift")
        let reply = engine.reply(to: "is kombucha good for my gut", in: &session)
        #expect(reply.pluginID == "kombucha")
        #expect(reply.text == "A test answer about kombucha. (turn 1)")
    }

    @Test func aSwiftPluginsSynonymsJoinTheSharedLexicon() throws {
        let engine = try ShippedEngine.load(region: .us, extraPlugins: [Kombucha()])
        // "scoby" is in no example: only the plugin's synonym leads it to kombucha.
        #expect(engine.index.analyzer.lexicon.expansions(of: ["scoby"]) == ["kombucha"])
        var session = Session(id: "swift")
        #expect(engine.reply(to: "my scoby tea and my gut", in: &session).pluginID == "kombucha")
    }

    @Test(arguments: [
        (Kombucha(id: ""), "plugin '': the plugin id is empty"),
        (Kombucha(id: "fallback"), "plugin 'fallback': the id is reserved for the core"),
        (Kombucha(id: "safety"), "plugin 'safety': the id is reserved for the core"),
        (Kombucha(id: "sleep"), "plugin 'sleep': another plugin has the same id; give each plugin its own"),
        (Kombucha(intents: []), "plugin 'kombucha': the plugin has no intents, so nothing could ever reach it"),
        (Kombucha(intents: [Intent(id: "", examples: ["x"], answer: "a", source: nil)]), "plugin 'kombucha': an intent has an empty id"),
        (
            Kombucha(intents: [
                Intent(id: "a", examples: ["x"], answer: "a", source: nil),
                Intent(id: "a", examples: ["y"], answer: "b", source: nil),
            ]),
            "plugin 'kombucha': intent id 'a' appears twice"
        ),
        (
            Kombucha(intents: [Intent(id: "a", examples: [], answer: "a", source: nil)]),
            "plugin 'kombucha': intent 'a' has no examples, so nothing could reach it"
        ),
    ])
    func theEngineRefusesABrokenContract(plugin: Kombucha, message: String) {
        #expect(throws: StartupError.self) { try ShippedEngine.load(region: .us, extraPlugins: [plugin]) }
        do {
            _ = try ShippedEngine.load(region: .us, extraPlugins: [plugin])
        } catch {
            guard case .brokenPlugin(let problem) = error else {
                Issue.record("expected a broken plugin, got \(error)")
                return
            }
            #expect(problem.description == message)
            #expect(error.exitStatus == 1)
            #expect("\(error)" == "gutbot will not start: \(message)")
        }
    }

    @Test func twoSwiftPluginsWithOneIDAreRefused() {
        #expect(throws: PluginContractError(pluginID: "kombucha", message: "another plugin has the same id; give each plugin its own")) {
            try PluginContractError.check([Kombucha(), Kombucha()])
        }
        #expect(throws: Never.self) { try PluginContractError.check([Kombucha()]) }
    }
}
