import Foundation

/// The transformer encoder's weights as stored in `Models/minilm-l6.gbt`, read and checked.
///
/// The format (little-endian), written by `Models/build_transformer.py`:
/// ```
/// 8 bytes  "GBTRANS1"
/// u32      format version (1)
/// u32 × 9  hidden size H, layers, attention heads, intermediate size I, vocabulary size V,
///          positions P, token types T, longest word WordPiece splits (characters),
///          most tokens per text ([CLS] and [SEP] included)
/// f32      LayerNorm epsilon
/// u32      byte length of the vocabulary, then the V tokens in id order, each followed by "\n"
/// tensors  in this order; a matrix is int8 with one f32 scale per row (scales first),
///          everything else is f32:
///          word embeddings (V × H matrix), position embeddings (P × H), token-type
///          embeddings (T × H), embedding LayerNorm weight and bias (H each), then per layer:
///          query, key, value, attention output (H × H matrix + H bias each),
///          attention LayerNorm weight and bias, intermediate (I × H matrix + I bias),
///          output (H × I matrix + H bias), output LayerNorm weight and bias
/// 32 bytes SHA-256 of everything before it
/// ```
/// Every field is checked, and the checksum first: a truncated or edited
/// file is refused with the reason, never half-read.
public struct TransformerModelFile: Sendable {
    /// The file's name in a models directory.
    public static let name = "minilm-l6.gbt"
    static let magic = Array("GBTRANS1".utf8)
    static let version: UInt32 = 1

    /// The sizes of the network.
    public struct Shape: Sendable, Equatable {
        /// Components per token state, and of the sentence vector.
        public var hidden: Int
        /// Transformer layers.
        public var layers: Int
        /// Attention heads per layer; each sees `hidden / heads` components.
        public var heads: Int
        /// Width of each layer's feed-forward network.
        public var intermediate: Int
        /// Vocabulary size.
        public var vocabularySize: Int
        /// Rows of the position embeddings.
        public var positions: Int
        /// Rows of the token-type embeddings (only type 0 is used: one segment).
        public var tokenTypes: Int
        /// WordPiece's longest word, in characters.
        public var maxCharactersPerWord: Int
        /// The most tokens the encoder reads of a text, `[CLS]` and `[SEP]` included.
        public var maxTokens: Int
        /// LayerNorm's epsilon.
        public var layerNormEpsilon: Float
    }

    /// A matrix stored as int8 with one scale per row: row `r` is `values[r]` times `scales[r]`.
    public struct QuantizedMatrix: Sendable {
        /// Rows (output features).
        public let rows: Int
        /// Columns (input features).
        public let columns: Int
        /// One scale per row.
        public let scales: [Float]
        /// `rows × columns` int8 values, row-major; in place in the mapped
        /// file when the model was loaded from one.
        public let values: Int8Table

        /// A matrix of `rows × columns` int8 `values` with a scale per row.
        init(rows: Int, columns: Int, scales: [Float], values: Int8Table) {
            self.rows = rows
            self.columns = columns
            self.scales = scales
            self.values = values
        }

        /// Matrices of equal width, one under the other (a copy).
        init(stacking matrices: [QuantizedMatrix]) {
            self.init(
                rows: matrices.reduce(0) { $0 + $1.rows }, columns: matrices.first?.columns ?? 0,
                scales: matrices.flatMap(\.scales), values: Int8Table(joining: matrices.map(\.values)))
        }
    }

    /// One post-LayerNorm BERT layer's weights, as stored.
    public struct Layer: Sendable {
        public let query: QuantizedMatrix
        public let queryBias: [Float]
        public let key: QuantizedMatrix
        public let keyBias: [Float]
        public let value: QuantizedMatrix
        public let valueBias: [Float]
        public let attentionOutput: QuantizedMatrix
        public let attentionOutputBias: [Float]
        public let attentionNormWeight: [Float]
        public let attentionNormBias: [Float]
        public let intermediate: QuantizedMatrix
        public let intermediateBias: [Float]
        public let output: QuantizedMatrix
        public let outputBias: [Float]
        public let outputNormWeight: [Float]
        public let outputNormBias: [Float]
    }

