import Crypto
import Foundation

/// Example vectors kept on disk between runs, so that start-up does not
/// encode thousands of examples every time.
///
/// A cache file is named by a SHA-256 of the model's checksum and every text
/// in order, so a changed model, plugin or table gives a new name and a stale
/// file is never read. Anything wrong with a file (missing, short, unreadable)
/// means the vectors are encoded afresh; a cache that cannot be written is
/// simply not kept. Files are written whole (temporary file, then rename) and
/// readable only by their owner.
public struct EmbeddingCache: Sendable {
    /// Where cache files live, by default `$XDG_CACHE_HOME/gutbot`.
    public var directory: URL

    /// A cache in `directory`.
    public init(directory: URL) {
        self.directory = directory
    }

    /// The vectors of `texts`, from the cache when it holds them, else
    /// encoded and stored.
    public func vectors(for texts: [String], encoder: any SentenceEncoder, modelChecksum: String) -> EncodedTexts {
        let file = directory.appendingPathComponent("embeddings-\(Self.key(texts, modelChecksum: modelChecksum)).bin")
        if let cached = Self.read(file, count: texts.count, dimensions: encoder.dimensions) { return cached }
        let vectors = EncodedTexts(texts, encoder: encoder)
        Self.write(vectors, to: file)
        return vectors
    }

    static func key(_ texts: [String], modelChecksum: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Data(modelChecksum.utf8))
        for text in texts {
            hasher.update(data: Data([0]))
            hasher.update(data: Data(text.utf8))
        }
        return SignedFile.hex(hasher.finalize().prefix(16))
    }

    /// Layout: per text one byte (1 = has a vector), then the vectors that exist, as float32.
    private static func read(_ file: URL, count: Int, dimensions: Int) -> EncodedTexts? {
        guard let data = try? Data(contentsOf: file, options: .alwaysMapped), data.count >= count else { return nil }
        let present = data.prefix(count).map { $0 == 1 }
        let floats = present.filter { $0 }.count * dimensions
        guard data.count == count + floats * 4 else { return nil }
        var values = [Float](repeating: 0, count: floats)
        values.withUnsafeMutableBytes { buffer in
            data.copyBytes(to: buffer.bindMemory(to: UInt8.self), from: count..<data.count)
        }
        return EncodedTexts(present: present, values: values, dimensions: dimensions)
    }

    private static func write(_ vectors: EncodedTexts, to file: URL) {
        var data = Data(vectors.present.map { $0 ? 1 : 0 })
        vectors.values.withUnsafeBytes { data.append(contentsOf: $0) }
        CacheFile.write(data, to: file)
    }
}

/// The vectors of a list of texts, kept flat: one row after another, in
/// one array, for the texts the encoder could read. Thousands of small
/// arrays would cost an allocation each and twice the memory while the
/// index is built from them.
public struct EncodedTexts: Sendable {
    /// Per text: whether it has a vector.
    public var present: [Bool]
    /// The vectors of the texts that have one, in order, `dimensions` floats each.
    public var values: [Float]
    /// Floats per vector.
    public var dimensions: Int

    /// Vectors already laid out.
    public init(present: [Bool], values: [Float], dimensions: Int) {
        self.present = present
        self.values = values
        self.dimensions = dimensions
    }

    /// `texts` encoded with `encoder`.
    public init(_ texts: [String], encoder: any SentenceEncoder) {
        var present: [Bool] = []
        var values: [Float] = []
        present.reserveCapacity(texts.count)
        for vector in encoder.encode(batch: texts) {
            present.append(vector != nil)
            if let vector { values += vector }
        }
        self.init(present: present, values: values, dimensions: encoder.dimensions)
    }
}
