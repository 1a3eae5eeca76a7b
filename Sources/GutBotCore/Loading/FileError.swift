/// Why a data file (a plugin, a lexicon, the safety data, the model, a
/// transcript, an eval set) could not be read, with the file and line to look at.
public struct FileError: Error, Equatable, CustomStringConvertible {
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

    /// `file:line: message`, the shape compilers use, so editors can jump to it.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
