import Foundation
import GutBotCore
import GutBotTestSupport
import Testing

/// Intent titles: the author's, else one derived from the answer; never the slug.
@Suite struct IntentTitleTests {
    static func plugin(title: String?) -> String {
        """
        id: demo
        name: Demo
        summary: A demo.
        intents:
          - id: microbes-serotonin
        \(title.map { "    title: \($0)\n" } ?? "")    examples: [do microbes make serotonin]
            answer: Gut microbes nudge the cells that make serotonin, the article says.
            source: "Microbes and Serotonin: An Unlikely Partnership"
        """
    }

    @Test func theAuthorsTitleIsUsed() throws {
        let plugin = try TopicPluginFile.parse(Self.plugin(title: "Gut microbes and serotonin"), path: "demo.yml")
        #expect(plugin.intents[0].title == "Gut microbes and serotonin")
    }

    @Test func aMissingTitleIsDerivedFromTheAnswer() throws {
        let plugin = try TopicPluginFile.parse(Self.plugin(title: nil), path: "demo.yml")
        #expect(plugin.intents[0].title == "Gut microbes nudge the cells that…")
    }

    @Test(arguments: [
        ("Fiber feeds gut bacteria.", "x", "Fiber feeds gut bacteria"),
        ("Yes, it can.", "x", "Yes"),
        ("", "tell-me-more", "Tell me more"),
        ("One two three four five six seven eight", "x", "One two three four five six…"),
    ])
    func derivedTitles(answer: String, id: String, title: String) {
        #expect(Intent.derivedTitle(answer: answer, id: id) == title)
    }

    @Test func aTitleLongerThanALineIsRefused() {
        #expect(throws: FileError.self) {
            _ = try TopicPluginFile.parse(Self.plugin(title: String(repeating: "x", count: 61)), path: "demo.yml")
        }
    }

    @Test func everyShippedIntentHasAnAuthoredTitle() throws {
        for plugin in ShippedEngine.engine.plugins {
            let file = try String(contentsOfFile: TestPackage.pluginDirectory + "/\(plugin.id).yml", encoding: .utf8)
            let lines = file.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            for intent in plugin.intents {
                // The line after "- id: X" is its title.
                let at = try #require(lines.firstIndex(of: "- id: \(intent.id)"))
                #expect(lines[at + 1].hasPrefix("title:"), "\(plugin.id)/\(intent.id) has no title: in its file")
                #expect(intent.title.count <= 60 && intent.title != intent.id)
            }
        }
    }
}
