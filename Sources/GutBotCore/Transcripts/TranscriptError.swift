/// Why a transcript file could not be read, with the file and line to fix.
///
/// The same `file:line: message` shape as ``PluginLoadError``, so editors and
/// terminals that jump to compiler errors jump to transcript errors too.
public struct TranscriptError: Error, Equatable, CustomStringConvertible {
    /// The file's path as given.
    public var file: String
    /// The 1-based line, when the problem has one.
    public var line: Int?
    /// What is wrong, in words an author can act on.
    public var message: String

    /// An error at `file`, `line`.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
