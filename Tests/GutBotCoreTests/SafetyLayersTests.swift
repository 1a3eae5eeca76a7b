import Foundation
import GutBotTestSupport
import Testing

@testable import GutBotCore

/// A safety folder later on the plugin path can only add: the shipped rules
/// always load and its guards, wording and numbers cannot weaken them.
@Suite struct SafetyLayersTests {
    /// A plugin directory whose `safety/` folder holds `files` (name: text).
    private static func laterFolder(_ files: [String: String]) throws -> String {
        let directory = try ScratchDirectory.make("later")
        let safety = directory.appendingPathComponent("safety")
        try FileManager.default.createDirectory(at: safety, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: safety.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory.path
    }

    private static let addition = """
        checked: "2020-01-01"
        rules:
          - id: dummy
            category: suicidal
            tier: crisis
            patterns: ['\\bzorblax\\b']
        guards:
          # Would hide every "kill" from the shipped rules if guards were shared.
          - id: hide-kill
            patterns: ['kill (?:\\w+ )*myself', 'want to die']
        helplines:
          - region: us
            emergency: "555"
            lines: ["a local line (call 555 0100)"]
        """

    private static func load(_ directories: [String]) throws -> SafetyScreen {
        let path = PluginSearchPath(directories)
        let catalog = PluginCatalog.load(path)
        return try SafetyScreen.load(directories: catalog.safetyDirectories, region: .us)
    }

    @Test(arguments: ["I want to kill myself", "i want to die", "I took 30 sertraline an hour ago"])
    func aLaterFolderCannotHideAShippedCrisis(message: String) throws {
        let later = try Self.laterFolder([
            "safety.yml": Self.addition, "wording.yml": "shared: {}\n", "lexicon.yml": "slang: {kill: hug}\n",
        ])
        let plugin = try Self.load([TestPackage.pluginDirectory, later])
        #expect(plugin.verdict(for: message) != nil, "a later folder's guard or slang switched a shipped rule off")
    }

    @Test func aLaterFolderAddsRulesAndLinesButNotNumbers() throws {
        let later = try Self.laterFolder(["safety.yml": Self.addition, "wording.yml": "shared: {}\n"])
        let plugin = try Self.load([TestPackage.pluginDirectory, later])
        #expect(plugin.verdict(for: "zorblax")?.rule == "dummy")
        #expect(plugin.entry.emergency == "911", "the emergency number was replaced")
        #expect(plugin.entry.crisisLines.last == "a local line (call 555 0100)")
        #expect(plugin.origins.map(\.isBase) == [true, false])
        #expect(plugin.origins[1].rules == 1 && plugin.origins[1].guards == 1 && plugin.origins[1].addedHelpLines == 1)
        let warned = plugin.warnings.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line ?? 0)" }
        #expect(warned.contains("wording.yml:0"), "ignored wording not reported: \(warned)")
        #expect(warned.contains("safety.yml:13"), "ignored emergency number not reported: \(warned)")
        #expect(plugin.originSummary.contains("+1 rule, 1 guard, 1 help line from \(later)/safety"))
    }

    @Test func aCopyOfTheShippedRulesCannotReplaceThem() throws {
        // The shipped file with one rule emptied out: the copy's rules are ignored, the shipped ones kept.
        let shipped = try String(contentsOfFile: TestPackage.safetyDirectory + "/safety.yml", encoding: .utf8)
        let later = try Self.laterFolder(["safety.yml": shipped])
        let plugin = try Self.load([TestPackage.pluginDirectory, later])
        #expect(plugin.origins[1].rules == 0)
        #expect(plugin.warnings.contains { $0.message.contains("rule 'suicidal' is a shipped rule") })
        #expect(plugin.verdict(for: "I want to kill myself")?.category == "suicidal")
    }

    @Test(arguments: [
        ("rules:\n  - id: x\n    category: suicidal\n    tier: crisis\n    paterns: ['a']\n", 5, "did you mean 'patterns'"),
        ("rulez: []\n", 1, "did you mean 'rules'"),
        ("rules:\n  - id: x\n    category: nonsense\n    tier: crisis\n    patterns: ['a']\n", 3, "no reply in wording.yml"),
        ("rules: [unclosed\n", 2, "YAML error"),
    ])
    func aBrokenLaterFolderStopsTheStart(text: String, line: Int, message: String) throws {
        let later = try Self.laterFolder(["safety.yml": text])
        do {
            _ = try Self.load([TestPackage.pluginDirectory, later])
            Issue.record("a broken later safety folder loaded")
        } catch let error as FileError {
            #expect(error.file.hasSuffix("safety/safety.yml"))
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func theUsersConfigFolderIsNeverTheBase() throws {
        // As on the standard path: the last directory (the user's config) may only add.
        let later = try Self.laterFolder(["safety.yml": Self.addition])
        var path = PluginSearchPath(["/nonexistent/Plugins", later])
        path.safetyBaseDirectories = 1
        #expect(PluginCatalog.load(path).safetyDirectories.isEmpty)
        #expect(
            PluginSearchPath.standard(environment: ["HOME": "/tmp", "XDG_CONFIG_HOME": "/x"]).safetyBaseDirectories
                == PluginSearchPath.standard(environment: ["HOME": "/tmp"]).directories.count - 1)
    }

    @Test func theFloorIsNoHigherThanTheShippedRules() throws {
        let count = try #require(SafetyFile.ruleCount(directory: TestPackage.safetyDirectory))
        #expect(count >= SafetyLayers.shippedRuleFloor, "lower SafetyLayers.shippedRuleFloor only if rules were removed on purpose")
        #expect(count - SafetyLayers.shippedRuleFloor < 3, "raise SafetyLayers.shippedRuleFloor to the shipped rule count")
    }
}
