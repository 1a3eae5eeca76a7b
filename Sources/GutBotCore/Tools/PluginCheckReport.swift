/// What `gutbot check` found: every finding and how much was checked.
public struct PluginCheckReport: Sendable, Equatable {
    /// Findings ordered by file and line, so related ones read together.
    public var findings: [CheckFinding]
    /// Topic plugins that loaded (after later files replaced earlier ones).
    public var plugins: Int
    /// Intents in those plugins.
    public var intents: Int
    /// Examples in those intents.
    public var examples: Int
    /// Where safety was loaded from and how many rules each folder has
    /// (``SafetyPlugin/originSummary``); `nil` when it did not load.
    public var safety: String?

    /// A report with the given findings and counts.
    public init(findings: [CheckFinding], plugins: Int, intents: Int, examples: Int) {
        self.findings = findings
        self.plugins = plugins
        self.intents = intents
        self.examples = examples
    }

    /// How many findings are errors.
    public var errors: Int { findings.filter { $0.severity == .error }.count }
    /// How many findings are warnings.
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }
    /// Whether the plugins pass: no errors (warnings allowed).
    public var passed: Bool { errors == 0 }

    /// `checked 8 plugins, 95 intents, 1400 examples: 0 errors, 3 warnings`.
    public var summary: String {
        "checked \(Self.count(plugins, "plugin")), \(Self.count(intents, "intent")), \(Self.count(examples, "example")): "
            + "\(Self.count(errors, "error")), \(Self.count(warnings, "warning"))"
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
