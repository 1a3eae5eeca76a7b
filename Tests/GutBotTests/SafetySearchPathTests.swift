import Foundation
import Testing

/// From the binary: a safety folder later on the search path cannot switch
/// crisis detection off, and `--plugins` cannot quietly bring weaker rules.
@Suite struct SafetySearchPathTests {
    /// `$XDG_CONFIG_HOME` with `gutbot/plugins/safety/safety.yml` holding one dummy rule.
    private static func configWithDummySafety() throws -> URL {
        let config = try GutBotProcess.temporaryDirectory()
        let safety = config.appendingPathComponent("gutbot/plugins/safety")
        try FileManager.default.createDirectory(at: safety, withIntermediateDirectories: true)
        try "checked: \"2020-01-01\"\nrules:\n  - id: dummy\n    category: suicidal\n    tier: crisis\n    patterns: ['zorblax']\n"
            .write(to: safety.appendingPathComponent("safety.yml"), atomically: true, encoding: .utf8)
        return config
    }

    @Test func aSafetyFolderInTheUsersConfigOnlyAdds() throws {
        let config = try Self.configWithDummySafety()
        let result = try GutBotProcess.run(
            ["--json"], input: #"{"text":"I want to kill myself"}"# + "\n" + #"{"text":"zorblax"}"# + "\n",
            environment: ["XDG_CONFIG_HOME": config.path])
        #expect(result.status == 0)
        let replies = result.lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(replies.map { $0["plugin"] as? String } == ["safety", "safety"], "\(result.stdout)")
        #expect(replies.map { $0["rule"] as? String } == ["suicidal", "dummy"])

        let check = try GutBotProcess.run(["check"], environment: ["XDG_CONFIG_HOME": config.path])
        #expect(
            check.stdout.contains(
                "safety: \(GutBotProcess.shippedRuleCount) rules from \(GutBotProcess.plugins)/safety; +1 rule from \(config.path)/gutbot/plugins/safety"
            ),
            "\(check.stdout.suffix(400))")
    }

    @Test func aWeakerPluginsFolderIsRefusedUnlessTheRiskIsNamed() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let safety = directory.appendingPathComponent("safety")
        try FileManager.default.copyItem(atPath: GutBotProcess.plugins + "/safety", toPath: safety.path)
        // Keep the first rule only.
        let file = safety.appendingPathComponent("safety.yml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let rules = try #require(text.range(of: "\nrules:\n"))
        let first = try #require(text.range(of: "\n  - id:", range: rules.upperBound..<text.endIndex))
        let second = try #require(text.range(of: "\n  - id:", range: first.upperBound..<text.endIndex))
        let guards = try #require(text.range(of: "\nguards:\n"))
        try (String(text[..<second.lowerBound]) + String(text[guards.lowerBound...])).write(to: file, atomically: true, encoding: .utf8)

        let refused = try GutBotProcess.run(["ask", "--plugins", directory.path, "I want to kill myself"])
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("has 1 crisis rule, the shipped data has \(GutBotProcess.shippedRuleCount)"), "\(refused.stderr)")
        let check = try GutBotProcess.run(["check", "--plugins", directory.path])
        #expect(check.status != 0)
        #expect(check.stdout.contains("weaker safety data"))

        let allowed = try GutBotProcess.run(["ask", "--plugins", directory.path, "--allow-weaker-safety", "hello"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }
}
