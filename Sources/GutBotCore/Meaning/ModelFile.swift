import Crypto
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
    /// `vocabulary.count × dimensions` int8 components.
    public let rows: [Int8]
    /// The SHA-256 of the file's contents before the checksum itself, in hex.
    public let checksum: String

    /// Reads and checks the model at `path`.
    public static func load(path: String) throws(FileError) -> ModelFile {
        let data: Data
        do {
            // Mapped, not read: the table is copied out once, and the file's
            // pages are given back as soon as it is parsed.
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw FileError(file: path, line: nil, message: "cannot read the model: \(error.localizedDescription)")
        }
        let parsed = data.withUnsafeBytes { bytes in Result { () throws(ModelFormatError) in try ModelFile(raw: bytes) } }
        switch parsed {
        case .success(let model): return model
        case .failure(let reason): throw FileError(file: path, line: nil, message: "not a usable gutbot model: \(reason.message)")
        }
    }

    /// Parses a whole file's bytes.
    public init(bytes: [UInt8]) throws(ModelFormatError) {
        let parsed = bytes.withUnsafeBytes { raw in Result { () throws(ModelFormatError) in try ModelFile(raw: raw) } }
        self = try parsed.get()
    }

    /// Parses a whole file's bytes, wherever they are held.
    init(raw bytes: UnsafeRawBufferPointer) throws(ModelFormatError) {
        guard bytes.count >= Self.magic.count + 20 + 32, bytes.prefix(8).elementsEqual(Self.magic) else {
            throw ModelFormatError("it does not start with the GBMODEL1 header")
        }
        let body = UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 32)])
        let stored = bytes[(bytes.count - 32)...]
        let digest = Array(SHA256.hash(data: body))
        guard digest.elementsEqual(stored) else {
            throw ModelFormatError("its checksum does not match its contents (the file is damaged or was edited)")
        }
        var reader = ByteReader(bytes: body, offset: 8)
        guard try reader.u32() == Self.version else { throw ModelFormatError("it is of an unknown format version") }
        let dimensions = Int(try reader.u32())
        let count = Int(try reader.u32())
        let maxCharacters = Int(try reader.u32())
        let vocabularyBytes = Int(try reader.u32())
        guard (1...4096).contains(dimensions), (1...1_000_000).contains(count), maxCharacters > 0 else {
            throw ModelFormatError("its sizes are out of range (\(dimensions) dimensions, \(count) tokens)")
        }
        let text = String(decoding: try reader.bytes(vocabularyBytes), as: UTF8.self)
        var vocabulary = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard vocabulary.last == "" else { throw ModelFormatError("its vocabulary does not end with a newline") }
        vocabulary.removeLast()
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
        let rowBytes = try reader.bytes(count * dimensions)
        // Copied as raw memory: a per-element map over ten million bytes is slow in debug builds.
        let rows = [Int8](unsafeUninitializedCapacity: rowBytes.count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: rowBytes)
            initialized = rowBytes.count
        }
        guard reader.isAtEnd else { throw ModelFormatError("it has bytes after the table") }
        self.dimensions = dimensions
        self.vocabulary = vocabulary
        self.maxCharactersPerWord = maxCharacters
        self.scales = scales
        self.rows = rows
        self.checksum = stored.map { String(format: "%02x", $0) }.joined()
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
        directories.reversed().map { URL(fileURLWithPath: $0).appendingPathComponent(name).path }
            .first { FileManager.default.fileExists(atPath: $0) }
    }
}

/// What is wrong with a model file's bytes.
public struct ModelFormatError: Error, Equatable {
    /// The reason, in words.
    public var message: String

    init(_ message: String) { self.message = message }
}

/// Reads little-endian fields from the front of a buffer, refusing to read past its end.
/// Shared by both model files.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset: Int

    var isAtEnd: Bool { offset == bytes.count }

    mutating func bytes(_ count: Int) throws(ModelFormatError) -> UnsafeRawBufferPointer {
        guard count >= 0, bytes.count - offset >= count else { throw ModelFormatError("it is shorter than its header says") }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }

    mutating func u32() throws(ModelFormatError) -> UInt32 {
        UInt32(littleEndianBytes: try bytes(4), at: 0)
    }
}

extension UInt32 {
    /// The value of the four bytes of `bytes` from `offset`, least significant first.
    init(littleEndianBytes bytes: UnsafeRawBufferPointer, at offset: Int) {
        self =
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}
