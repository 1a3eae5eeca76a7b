import Foundation
import GutBotCore
import GutBotTestSupport
import GutBotTools
import Testing

/// The starter `gutbot new-plugin` writes: it loads as it is and passes
/// `gutbot check` beside the shipped plugins.
@Suite struct PluginTemplateTests {
    @Test(arguments: ["gut-facts", "myths", "my_topic2", "x"])
    func theStarterLoads(id: String) throws {
        #expect(PluginTemplate.problem(with: id) == nil)
        let plugin = try TopicPluginFile.parse(PluginTemplate.text(for: id), path: PluginTemplate.fileName(for: id))
        #expect(plugin.id == id)
        #expect(plugin.name == PluginTemplate.name(for: id))
        #expect(plugin.synonyms.count > 0, "it shows the synonyms key")
        #expect(plugin.intents.count == 2)
        for intent in plugin.intents {
            #expect(intent.examples.count >= PluginChecker.minimumExamples)
            #expect(intent.source.map(ArticleHeadings.contains) == true)
            let sentences = intent.answer.split(separator: ".").count
            #expect((2...6).contains(sentences), "answers are 2 to 6 sentences")
        }
        #expect(plugin.intents.first?.followUp == plugin.intents.last?.id)
    }

    @Test func everyKeyIsExplained() {
        let text = PluginTemplate.text(for: "demo")
        for key in ["id:", "name:", "summary:", "synonyms", "intents:", "examples:", "answer:", "source:", "follow_up", "{topics}"] {
            let explained = text.split(separator: "\n").contains {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") && $0.contains(key)
            }
            #expect(explained, "no comment explains \(key)")
        }
    }

    @Test(arguments: ["", "Bad", "1abc", "-x", "a b", "a.b", "../evil", "café", "safety", "fallback", "lexicon"])
    func badIDsAreRefused(id: String) {
        #expect(PluginTemplate.problem(with: id) != nil)
    }

    @Test(arguments: [("gut-facts", "Gut facts"), ("myths", "Myths"), ("my_own-topic", "My own topic")])
    func namesComeFromTheID(id: String, name: String) {
        #expect(PluginTemplate.name(for: id) == name)
    }

    @Test func theStarterPassesTheCheckBesideTheShippedPlugins() throws {
        let shipped = TestPackage.root.appendingPathComponent("Plugins").path
        let directory = try ScratchDirectory.make("template")
        let file = directory.appendingPathComponent(PluginTemplate.fileName(for: "gut-facts")).path
        try PluginTemplate.text(for: "gut-facts").write(toFile: file, atomically: true, encoding: .utf8)

        let alone = PluginChecker(path: PluginSearchPath([shipped])).check()
        let together = PluginChecker(path: PluginSearchPath([shipped, directory.path])).check()
        #expect(together.plugins == alone.plugins + 1)
        let own = together.findings.filter { $0.file == file || $0.message.contains(file) || $0.message.contains("gut-facts/") }
        #expect(own.isEmpty, "\(own.map(\.description))")
        #expect(together.errors == alone.errors)
    }
}
