import Foundation
import GutBotCore
import GutBotTestSupport
import Testing

/// Loading plugin files: every mistake names the file and the line to fix,
/// a broken file never takes the others down, and later directories win.
@Suite struct PluginLoadingTests {
    /// A valid plugin whose line numbers the tests below rely on.
    static let lines = [
        "# demo plugin",  // 1
        "# for loading tests",  // 2
        "id: demo",  // 3
        "name: Demo",  // 4
        "summary: A demo plugin.",  // 5
        "intents:",  // 6
        "  - id: first",  // 7
        "    examples:",  // 8
        "      - how do i sleep better",  // 9
        "    answer: Sleep well.",  // 10
        "    source: \"6. Prioritize Sleep\"",  // 11
        "  - id: second",  // 12
        "    examples:",  // 13
        "      - how much fiber",  // 14
        "      - fibre per day",  // 15
        "    answer: Eat plants.",  // 16
        "    source: \"1. Eat a Fiber-Rich, Nutrient-Dense Diet\"",  // 17
    ]

    /// The plugin with `edits` applied: line number to its new text, `nil` to drop the line.
    static func plugin(_ edits: [Int: String?] = [:]) -> String {
        lines.enumerated().compactMap { offset, line in
            guard let edit = edits[offset + 1] else { return line }
            return edit
        }.joined(separator: "\n") + "\n"
    }

    @Test func theDemoPluginLoads() throws {
        let plugin = try TopicPluginFile.parse(Self.plugin(), path: "demo.yml")
        #expect(plugin.id == "demo")
        #expect(plugin.intents.map(\.id) == ["first", "second"])
        #expect(plugin.intents[1].examples == ["how much fiber", "fibre per day"])
    }

    @Test(arguments: [
        (10, "   answer: Sleep well.", 10),  // indented one space short
        (5, "summary: A demo plugin.\n  bad: indent", 6),  // a key where a value was expected
        (16, "    answer: Eat plants.\n    answer: Again", 17),  // the same key twice: the second, which was added
    ])
    func aYAMLSyntaxErrorNamesTheFileAndLine(line: Int, replacement: String, reported: Int) {
        #expect {
            _ = try TopicPluginFile.parse(Self.plugin([line: replacement]), path: "Plugins/broken.yml")
        } throws: { error in
            guard let error = error as? FileError else { return false }
            return error.file == "Plugins/broken.yml" && error.line == reported && error.message.hasPrefix("YAML error")
                && error.description.hasPrefix("Plugins/broken.yml:\(reported): ")
        }
    }

    /// Which lines to drop, the key that goes missing, and the line of the
    /// mapping that should have held it.
    @Test(arguments: [
        ([3], "id", 3),  // `name:` moves up to line 3, where the mapping now starts
        ([4], "name", 3),
        ([5], "summary", 3),
        (Array(6...17), "intents", 3),
        ([13, 14, 15], "examples", 12),
        ([16], "answer", 12),
        ([17], "source", 12),
    ])
    func aMissingRequiredKeyNamesTheFileAndTheMapping(dropped: [Int], key: String, reported: Int) {
        let text = Self.plugin(Dictionary(uniqueKeysWithValues: dropped.map { ($0, String?.none) }))
        #expect {
            _ = try TopicPluginFile.parse(text, path: "Plugins/missing.yml")
        } throws: { error in
            guard let error = error as? FileError else { return false }
            return error.file == "Plugins/missing.yml" && error.line == reported
                && error.message.contains("missing the required key '\(key)'")
        }
    }

    @Test func aSourceThatIsNotAHeadingIsRejectedAtItsLine() {
        #expect {
            _ = try TopicPluginFile.parse(Self.plugin([11: "    source: \"Sleep tips\""]), path: "Plugins/demo.yml")
        } throws: { error in
            guard let error = error as? FileError else { return false }
            return error.line == 11 && error.message.contains("'Sleep tips'") && error.message.contains("not a heading")
        }
    }

    @Test func anEmptyExampleIsRejectedAtItsLine() {
        #expect {
            _ = try TopicPluginFile.parse(Self.plugin([15: "      - \"  \""]), path: "Plugins/demo.yml")
        } throws: { error in
            (error as? FileError)?.line == 15
        }
    }

    @Test func invalidUTF8NamesTheLine() throws {
        let directory = try Self.temporaryDirectory()
        let file = directory.appendingPathComponent("demo.yml")
        var data = Data(Self.plugin().utf8)
        let offset = try #require(data.range(of: Data("Eat plants".utf8))).lowerBound
        data[offset] = 0xFF
        try data.write(to: file)
        #expect {
            _ = try TopicPluginFile.load(path: file.path)
        } throws: { error in
            guard let error = error as? FileError else { return false }
            return error.file == file.path && error.line == 16 && error.message.contains("UTF-8")
        }
    }

    @Test func aMissingFileIsAnErrorNotACrash() {
        #expect {
            _ = try TopicPluginFile.load(path: "/nonexistent/gutbot/plugin.yml")
        } throws: { error in
            (error as? FileError)?.file == "/nonexistent/gutbot/plugin.yml"
        }
    }

    @Test(arguments: [false, true])
    func aLaterDirectoryReplacesAPluginWithTheSameID(reversed: Bool) throws {
        let first = try Self.temporaryDirectory()
        let second = try Self.temporaryDirectory()
        try Self.plugin([4: "name: First"]).write(to: first.appendingPathComponent("demo.yml"), atomically: true, encoding: .utf8)
        try Self.plugin([4: "name: Second"]).write(to: second.appendingPathComponent("demo.yml"), atomically: true, encoding: .utf8)
        let order = reversed ? [second, first] : [first, second]
        let catalog = PluginCatalog.load(PluginSearchPath(order.map(\.path)))
        #expect(catalog.topics.count == 1)
        #expect(catalog.topics.first?.name == (reversed ? "First" : "Second"))
        #expect(catalog.replaced["demo"] == order.map { $0.appendingPathComponent("demo.yml").path })
        #expect(catalog.problems.isEmpty)
    }

    @Test func aBrokenTopicFileIsReportedWhileTheOthersLoad() throws {
        let directory = try Self.temporaryDirectory()
        try Self.plugin().write(to: directory.appendingPathComponent("demo.yml"), atomically: true, encoding: .utf8)
        try Self.plugin([3: "id: other", 10: "   answer: Sleep well."])
            .write(to: directory.appendingPathComponent("broken.yml"), atomically: true, encoding: .utf8)
        try Self.plugin([3: "id: third", 11: "    source: \"Not a heading\""])
            .write(to: directory.appendingPathComponent("third.yml"), atomically: true, encoding: .utf8)
        let catalog = PluginCatalog.load(PluginSearchPath([directory.path]))
        #expect(catalog.topics.map(\.id) == ["demo"])
        #expect(catalog.problems.map(\.file) == ["broken.yml", "third.yml"].map { directory.appendingPathComponent($0).path })
        #expect(catalog.problems.map(\.line) == [10, 11])
    }

    @Test func directoriesThatDoNotExistAreSkipped() throws {
        let directory = try Self.temporaryDirectory()
        try Self.plugin().write(to: directory.appendingPathComponent("demo.yml"), atomically: true, encoding: .utf8)
        let catalog = PluginCatalog.load(PluginSearchPath(["/nonexistent/gutbot", directory.path]))
        #expect(catalog.topics.map(\.id) == ["demo"])
        #expect(catalog.problems.isEmpty)
    }

    private static func temporaryDirectory() throws -> URL {
        try ScratchDirectory.make("loading")
    }
}