    public let shape: Shape
    /// Tokens in id order.
    public let vocabulary: [String]
    /// The id of `[CLS]`, which starts every text.
    public let classifierID: Int32
    /// The id of `[SEP]`, which ends every text.
    public let separatorID: Int32
    /// One row per token.
    public let wordEmbeddings: QuantizedMatrix
    /// `positions × hidden`, row-major.
    public let positionEmbeddings: [Float]
    /// `tokenTypes × hidden`, row-major.
    public let tokenTypeEmbeddings: [Float]
    public let embeddingNormWeight: [Float]
    public let embeddingNormBias: [Float]
    public let layers: [Layer]
    /// The SHA-256 of the file's contents before the checksum itself, in hex.
    public let checksum: String

    /// Reads and checks the model at `path`.
    public static func load(path: String) throws(FileError) -> TransformerModelFile {
        try SignedFile.load(path: path, noun: "the model", kind: "gutbot transformer model") { bytes, file throws(ModelFormatError) in
            try TransformerModelFile(raw: bytes, file: file)
        }
    }

    /// Parses a whole file's bytes.
    public init(bytes: [UInt8]) throws(ModelFormatError) {
        self = try SignedFile.parse(bytes) { raw throws(ModelFormatError) in try TransformerModelFile(raw: raw) }
    }

    /// Parses a whole file's bytes, wherever they are held; the int8
    /// matrices stay in `file` when the bytes lie in it.
    init(raw bytes: UnsafeRawBufferPointer, file: MappedFile? = nil) throws(ModelFormatError) {
        let opened = try SignedFile.open(bytes, magic: Self.magic, header: 48, version: Self.version, file: file)
        var reader = opened.reader
        let shape = Shape(
            hidden: Int(try reader.u32()), layers: Int(try reader.u32()), heads: Int(try reader.u32()),
            intermediate: Int(try reader.u32()), vocabularySize: Int(try reader.u32()), positions: Int(try reader.u32()),
            tokenTypes: Int(try reader.u32()), maxCharactersPerWord: Int(try reader.u32()), maxTokens: Int(try reader.u32()),
            layerNormEpsilon: try reader.f32())
        try Self.check(shape)
        let vocabularyBytes = Int(try reader.u32())
        let vocabulary = try reader.bytes(vocabularyBytes).newlineTerminatedTokens()
        guard vocabulary.count == shape.vocabularySize else {
            throw ModelFormatError("it declares \(shape.vocabularySize) tokens but lists \(vocabulary.count)")
        }
        guard let classifier = vocabulary.firstIndex(of: "[CLS]"), let separator = vocabulary.firstIndex(of: "[SEP]") else {
            throw ModelFormatError("its vocabulary has no [CLS] or no [SEP]")
        }

        let hidden = shape.hidden
        self.wordEmbeddings = try reader.matrix("word embeddings", rows: shape.vocabularySize, columns: hidden)
        self.positionEmbeddings = try reader.floats("position embeddings", shape.positions * hidden)
        self.tokenTypeEmbeddings = try reader.floats("token-type embeddings", shape.tokenTypes * hidden)
        self.embeddingNormWeight = try reader.floats("embedding LayerNorm weight", hidden)
        self.embeddingNormBias = try reader.floats("embedding LayerNorm bias", hidden)
        var layers: [Layer] = []
        for index in 0..<shape.layers {
            let name = "layer \(index)"
            layers.append(
                Layer(
                    query: try reader.matrix("\(name) query", rows: hidden, columns: hidden),
                    queryBias: try reader.floats("\(name) query bias", hidden),
                    key: try reader.matrix("\(name) key", rows: hidden, columns: hidden),
                    keyBias: try reader.floats("\(name) key bias", hidden),
                    value: try reader.matrix("\(name) value", rows: hidden, columns: hidden),
                    valueBias: try reader.floats("\(name) value bias", hidden),
                    attentionOutput: try reader.matrix("\(name) attention output", rows: hidden, columns: hidden),
                    attentionOutputBias: try reader.floats("\(name) attention output bias", hidden),
                    attentionNormWeight: try reader.floats("\(name) attention LayerNorm weight", hidden),
                    attentionNormBias: try reader.floats("\(name) attention LayerNorm bias", hidden),
                    intermediate: try reader.matrix("\(name) intermediate", rows: shape.intermediate, columns: hidden),
                    intermediateBias: try reader.floats("\(name) intermediate bias", shape.intermediate),
                    output: try reader.matrix("\(name) output", rows: hidden, columns: shape.intermediate),
                    outputBias: try reader.floats("\(name) output bias", hidden),
                    outputNormWeight: try reader.floats("\(name) output LayerNorm weight", hidden),
                    outputNormBias: try reader.floats("\(name) output LayerNorm bias", hidden)))
        }
        guard reader.isAtEnd else { throw ModelFormatError("it has bytes after the weights") }
        self.shape = shape
        self.vocabulary = vocabulary
        self.classifierID = Int32(classifier)
        self.separatorID = Int32(separator)
        self.layers = layers
        self.checksum = opened.checksum
    }

