import Crypto
import Foundation

/// A linear reading of how far a message's meaning leans towards crisis: a
/// logistic regression over the transformer's vectors, learned from every
/// crisis and benign line of the safety tables and every topic and
/// out-of-scope example.
///
/// The net's nearest-line test asks whether one crisis line is closer than
/// any benign text; a wording unlike every single line fails it even when it
/// lies on the crisis side of the space as a whole. The classifier sees that
/// side. With one safety table left out at a time (tables 14 to 17, which no
/// rule was written from) and the classifier learned without it, adding it
/// to the net caught 5 to 10 points more of the table's crisis lines, for at
/// most 2 points more false alarms; on two held-out safety sets it caught
/// 1.3 and 1.9 points more, with no more false alarms.
///
/// It is learned by `gutbot vectors` (``train(vectors:crisis:)``) and shipped
/// beside the transformer's model. The format (little-endian):
/// ```
/// 8 bytes  "GBCLAS01"
/// u32      format version (1)
/// u32      dimensions D
/// 32 bytes SHA-256 of the transformer's model file
/// 32 bytes ``digest(of:)`` of the examples it learned from
/// D × f32  weights
/// f32      bias
/// 32 bytes SHA-256 of everything before it
/// ```
public struct CrisisClassifier: Sendable, Equatable {
    /// The file's name in a models directory.
    public static let name = "minilm-l6.classifier"
    static let magic = Array("GBCLAS01".utf8)
    static let version: UInt32 = 1

    /// One weight per dimension of the vectors.
    public let weights: [Float]
    /// Added to the weighted sum.
    public let bias: Float
    /// The checksum (hex) of the model whose vectors it reads.
    public let modelChecksum: String
    /// The ``digest(of:)`` (hex) of the examples it learned from.
    public let examplesDigest: String

    /// A classifier from its parts.
    public init(weights: [Float], bias: Float, modelChecksum: String, examplesDigest: String) {
        self.weights = weights
        self.bias = bias
        self.modelChecksum = modelChecksum
        self.examplesDigest = examplesDigest
    }

    /// How far `vector` leans towards crisis: the log-odds, 0 where the
    /// classes meet, positive on the crisis side. A vector of other
    /// dimensions leans nowhere (`nil`).
    public func lean(_ vector: [Float]) -> Float? {
        guard vector.count == weights.count else { return nil }
        return vector.withUnsafeBufferPointer { x in
            weights.withUnsafeBufferPointer { w in Vector.dot(x.baseAddress!, w.baseAddress!, count: w.count) }
        } + bias
    }

    /// A fingerprint of the examples a classifier learns from, so that
    /// `gutbot check` and the tests can tell a classifier made before the
    /// tables or examples changed.
    public static func digest(of examples: [(text: String, crisis: Bool)]) -> String {
        var hasher = SHA256()
        for example in examples {
            hasher.update(data: Data(((example.crisis ? "crisis\t" : "benign\t") + example.text + "\n").utf8))
        }
        return SignedFile.hex(hasher.finalize())
    }

