import Crypto
import Foundation

/// The transformer's vectors of the example texts, made ahead of time and
/// shipped beside its model, so that start-up reads them instead of running
/// the transformer over thousands of examples (which takes about a second per
/// thousand in a release build).
///
/// A vector is found by a hash of its text, so a store made before an author
/// added examples still serves every example it has; the new ones are
/// encoded at start-up, and `gutbot vectors` makes a complete store again.
/// A store made with another model is not used at all. A message that is
/// word for word an example is not encoded either: see ``StoredVectors``.
///
/// The format (little-endian), written by ``VectorStore/file(texts:encoder:modelChecksum:)``:
/// ```
/// 8 bytes  "GBVECS01"
/// u32      format version (1)
/// u32      dimensions D
/// u32      count N
/// 32 bytes SHA-256 of the model file that made the vectors
/// N × 16   the first 16 bytes of each text's SHA-256
/// N × f32  row scales
/// N × D    int8 rows
/// 32 bytes SHA-256 of everything before it
/// ```
public struct VectorStore: Sendable {
    /// The file's name in a models directory.
    public static let name = "minilm-l6.vectors"
    static let magic = Array("GBVECS01".utf8)
    static let version: UInt32 = 1

    /// The checksum (hex) of the model the vectors were made with.
    public let modelChecksum: String
    /// Components per vector.
    public let dimensions: Int
    /// Where each text's row is, by its key.
    private let rowOfKey: [Key: Int]
    /// One scale per row.
    private let scales: [Float]
    /// `count × dimensions` int8 components, in place in the mapped file
    /// when the store was loaded from one.
    private let rows: Int8Table

    /// How many vectors the store holds.
    public var count: Int { scales.count }

    /// A text's key: the first 16 bytes of its SHA-256.
    struct Key: Hashable {
        let bytes: [UInt8]

        init(_ text: String) { bytes = Array(SHA256.hash(data: Data(text.utf8)).prefix(16)) }
        init(bytes: some Sequence<UInt8>) { self.bytes = Array(bytes) }
    }

    /// Reads and checks the store at `path`.
    public static func load(path: String) throws(FileError) -> VectorStore {
        try SignedFile.load(path: path, noun: "the example vectors", kind: "vector store") { bytes, file throws(ModelFormatError) in
            try VectorStore(raw: bytes, file: file)
        }
    }

    /// Parses a whole file's bytes.
    public init(bytes: [UInt8]) throws(ModelFormatError) {
        self = try SignedFile.parse(bytes) { raw throws(ModelFormatError) in try VectorStore(raw: raw) }
    }

    /// Parses a whole file's bytes, wherever they are held; the rows stay
    /// in `file` when the bytes lie in it.
    init(raw bytes: UnsafeRawBufferPointer, file: MappedFile? = nil) throws(ModelFormatError) {
        var reader = try SignedFile.open(bytes, magic: Self.magic, header: 12 + 32, version: Self.version, file: file).reader
        let dimensions = Int(try reader.u32())
        let count = Int(try reader.u32())
        guard (1...4096).contains(dimensions), (0...10_000_000).contains(count) else {
            throw ModelFormatError("its sizes are out of range (\(dimensions) dimensions, \(count) vectors)")
        }
        let model = try reader.bytes(32)
        let keys = try reader.bytes(16 * count)
        let scaleBytes = try reader.bytes(4 * count)
        let rows = try reader.int8Table(count * dimensions)
        guard reader.isAtEnd else { throw ModelFormatError("it has bytes after the vectors") }
        var rowOfKey: [Key: Int] = [:]
        rowOfKey.reserveCapacity(count)
        for row in 0..<count { rowOfKey[Key(bytes: keys[(16 * row)..<(16 * row + 16)])] = row }
        let scales = (0..<count).map { Float(bitPattern: UInt32(littleEndianBytes: scaleBytes, at: 4 * $0)) }
        guard scales.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw ModelFormatError("it has a scale that is not a positive number")
        }
        self.modelChecksum = SignedFile.hex(model)
        self.dimensions = dimensions
        self.rowOfKey = rowOfKey
        self.scales = scales
        self.rows = rows
    }

    /// Whether the store has a vector for `text`.
    public func contains(_ text: String) -> Bool {
        rowOfKey[Key(text)] != nil
    }

    /// The vector stored for `text`, at unit length, if there is one.
    public func vector(for text: String) -> [Float]? {
        guard let row = rowOfKey[Key(text)] else { return nil }
        let scale = scales[row]
        return rows.withUnsafeBufferPointer { table in
            Vector.normalized(table[(row * dimensions)..<((row + 1) * dimensions)].map { Float($0) * scale })
        }
    }

    /// The bytes of a store holding the vectors of `texts` (each once; texts
    /// the encoder cannot read are left out), made with `encoder` from the
    /// model whose checksum (hex) is `modelChecksum`.
    public static func file(texts: [String], encoder: any SentenceEncoder, modelChecksum: String) -> [UInt8] {
        var seen = Set<String>()
        let unique = texts.filter { seen.insert($0).inserted }
        var keys: [UInt8] = []
        var scales: [UInt8] = []
        var rows: [UInt8] = []
        for (text, vector) in zip(unique, encoder.encode(batch: unique)) {
            guard let vector, let largest = vector.map(abs).max(), largest > 0 else { continue }
            keys += Key(text).bytes
            let scale = largest / 127
            withUnsafeBytes(of: scale.bitPattern.littleEndian) { scales += $0 }
            rows += vector.map { UInt8(bitPattern: Int8(($0 / scale).rounded())) }
        }
        var bytes = magic
        for field in [version, UInt32(encoder.dimensions), UInt32(keys.count / 16)] {
            withUnsafeBytes(of: field.littleEndian) { bytes += $0 }
        }
        bytes += SignedFile.bytes(hex: modelChecksum, count: 32)
        bytes += keys + scales + rows
        bytes += Array(SHA256.hash(data: bytes))
        return bytes
    }
}

/// An encoder that looks each text up in a ``VectorStore`` first and encodes
/// only what the store does not hold. Stored vectors went through int8, so
/// they differ from a fresh encoding in the fourth decimal of a cosine; the
/// same text still always gets the same vector, as the encoder contract asks.
public struct StoredVectors: SentenceEncoder {
    /// Vectors made ahead of time by `encoder`'s model.
    public let store: VectorStore
    /// Encodes what the store does not hold.
    public let encoder: any SentenceEncoder
    public var dimensions: Int { encoder.dimensions }

    /// `encoder`, reading from `store` first; a store of other dimensions is never read.
    public init(store: VectorStore, encoder: any SentenceEncoder) {
        self.store = store
        self.encoder = encoder
    }

    public func encode(_ text: String) -> [Float]? {
        stored(text) ?? encoder.encode(text)
    }

    /// The stored vectors, and the rest encoded in one batch.
    public func encode(batch texts: [String]) -> [[Float]?] {
        var vectors = texts.map(stored)
        let missing = vectors.indices.filter { vectors[$0] == nil }
        for (position, vector) in zip(missing, encoder.encode(batch: missing.map { texts[$0] })) { vectors[position] = vector }
        return vectors
    }

    private func stored(_ text: String) -> [Float]? {
        store.dimensions == encoder.dimensions ? store.vector(for: text) : nil
    }
}
