import Foundation
import Testing

/// `gutbot check` as an author runs it.
@Suite struct CheckTests {
    static var summary: Regex<(Substring, Substring)> {
        #/checked \d+ plugins?, \d+ intents?, \d+ examples?: (\d+) errors?, \d+ warnings?/#
    }

    static let plugin = """
        id: demo
        name: Demo
        summary: A demo plugin.
        intents:
          - id: tips
            examples:
              - demo tips please
            answer: A demo answer.
            source: "6. Prioritize Sleep"

        """

    @Test func theShippedPluginsGetASummaryAndAMatchingExitStatus() throws {
        let result = try GutBotProcess.run(["check"])
        let last = try #require(result.lines.last)
        let match = try #require(last.wholeMatch(of: Self.summary), "no summary line: \(result.stdout)")
        #expect(result.status == (match.output.1 == "0" ? 0 : 1))
        #expect(result.stderr.isEmpty)
    }

    @Test func aBrokenFileFailsWithItsFileAndLine() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let file = directory.appendingPathComponent("demo.yml").path
        try Self.plugin.replacingOccurrences(of: "    answer:", with: "   answer:").write(toFile: file, atomically: true, encoding: .utf8)
        let result = try GutBotProcess.run(["check", "--plugins", GutBotProcess.plugins, "--plugins", directory.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(file):8: error: YAML error"))
        #expect(result.lines.last?.wholeMatch(of: Self.summary) != nil)
    }

    @Test func tooFewExamplesIsOnlyAWarning() throws {
        // The shipped safety data, and only the demo plugin: a small set checks fast.
        let directory = try GutBotProcess.temporaryDirectory()
        try FileManager.default.copyItem(atPath: GutBotProcess.plugins + "/safety", toPath: directory.path + "/safety")
        let file = directory.appendingPathComponent("demo.yml").path
        try Self.plugin.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try GutBotProcess.run(["check", "--plugins", directory.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\(file):5: warning: intent 'tips' has 1 example"))
        #expect(result.lines.last == "checked 1 plugin, 1 intent, 1 example: 0 errors, 1 warning")
    }

    @Test func withoutSafetyDataTheCheckFails() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        try Self.plugin.write(to: directory.appendingPathComponent("demo.yml"), atomically: true, encoding: .utf8)
        let result = try GutBotProcess.run(
            ["check", "--plugins", directory.path], directory: directory,
            environment: ["XDG_CONFIG_HOME": directory.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("safety"))
        #expect(result.lines.last?.hasPrefix("checked 1 plugin, 1 intent, 1 example: 1 error") == true)
    }

    @Test func aMisspeltDirectoryFails() throws {
        let result = try GutBotProcess.run(["check", "--plugins", GutBotProcess.plugins, "--plugins", "/nonexistent/gutbot-plugins"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("/nonexistent/gutbot-plugins: error: not a directory"))
    }
}
