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
    public init(_ error: PluginLoadError) {
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