    /// Learns weights and bias from `vectors` (unit length, one per example)
    /// and whether each is a `crisis`: L2-regularised logistic regression,
    /// each class weighted by the inverse of its size so that the many benign
    /// examples do not drown the crisis ones, minimised by Nesterov's
    /// accelerated gradient. `strength` is the inverse of the regularisation,
    /// as scikit-learn's `C`. Deterministic: the same examples always give
    /// the same classifier.
    public static func train(
        vectors: [[Float]], crisis: [Bool], strength: Double = 1, iterations: Int = 1_500
    ) -> (weights: [Float], bias: Float) {
        precondition(vectors.count == crisis.count, "one label per vector")
        let dimensions = vectors.first?.count ?? 0
        let count = vectors.count
        let crisisCount = crisis.filter { $0 }.count
        guard crisisCount > 0, crisisCount < count else { return ([Float](repeating: 0, count: dimensions), 0) }
        // Balanced class weights, normalised so that the loss is a weighted mean.
        let classWeight = [Double(count) / Double(2 * (count - crisisCount)), Double(count) / Double(2 * crisisCount)]
        let sampleWeight = crisis.map { classWeight[$0 ? 1 : 0] / Double(count) }
        let target = crisis.map { $0 ? 1.0 : -1.0 }
        let penalty = 1 / (strength * Double(count))
        // Every input has length 1 and the bias input is 1, so the loss's
        // curvature is at most 0.25 × 2; the penalty adds its own.
        let smooth = 0.5 + penalty
        let momentum = (smooth.squareRoot() - penalty.squareRoot()) / (smooth.squareRoot() + penalty.squareRoot())
        let rows = vectors.flatMap { $0.map(Double.init) }
        var parameters = [Double](repeating: 0, count: dimensions + 1)
        var previous = parameters
        var gradient = parameters
        rows.withUnsafeBufferPointer { rows in
            for _ in 0..<iterations {
                let look = zip(parameters, previous).map { $0 + momentum * ($0 - $1) }
                // The penalty's part; the bias is not penalised.
                for dimension in 0..<dimensions { gradient[dimension] = penalty * look[dimension] }
                gradient[dimensions] = 0
                for index in 0..<count {
                    let row = rows.baseAddress! + index * dimensions
                    var score = look[dimensions]
                    for dimension in 0..<dimensions { score += look[dimension] * row[dimension] }
                    // The weighted slope of log(1 + e^-(target × score)), finite for any score.
                    let slope = -sampleWeight[index] * target[index] / (1 + exp(score * target[index]))
                    for dimension in 0..<dimensions { gradient[dimension] += slope * row[dimension] }
                    gradient[dimensions] += slope
                }
                previous = parameters
                parameters = zip(look, gradient).map { $0 - $1 / smooth }
            }
        }
        return (parameters.prefix(dimensions).map { Float($0) }, Float(parameters[dimensions]))
    }

    /// Reads and checks the classifier at `path`.
    public static func load(path: String) throws(FileError) -> CrisisClassifier {
        try SignedFile.load(path: path, noun: "the crisis classifier", kind: "crisis classifier") { bytes, _ throws(ModelFormatError) in
            try CrisisClassifier(raw: bytes)
        }
    }

    /// Parses a whole file's bytes.
    public init(bytes: [UInt8]) throws(ModelFormatError) {
        self = try SignedFile.parse(bytes) { raw throws(ModelFormatError) in try CrisisClassifier(raw: raw) }
    }

    init(raw bytes: UnsafeRawBufferPointer) throws(ModelFormatError) {
        var reader = try SignedFile.open(bytes, magic: Self.magic, header: 4 + 64, version: Self.version).reader
        let dimensions = Int(try reader.u32())
        guard (1...4096).contains(dimensions) else { throw ModelFormatError("its dimensions are out of range (\(dimensions))") }
        let model = try reader.bytes(32)
        let examples = try reader.bytes(32)
        let numbers = try reader.bytes(4 * (dimensions + 1))
        guard reader.isAtEnd else { throw ModelFormatError("it has bytes after the weights") }
        let values = (0...dimensions).map { Float(bitPattern: UInt32(littleEndianBytes: numbers, at: 4 * $0)) }
        guard values.allSatisfy(\.isFinite) else { throw ModelFormatError("it has a weight that is not a number") }
        self.init(
            weights: Array(values.prefix(dimensions)), bias: values[dimensions],
            modelChecksum: SignedFile.hex(model), examplesDigest: SignedFile.hex(examples))
    }

    /// The bytes of this classifier's file.
    public var file: [UInt8] {
        var bytes = Self.magic
        for field in [Self.version, UInt32(weights.count)] {
            withUnsafeBytes(of: field.littleEndian) { bytes += $0 }
        }
        bytes += SignedFile.bytes(hex: modelChecksum, count: 32) + SignedFile.bytes(hex: examplesDigest, count: 32)
        for value in weights + [bias] {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
        }
        bytes += Array(SHA256.hash(data: bytes))
        return bytes
    }
}
