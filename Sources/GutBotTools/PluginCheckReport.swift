import GutBotCore

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
    /// (``SafetyScreen/originSummary``); `nil` when it did not load.
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

/// One problem `gutbot check` found in the plugin files, located the way
/// compilers locate theirs so an editor can jump to it.
public struct CheckFinding: Sendable, Equatable, CustomStringConvertible {
    /// How bad a finding is: errors fail the check, warnings only inform.
    public enum Severity: String, Sendable, Comparable {
        /// Routing or loading is broken: the exit status is non-zero.
        case error
        /// Routing works but is fragile, or the file could be better.
        case warning

        /// Errors sort before warnings.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    /// Error or warning.
    public var severity: Severity
    /// The file to look at, when there is one.
    public var file: String?
    /// The 1-based line, when known.
    public var line: Int?
    /// What is wrong and, where it helps, what to do about it.
    public var message: String

    /// A finding with the given fields.
    public init(_ severity: Severity, file: String?, line: Int?, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
    }

    /// An error finding for a file that could not be loaded.
    public init(_ error: FileError) {
        self.init(.error, file: error.file, line: error.line, error.message)
    }

    /// `file:line: severity: message`.
    public var description: String {
        var location = ""
        if let file {
            location = file + (line.map { ":\($0)" } ?? "") + ": "
        }
        return "\(location)\(severity.rawValue): \(message)"
    }
}
