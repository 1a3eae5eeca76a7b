import Foundation
import GutBotCore
import GutBotTestSupport
import GutBotTools
import Testing

/// `gutbot check` in the core: each kind of problem is found, located, and
/// counted as an error or a warning.
@Suite struct PluginCheckerTests {
    static let fiber = [
        "does fiber help my mood", "how much fibre should i eat", "high fiber foods",
        "are beans good for my gut", "whole grains and gut bacteria", "fiber and serotonin",
        "should i eat more vegetables", "is fibre good for depression",
    ]
    static let sleep = [
        "how can i sleep better", "how many hours of sleep do i need", "tips for a good night",
        "is a cool dark bedroom better", "bedtime routine ideas", "regular wake up times",
        "does poor sleep affect my gut", "sleep and mood",
    ]

    /// A plugin file: `id`, then one intent per entry, each on its own lines.
    static func plugin(_ id: String, _ intents: [(id: String, examples: [String], source: String)]) -> String {
        var lines = ["id: \(id)", "name: \(id.capitalized)", "summary: The \(id) test plugin.", "intents:"]
        for intent in intents {
            lines.append("  - id: \(intent.id)")
            lines.append("    examples:")
            lines += intent.examples.map { "      - \"\($0)\"" }
            lines.append("    answer: An answer from the article.")
            lines.append("    source: \"\(intent.source)\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let alpha = plugin("alpha", [("fiber", fiber, "1. Eat a Fiber-Rich, Nutrient-Dense Diet")])
    static let beta = plugin("beta", [("rest", sleep, "6. Prioritize Sleep")])

    /// A fresh plugin directory holding `files` and, unless told otherwise, the shipped safety data.
    static func directory(_ files: [String: String], safety: Bool = true) throws -> String {
        let url = try ScratchDirectory.make("check")
        if safety {
            try FileManager.default.copyItem(
                at: TestPackage.root.appendingPathComponent("Plugins/safety"),
                to: url.appendingPathComponent("safety"))
        }
        for (name, text) in files {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url.path
    }

    static func check(_ directories: String...) -> PluginCheckReport {
        PluginChecker(path: PluginSearchPath(directories), requireDirectories: true).check()
    }

    @Test func cleanPluginsPass() throws {
        let report = Self.check(try Self.directory(["alpha.yml": Self.alpha, "beta.yml": Self.beta]))
        #expect(report.findings == [])
        #expect(report.passed)
        #expect(report.summary == "checked 2 plugins, 2 intents, 16 examples: 0 errors, 0 warnings")
    }

    @Test func anExampleSharedWithAnotherPluginIsAMisrouteAndANearDuplicate() throws {
        let directory = try Self.directory([
            "alpha.yml": Self.plugin(
                "alpha", [("fiber", Self.fiber + ["how can i sleep better"], "1. Eat a Fiber-Rich, Nutrient-Dense Diet")]),
            "beta.yml": Self.beta,
        ])
        let report = Self.check(directory)
        #expect(!report.passed)
        let misroutes = report.findings.filter { $0.severity == .error && $0.message.contains("is answered by") }
        #expect(misroutes.count == 1)
        let misroute = try #require(misroutes.first)
        // Whichever copy loses, the finding names its file, line, plugin/intent and where it went.
        #expect(misroute.message.contains("'how can i sleep better'"))
        if misroute.file?.hasSuffix("alpha.yml") == true {
            #expect(misroute.line == 15)
            #expect(misroute.message.contains("alpha/fiber is answered by beta/rest"))
        } else {
            #expect(misroute.line == 7)
            #expect(misroute.message.contains("beta/rest is answered by alpha/fiber"))
        }
        let duplicate = report.findings.first { $0.message.contains("has the same words as") }
        #expect(duplicate?.severity == .warning)
    }

    @Test func nearDuplicatesAreWarnings() throws {
        let directory = try Self.directory([
            "alpha.yml": Self.plugin(
                "alpha", [("fiber", Self.fiber + ["sleep better how can i"], "1. Eat a Fiber-Rich, Nutrient-Dense Diet")]),
            "beta.yml": Self.beta,
        ])
        let warning = try #require(Self.check(directory).findings.first { $0.message.contains("has the same words as") })
        #expect(warning.file?.hasSuffix("alpha.yml") == true)
        #expect(warning.line == 15)
        #expect(warning.message.contains("'how can i sleep better' of beta/rest"))
    }

    @Test func fewerThanEightExamplesIsAWarningAtTheIntent() throws {
        let directory = try Self.directory([
            "alpha.yml": Self.plugin("alpha", [("fiber", Array(Self.fiber.prefix(5)), "1. Eat a Fiber-Rich, Nutrient-Dense Diet")]),
            "beta.yml": Self.beta,
        ])
        let report = Self.check(directory)
        #expect(report.passed)
        #expect(report.findings.count == 1)
        #expect(report.findings.first?.severity == .warning)
        #expect(report.findings.first?.line == 5)
        #expect(report.findings.first?.message.contains("has 5 examples") == true)
    }

    @Test func anExampleWithoutWordsIsAnError() throws {
        let directory = try Self.directory([
            "alpha.yml": Self.plugin("alpha", [("fiber", Self.fiber + ["???"], "1. Eat a Fiber-Rich, Nutrient-Dense Diet")]),
            "beta.yml": Self.beta,
        ])
        let report = Self.check(directory)
        #expect(report.errors == 1)
        #expect(report.findings.first?.line == 15)
        #expect(report.findings.first?.message.contains("no words") == true)
    }

    @Test func missingSafetyDataIsAnError() throws {
        let report = Self.check(try Self.directory(["alpha.yml": Self.alpha, "beta.yml": Self.beta], safety: false))
        #expect(report.errors == 1)
        #expect(report.findings.first?.message.contains("safety") == true)
        #expect(report.findings.first?.message.contains("--plugins") == true, "says how to fix it")
        #expect(report.plugins == 2, "the topics are still checked")
    }

    @Test func brokenSafetyDataIsAnError() throws {
        let directory = try Self.directory(["alpha.yml": Self.alpha, "beta.yml": Self.beta])
        try "checked: [unclosed\n".write(toFile: directory + "/safety/safety.yml", atomically: true, encoding: .utf8)
        let report = Self.check(directory)
        #expect(report.errors == 1)
        #expect(report.findings.first?.file == directory + "/safety/safety.yml")
    }

    @Test func aBrokenFileIsAnErrorWithItsLineAndTheRestIsChecked() throws {
        let broken = Self.alpha.replacingOccurrences(of: "    answer:", with: "   answer:")
        let directory = try Self.directory(["alpha.yml": broken, "beta.yml": Self.beta])
        let report = Self.check(directory)
        #expect(report.errors == 1)
        let finding = try #require(report.findings.first)
        #expect(finding.file == directory + "/alpha.yml")
        #expect(finding.line == 15)
        #expect(finding.description.hasPrefix(directory + "/alpha.yml:15: error: YAML error"))
        #expect(report.plugins == 1)
    }

    @Test func aPluginReplacedByALaterDirectoryIsAWarning() throws {
        let first = try Self.directory(["alpha.yml": Self.alpha, "beta.yml": Self.beta])
        let second = try Self.directory(["mine.yml": Self.alpha], safety: false)
        let report = Self.check(first, second)
        #expect(report.passed)
        let warning = try #require(report.findings.first)
        #expect(report.findings.count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.file == first + "/alpha.yml")
        #expect(warning.line == 1)
        #expect(warning.message.contains("replaced by \(second)/mine.yml"))
    }

    @Test func oneIDTwiceInOneDirectoryIsAnError() throws {
        let directory = try Self.directory(["alpha.yml": Self.alpha, "alpha-copy.yml": Self.alpha, "beta.yml": Self.beta])
        let report = Self.check(directory)
        #expect(report.errors == 1)
        #expect(report.findings.first?.message.contains("same directory") == true)
    }

    @Test func aNamedDirectoryThatDoesNotExistIsAnError() throws {
        let report = Self.check(try Self.directory(["alpha.yml": Self.alpha, "beta.yml": Self.beta]), "/nonexistent/gutbot-plugins")
        #expect(report.errors == 1)
        #expect(report.findings.first?.file == "/nonexistent/gutbot-plugins")
    }

    @Test func theShippedPluginsCanBeChecked() {
        let report = PluginChecker(path: PluginSearchPath([TestPackage.root.appendingPathComponent("Plugins").path])).check()
        #expect(report.plugins > 0)
        #expect(report.examples >= report.intents)
        #expect(report.summary.hasPrefix("checked \(report.plugins) plugins"))
    }

    @Test func findingsReadLikeCompilerMessages() {
        #expect(CheckFinding(.warning, file: "Plugins/a.yml", line: 3, "too few").description == "Plugins/a.yml:3: warning: too few")
        #expect(CheckFinding(.error, file: "Plugins/a.yml", line: nil, "unreadable").description == "Plugins/a.yml: error: unreadable")
        #expect(CheckFinding(.error, file: nil, line: nil, "no stemmer").description == "error: no stemmer")
    }
}

/// Near-duplicate examples across plugins.
@Suite struct ExampleOverlapTests {
    @Test(arguments: [
        ("How much sleep do I need?", "how much sleep do i need", true),  // case and punctuation
        ("does the gut talk to the brain", "the brain talk to the gut", true),  // order and stop words
        ("short chain fatty acids from fibre", "what are short-chain fatty acids", true),  // 4 of 5 stems
        ("sleeping better", "sleep better tonight", false),  // 2 of 3 stems
        ("fiber and mood", "exercise and mood", false),
    ])
    func findsExamplesThatSayTheSameThing(first: String, second: String, flagged: Bool) throws {
        let overlap = ExampleOverlap(stemmer: try #require(Stemmer()))
        let pairs = overlap.pairs(in: [.init(group: "a", text: first), .init(group: "b", text: second)])
        #expect(pairs.count == (flagged ? 1 : 0))
        if flagged { #expect(pairs.first?.first == 0 && pairs.first?.second == 1) }
    }

    @Test func examplesOfOneGroupAreNotCompared() throws {
        let overlap = ExampleOverlap(stemmer: try #require(Stemmer()))
        #expect(overlap.pairs(in: [.init(group: "a", text: "sleep tips"), .init(group: "a", text: "tips sleep")]).isEmpty)
    }

    @Test func sameWordsAreReportedAsSuch() throws {
        let overlap = ExampleOverlap(stemmer: try #require(Stemmer()))
        let pairs = overlap.pairs(in: [
            .init(group: "a", text: "sleep tips"), .init(group: "b", text: "fiber"),
            .init(group: "c", text: "Tips, sleep!"),
        ])
        #expect(pairs == [ExampleOverlap.Pair(first: 0, second: 2, similarity: 1, sameWords: true)])
    }

    @Test func jaccard() {
        #expect(ExampleOverlap.jaccard(["a", "b", "c", "d"], ["a", "b", "c", "d", "e"]) == 0.8)
        #expect(ExampleOverlap.jaccard([], []) == 0)
    }
}
