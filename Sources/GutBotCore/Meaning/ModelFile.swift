import Foundation

/// The encoder's table as stored in `Models/minilm-static.gbm`, read and checked.
///
/// The format (little-endian), written by `Models/build_model.py`:
/// ```
/// 8 bytes  "GBMODEL1"
/// u32      format version (1)
/// u32      dimensions D
/// u32      vocabulary size V
/// u32      longest word WordPiece splits, in characters
/// u32      byte length L of the vocabulary
/// L bytes  the V tokens in id order, each followed by "\n"
/// V × f32  row scales
/// V × D    int8 rows
/// 32 bytes SHA-256 of everything before it
/// ```
/// Every field is checked, and the checksum first: a truncated or edited
/// file is refused with the reason, never half-read.
public struct ModelFile: Sendable {
    /// The file's name in a models directory.
    public static let name = "minilm-static.gbm"
    static let magic = Array("GBMODEL1".utf8)
    static let version: UInt32 = 1

    /// Components per vector.
    public let dimensions: Int
    /// Tokens in id order.
    public let vocabulary: [String]
    /// WordPiece's longest word, in characters.
    public let maxCharactersPerWord: Int
    /// One scale per token.
    public let scales: [Float]
    /// `vocabulary.count × dimensions` int8 components, in place in the
    /// mapped file when it was loaded from one.
    public let rows: Int8Table
    /// The SHA-256 of the file's contents before the checksum itself, in hex.
    public let checksum: String

    /// Reads and checks the model at `path`.
    public static func load(path: String) throws(FileError) -> ModelFile {
        try SignedFile.load(path: path, noun: "the model", kind: "gutbot model") { bytes, file throws(ModelFormatError) in
            try ModelFile(raw: bytes, file: file)
        }
    }

    /// Parses a whole file's bytes.
    public init(bytes: [UInt8]) throws(ModelFormatError) {
        self = try SignedFile.parse(bytes) { raw throws(ModelFormatError) in try ModelFile(raw: raw) }
    }

    /// Parses a whole file's bytes, wherever they are held; the rows stay
    /// in `file` when the bytes lie in it.
    init(raw bytes: UnsafeRawBufferPointer, file: MappedFile? = nil) throws(ModelFormatError) {
        let opened = try SignedFile.open(bytes, magic: Self.magic, header: 20, version: Self.version, file: file)
        var reader = opened.reader
        let dimensions = Int(try reader.u32())
        let count = Int(try reader.u32())
        let maxCharacters = Int(try reader.u32())
        let vocabularyBytes = Int(try reader.u32())
        guard (1...4096).contains(dimensions), (1...1_000_000).contains(count), maxCharacters > 0 else {
            throw ModelFormatError("its sizes are out of range (\(dimensions) dimensions, \(count) tokens)")
        }
        let vocabulary = try reader.bytes(vocabularyBytes).newlineTerminatedTokens()
        guard vocabulary.count == count else {
            throw ModelFormatError("it declares \(count) tokens but lists \(vocabulary.count)")
        }
        let scaleBytes = try reader.bytes(4 * count)
        let scales = (0..<count).map { index in
            Float(bitPattern: UInt32(littleEndianBytes: scaleBytes, at: 4 * index))
        }
        guard scales.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw ModelFormatError("it has a scale that is negative or not a number")
        }
        let rows = try reader.int8Table(count * dimensions)
        guard reader.isAtEnd else { throw ModelFormatError("it has bytes after the table") }
        self.dimensions = dimensions
        self.vocabulary = vocabulary
        self.maxCharactersPerWord = maxCharacters
        self.scales = scales
        self.rows = rows
        self.checksum = opened.checksum
    }

    /// Where models are looked for, earliest first: `./Models`, the installed
    /// share directory beside the binary (`<prefix>/share/gutbot/Models`), then
    /// `$XDG_DATA_HOME/gutbot/models`. The last one that holds the file wins,
    /// so a retuned model needs no rebuild.
    public static func standardDirectories(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String = CommandLine.arguments.first ?? "gutbot"
    ) -> [String] {
        var directories = PluginSearchPath.localThenInstalled("Models", executable: executable)
        directories.append(XDGDirectories(environment: environment).data.appendingPathComponent("models").path)
        return directories
    }

    /// The model file to load from `directories`: the last that has one.
    public static func find(in directories: [String]) -> String? {
        find(name, in: directories)
    }

    /// The file `name` in the last of `directories` that has one: how every
    /// model file is found, so a retuned one in a later folder wins.
    static func find(_ name: String, in directories: [String]) -> String? {
        directories.reversed().map { URL(fileURLWithPath: $0).appendingPathComponent(name).path }
            .first { FileManager.default.fileExists(atPath: $0) }
    }
}