    /// Sizes a forward pass can work with; they also bound every allocation before it is made.
    private static func check(_ shape: Shape) throws(ModelFormatError) {
        let sane =
            (1...4096).contains(shape.hidden) && (1...64).contains(shape.layers) && (1...4096).contains(shape.heads)
            && shape.hidden % shape.heads == 0 && (1...65536).contains(shape.intermediate)
            && (1...1_000_000).contains(shape.vocabularySize) && (1...65536).contains(shape.positions)
            && (1...16).contains(shape.tokenTypes) && shape.maxCharactersPerWord > 0
            && shape.maxTokens >= 3 && shape.maxTokens <= shape.positions
            && shape.layerNormEpsilon.isFinite && shape.layerNormEpsilon > 0
        guard sane else {
            throw ModelFormatError(
                "its sizes are out of range (hidden \(shape.hidden), \(shape.layers) layers, \(shape.heads) heads, "
                    + "intermediate \(shape.intermediate), \(shape.vocabularySize) tokens, \(shape.positions) positions, "
                    + "\(shape.maxTokens) tokens per text)")
        }
    }

    /// The model file to load from `directories` (see `ModelFile.standardDirectories`): the last that has one.
    public static func find(in directories: [String]) -> String? {
        ModelFile.find(name, in: directories)
    }
}

extension ByteReader {
    mutating func f32() throws(ModelFormatError) -> Float {
        Float(bitPattern: try u32())
    }

    /// `count` finite f32 values; `what` names the tensor in the error.
    mutating func floats(_ what: String, _ count: Int) throws(ModelFormatError) -> [Float] {
        let raw = try bytes(4 * count)
        let values = (0..<count).map { index in Float(bitPattern: UInt32(littleEndianBytes: raw, at: 4 * index)) }
        guard values.allSatisfy(\.isFinite) else { throw ModelFormatError("its \(what) has a value that is not a number") }
        return values
    }

    /// A `rows × columns` int8 matrix preceded by its row scales.
    mutating func matrix(_ what: String, rows: Int, columns: Int) throws(ModelFormatError) -> TransformerModelFile.QuantizedMatrix {
        let scales = try floats("\(what) scales", rows)
        guard scales.allSatisfy({ $0 >= 0 }) else { throw ModelFormatError("its \(what) has a negative scale") }
        let values = try int8Table(rows * columns)
        return TransformerModelFile.QuantizedMatrix(rows: rows, columns: columns, scales: scales, values: values)
    }
}
