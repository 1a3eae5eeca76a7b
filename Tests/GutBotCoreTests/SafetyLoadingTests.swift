import Foundation
import GutBotCore
import GutBotTestSupport
import Testing

/// Safety fails closed: when its data is missing or broken, loading throws an
/// error naming the file and line, and gutbot does not start (the exit status
/// itself is tested on the binary in StartupTests).
@Suite struct SafetyLoadingTests {
    /// A copy of the shipped safety folder, with `edit` applied to one of its files.
    private static func brokenCopy(_ file: String, _ edit: (String) -> String) throws -> String {
        let directory = try ScratchDirectory.path("safety")
        try FileManager.default.copyItem(atPath: TestPackage.safetyDirectory, toPath: directory.path)
        let path = directory.appendingPathComponent(file).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        return directory.path
    }

    /// The error loading `directory` throws; a recorded issue when it loads.
    private static func loadError(_ directory: String?) -> FileError? {
        do {
            _ = try SafetyScreen.load(directory: directory, region: .us)
            Issue.record("broken safety data loaded")
            return nil
        } catch {
            return error
        }
    }

    /// The 1-based line of the first line of `file` containing `text`.
    private static func line(of text: String, in file: String, directory: String) throws -> Int {
        let lines = try String(contentsOfFile: directory + "/" + file, encoding: .utf8).components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }

    @Test func theShippedDataLoads() throws {
        let plugin = try SafetyScreen.load(directory: TestPackage.safetyDirectory, region: .us)
        #expect(plugin.rules.count > 5)
        #expect(!plugin.rulebook.guards.isEmpty)
        #expect(plugin.helplines.checked.count == 10)
    }

    @Test func noFolderIsAnError() {
        let error = Self.loadError(nil)
        #expect(error?.file.hasSuffix("safety.yml") == true)
    }

    @Test(arguments: ["safety.yml", "lexicon.yml", "wording.yml"])
    func aMissingFileIsAnError(_ file: String) throws {
        let directory = try Self.brokenCopy(file) { $0 }
        try FileManager.default.removeItem(atPath: directory + "/" + file)
        let error = Self.loadError(directory)
        #expect(error?.file == directory + "/" + file)
    }

    @Test func invalidYAMLNamesFileAndLine() throws {
        let directory = try Self.brokenCopy("safety.yml") { $0.replacingOccurrences(of: "checked: \"", with: "checked: [\"") }
        let error = try #require(Self.loadError(directory))
        #expect(error.file == directory + "/safety.yml")
        #expect(error.line != nil)
        #expect(error.message.contains("YAML"))
    }

    @Test func anInvalidRegexNamesFileAndLine() throws {
        let directory = try Self.brokenCopy("safety.yml") { $0.replacingOccurrences(of: "'\\bnoose\\b'", with: "'\\bnoose(\\b'") }
        let error = try #require(Self.loadError(directory))
        #expect(error.file == directory + "/safety.yml")
        #expect(error.line == (try Self.line(of: "noose(", in: "safety.yml", directory: directory)))
        #expect(error.message.contains("not a valid regular expression"))
    }

    @Test func anUnknownTermNamesFileAndLine() throws {
        let directory = try Self.brokenCopy("safety.yml") { $0.replacingOccurrences(of: "'\\bnoose\\b'", with: "'\\b{nooses}\\b'") }
        let error = try #require(Self.loadError(directory))
        #expect(error.line == (try Self.line(of: "{nooses}", in: "safety.yml", directory: directory)))
        #expect(error.message.contains("nooses"))
    }

    @Test func missingHelplinesAreAnError() throws {
        let directory = try Self.brokenCopy("safety.yml") { $0.replacingOccurrences(of: "helplines:\n", with: "help-lines:\n") }
        let error = try #require(Self.loadError(directory))
        #expect(error.file == directory + "/safety.yml")
        #expect(error.line != nil)
        #expect(error.message.contains("helplines"))
    }

    @Test func aTableWithoutTheInternationalEntryIsAnError() throws {
        let directory = try Self.brokenCopy("safety.yml") { $0.replacingOccurrences(of: "region: international", with: "region: eu") }
        let error = try #require(Self.loadError(directory))
        #expect(error.line != nil)
    }

    @Test func anUnknownTierIsAnError() throws {
        let directory = try Self.brokenCopy("safety.yml") { $0.replacingOccurrences(of: "tier: emergency", with: "tier: urgent") }
        let error = try #require(Self.loadError(directory))
        #expect(error.line == (try Self.line(of: "tier: urgent", in: "safety.yml", directory: directory)))
    }

    @Test func aMentionFlagThatIsNotABooleanIsAnError() throws {
        let directory = try Self.brokenCopy("safety.yml") { $0.replacingOccurrences(of: "    mention: true", with: "    mention: often") }
        let error = try #require(Self.loadError(directory))
        #expect(error.line == (try Self.line(of: "mention: often", in: "safety.yml", directory: directory)))
        #expect(error.message.contains("'mention'"))
    }

    @Test func aCategoryWithoutWordingIsAnError() throws {
        let directory = try Self.brokenCopy("wording.yml") { $0.replacingOccurrences(of: "  red-flag:\n", with: "  red-flags:\n") }
        let error = try #require(Self.loadError(directory))
        #expect(error.file == directory + "/safety.yml")
        #expect(error.message.contains("red-flag"))
        #expect(error.line != nil)
    }

    @Test func anUnknownPlaceholderIsAnError() throws {
        let directory = try Self.brokenCopy("wording.yml") {
            $0.replacingOccurrences(of: "{lines} any time, day or night", with: "{hotline} any time")
        }
        let error = try #require(Self.loadError(directory))
        #expect(error.file == directory + "/wording.yml")
        #expect(error.message.contains("{hotline}"))
        #expect(error.line != nil)
    }

    @Test func aBrokenLexiconIsAnError() throws {
        let directory = try Self.brokenCopy("lexicon.yml") { $0.replacingOccurrences(of: "  - suicide\n", with: "  - sui\n") }
        let error = try #require(Self.loadError(directory))
        #expect(error.file == directory + "/lexicon.yml")
        #expect(error.line == (try Self.line(of: "  - sui", in: "lexicon.yml", directory: directory)))
    }
}
