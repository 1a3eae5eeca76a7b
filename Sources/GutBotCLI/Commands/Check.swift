import ArgumentParser
import GutBotCore
import GutBotTools

/// `gutbot check`: validates every plugin file on the search path and reports
/// what would make routing break or go fragile.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the plugin files: schema, sources, example counts, safety data and routing conflicts.",
        discussion: """
            Every example is sent through the real engine in a fresh session and must reach its own plugin. \
            Errors (exit status 1): files that do not load, one id in two files of a directory, examples with \
            no words, safety data that does not load, examples answered by another plugin, the fallback or a \
            clarifying question that does not offer their plugin, and --plugins directories that do not exist. \
            Warnings: a plugin replaced by a later directory, intents with fewer than \(PluginChecker.minimumExamples) \
            examples, examples the safety plugin catches, examples too close to call or reaching another intent \
            of their plugin, out-of-scope examples a topic answers, near-duplicate examples in different plugins.
            """)

    @OptionGroup var options: BotOptions

    func run() throws {
        Terminal.ignoreBrokenPipes()
        var checker = PluginChecker(path: options.searchPath, requireDirectories: !options.pluginDirectories.isEmpty)
        checker.minimumSafetyRules = options.minimumSafetyRules
        checker.modelDirectories = options.modelSearchPath
        checker.extraPlugins = GutBotCLI.plugins
        let report = checker.check()
        for finding in report.findings {
            Terminal.line(finding.description)
        }
        if let safety = report.safety { Terminal.line(safety) }
        Terminal.line(report.summary)
        if !report.passed { throw ExitCode.failure }
    }
}
