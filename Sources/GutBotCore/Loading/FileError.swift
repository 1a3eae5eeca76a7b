/// Why a data file (a plugin, the safety data, a transcript) could not be
/// read, with the file and line to look at.
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

/// A plugin, lexicon or safety data file that could not be loaded.
public typealias PluginLoadError = FileError

/// A transcript that could not be read.
public typealias TranscriptError = FileError
