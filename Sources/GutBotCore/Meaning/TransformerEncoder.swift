import CTransformerKernels
import Foundation

/// The full all-MiniLM-L6-v2 sentence transformer: a 6-layer BERT whose token
/// states are averaged into one vector, as sentence-transformers does.
///
/// Unlike `StaticEncoder`, a token's contribution depends on its neighbours
/// ("not good" is not "good" plus "not"), at the price of milliseconds per
/// message instead of microseconds (see `Models/README.md`).
///
/// The weights stay as `Models/minilm-l6.gbt` stores them, int8 with one
/// scale per row (10.6 MB for the layers, 12 MB for the word embeddings), and
/// are never turned into a float copy: every dense layer is one call to the
/// `CTransformerKernels` product, which converts each weight as it reads it.
/// A message has a few dozen tokens, so reading the weights is most of the
/// cost, and int8 is a quarter of the bytes. Each call works in buffers of its
/// own, so one encoder can serve any number of threads.
public struct TransformerEncoder: SentenceEncoder {
    /// Splits text into the model's token ids (BERT uncased WordPiece).
    public let tokenizer: WordPieceTokenizer
    public let dimensions: Int
    /// The most tokens the model reads of a text, `[CLS]` and `[SEP]` included;
    /// later word pieces are dropped, as sentence-transformers does (256 for this model).
    public let maxTokens: Int

    private let classifierID: Int32
    private let separatorID: Int32
    private let heads: Int
    private let intermediateSize: Int
    /// One int8 row per token, with its scale.
    private let wordEmbeddings: TransformerModelFile.QuantizedMatrix
    /// Position `p`'s embedding plus token type 0's, summed once: every token of
    /// a one-segment text gets both. `maxTokens × dimensions`.
    private let positionAndType: [Float]
    private let embeddingNorm: LayerNorm
    private let layers: [Layer]

    /// Texts are packed into passes of at most this many tokens: enough rows
    /// for the matrix products to run at full speed, and the scratch buffers
    /// stay around 30 MB.
    static let tokensPerPass = 2048

    /// An encoder over a model file's weights, used as stored (int8).
    public init(model: TransformerModelFile) {
        let shape = model.shape
        let hidden = shape.hidden
        self.tokenizer = WordPieceTokenizer(vocabulary: model.vocabulary, maxCharactersPerWord: shape.maxCharactersPerWord)
        self.dimensions = hidden
        self.maxTokens = shape.maxTokens
        self.classifierID = model.classifierID
        self.separatorID = model.separatorID
        self.heads = shape.heads
        self.intermediateSize = shape.intermediate
        self.wordEmbeddings = model.wordEmbeddings
        self.positionAndType = (0..<(shape.maxTokens * hidden)).map { index in
            model.positionEmbeddings[index] + model.tokenTypeEmbeddings[index % hidden]
        }
        let epsilon = shape.layerNormEpsilon
        self.embeddingNorm = LayerNorm(weight: model.embeddingNormWeight, bias: model.embeddingNormBias, epsilon: epsilon)
        self.layers = model.layers.map { layer in
            Layer(
                // Query, key and value stacked into one matrix: one product gives all three.
                queryKeyValue: Linear(
                    weights: TransformerModelFile.QuantizedMatrix(stacking: [layer.query, layer.key, layer.value]),
                    bias: layer.queryBias + layer.keyBias + layer.valueBias),
                attentionOutput: Linear(weights: layer.attentionOutput, bias: layer.attentionOutputBias),
                attentionNorm: LayerNorm(weight: layer.attentionNormWeight, bias: layer.attentionNormBias, epsilon: epsilon),
                intermediate: Linear(weights: layer.intermediate, bias: layer.intermediateBias),
                output: Linear(weights: layer.output, bias: layer.outputBias),
                outputNorm: LayerNorm(weight: layer.outputNormWeight, bias: layer.outputNormBias, epsilon: epsilon))
        }
    }

    /// The unit vector of `text`, or `nil` when none of the word pieces the
    /// model would read is known (empty text, only emoji or an unknown script).
    public func encode(_ text: String) -> [Float]? {
        encode(batch: [text])[0]
    }

    /// The vectors of many texts, in order: the same as calling `encode(_:)` on
    /// each (within float rounding), but much faster for many short texts,
    /// since their tokens share each matrix product.
    public func encode(batch texts: [String]) -> [[Float]?] {
        var vectors = [[Float]?](repeating: nil, count: texts.count)
        let inputs = texts.enumerated().compactMap { index, text in modelInput(text).map { (index: index, tokens: $0) } }
        var start = 0
        while start < inputs.count {
            // As many whole texts as fit in one pass (always at least one).
            var end = start + 1
            var tokens = inputs[start].tokens.count
            while end < inputs.count, tokens + inputs[end].tokens.count <= Self.tokensPerPass {
                tokens += inputs[end].tokens.count
                end += 1
            }
            let pass = inputs[start..<end]
            for (input, vector) in zip(pass, forward(pass.map(\.tokens))) { vectors[input.index] = vector }
            start = end
        }
        return vectors
    }

    /// The ids the model reads for `text`: `[CLS]`, the first `maxTokens - 2`
    /// word pieces (`[UNK]` included, as the model was trained), `[SEP]`; or
    /// `nil` when none of those pieces is known.
    public func modelInput(_ text: String) -> [Int32]? {
        let pieces = tokenizer.tokenIDs(text).prefix(maxTokens - 2)
        guard pieces.contains(where: { $0 != tokenizer.unknownID }) else { return nil }
        return [classifierID] + pieces + [separatorID]
    }

    // MARK: - The forward pass

    /// BERT over several texts at once, then each text's mean token state, unit length.
    ///
    /// The texts' tokens are the rows of one matrix, one after another without
    /// padding, so every dense layer is one matrix product for all of them.
    /// Attention, the only step where tokens meet, runs text by text over each
    /// text's own rows, so no token ever sees another text.
    private func forward(_ texts: [[Int32]]) -> [[Float]?] {
        // Each text's rows: its tokens, in order.
        var spans: [Range<Int>] = []
        var rows = 0
        for tokens in texts {
            spans.append(rows..<(rows + tokens.count))
            rows += tokens.count
        }
        let work = Workspace(
            rows: rows, hidden: dimensions, intermediate: intermediateSize, longest: spans.map(\.count).max() ?? 0,
            headSize: dimensions / heads)
        // The buffers are raw pointers: keep their owner alive until the last one is read.
        return withExtendedLifetime(work) {
            // The token states, `rows × dimensions`: updated in place, layer by layer.
            let states = work.states
            embed(texts, into: states)
            for layer in layers {
                // 1. Self-attention, then add what it found to each token and normalise (post-LN BERT).
                layer.queryKeyValue.apply(states, rows: rows, into: work.queryKeyValue)
                attend(work.queryKeyValue, spans: spans, into: work.context, scratch: work.attentionScratch)
                layer.attentionOutput.apply(work.context, rows: rows, into: work.projected)
                layer.attentionNorm.apply(states, adding: work.projected, rows: rows)
                // 2. The feed-forward network, token by token, added and normalised the same way.
                layer.intermediate.apply(states, rows: rows, into: work.intermediate)
                Self.gelu(work.intermediate, count: rows * intermediateSize)
                layer.output.apply(work.intermediate, rows: rows, into: work.projected)
                layer.outputNorm.apply(states, adding: work.projected, rows: rows)
            }
            return spans.map { span in meanPooled(states, span: span) }
        }
    }

    /// Each token's word embedding (dequantised here) plus its position's, then LayerNorm.
    private func embed(_ texts: [[Int32]], into states: UnsafeMutablePointer<Float>) {
        let hidden = dimensions
        var row = 0
        wordEmbeddings.values.withUnsafeBufferPointer { words in
            positionAndType.withUnsafeBufferPointer { positions in
                for tokens in texts {
                    for (position, id) in tokens.enumerated() {
                        let word = words.baseAddress! + Int(id) * hidden
                        let scale = wordEmbeddings.scales[Int(id)]
                        let out = states + row * hidden
                        let added = positions.baseAddress! + position * hidden
                        for component in 0..<hidden { out[component] = Float(word[component]) * scale + added[component] }
                        row += 1
                    }
                }
            }
        }
        embeddingNorm.apply(states, adding: nil, rows: row)
    }

    /// Multi-head self-attention within each span of rows (see `gb_attention`):
    /// `queryKeyValue` holds each token's query, key and value side by side
    /// (`3 × dimensions` a row), and each text's rows are its own, so no token sees another text.
    private func attend(
        _ queryKeyValue: UnsafePointer<Float>, spans: [Range<Int>], into context: UnsafeMutablePointer<Float>,
        scratch: UnsafeMutablePointer<Float>
    ) {
        for span in spans {
            gb_attention(
                queryKeyValue + span.lowerBound * 3 * dimensions, Int32(span.count), Int32(dimensions), Int32(heads),
                context + span.lowerBound * dimensions, scratch)
        }
    }

    /// The average of a text's token states, `[CLS]` and `[SEP]` included, made unit length.
    private func meanPooled(_ states: UnsafePointer<Float>, span: Range<Int>) -> [Float]? {
        var sum = [Float](repeating: 0, count: dimensions)
        for row in span {
            let state = states + row * dimensions
            for component in 0..<dimensions { sum[component] += state[component] }
        }
        // Dividing by the count would not change the direction.
        return Vector.normalized(sum)
    }

    /// BERT's GELU, the exact (erf) form: x·Φ(x) = x/2 · (1 + erf(x/√2)).
    private static func gelu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        let inverseRootTwo = Float(0.5).squareRoot()
        for index in 0..<count {
            let x = values[index]
            values[index] = 0.5 * x * (1 + erf(x * inverseRootTwo))
        }
    }

    /// erf to within 4e-7 (glibc's `erff` is a function call per value, and it
    /// took a fifth of a batch's time): the rational approximation Eigen uses,
    /// x·P(x²)/Q(x²) on [-4, 4], where erf is ±1 in f32 beyond. Only multiplies,
    /// adds and one divide, so the loop above runs on vector registers.
    @inline(__always)
    static func erf(_ value: Float) -> Float {
        let x = min(max(value, -4), 4)
        let x2 = x * x
        var p: Float = -2.72614225801306e-10
        p = p * x2 + 2.77068142495902e-08
        p = p * x2 - 2.10102402082508e-06
        p = p * x2 - 5.69250639462346e-05
        p = p * x2 - 7.34990630326855e-04
        p = p * x2 - 2.95459980854025e-03
        p = p * x2 - 1.60960333262415e-02
        var q: Float = -1.45660718464996e-05
        q = q * x2 - 2.13374055278905e-04
        q = q * x2 - 1.68282697438203e-03
        q = q * x2 - 7.37332916720468e-03
        q = q * x2 - 1.42647390514189e-02
        return x * p / q
    }
}

/// One transformer layer's weights.
private struct Layer: Sendable {
    let queryKeyValue: Linear
    let attentionOutput: Linear
    let attentionNorm: LayerNorm
    let intermediate: Linear
    let output: Linear
    let outputNorm: LayerNorm
}

/// A dense layer, `output = input · weightsᵀ + bias`, over int8 weights with a scale per row.
private struct Linear: Sendable {
    /// `outputs × inputs`: one row per output feature, as PyTorch stores it.
    let weights: TransformerModelFile.QuantizedMatrix
    let bias: [Float]

    /// Applies the layer to `rows` input rows, writing `rows × outputs` values.
    func apply(_ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>) {
        weights.values.withUnsafeBufferPointer { values in
            weights.scales.withUnsafeBufferPointer { scales in
                bias.withUnsafeBufferPointer { bias in
                    gb_linear_q8(
                        input, Int32(rows), Int32(weights.columns), values.baseAddress, scales.baseAddress, bias.baseAddress,
                        Int32(weights.rows), output)
                }
            }
        }
    }
}

/// Layer normalisation over each row: zero mean, unit variance, then a learnt scale and shift.
private struct LayerNorm: Sendable {
    let weight: [Float]
    let bias: [Float]
    let epsilon: Float

    /// `states = LayerNorm(states + residual)`, row by row (`residual` may be absent).
    func apply(_ states: UnsafeMutablePointer<Float>, adding residual: UnsafePointer<Float>?, rows: Int) {
        let width = weight.count
        weight.withUnsafeBufferPointer { weight in
            bias.withUnsafeBufferPointer { bias in
                for row in 0..<rows {
                    let values = states + row * width
                    if let residual {
                        let added = residual + row * width
                        for column in 0..<width { values[column] += added[column] }
                    }
                    var mean: Float = 0
                    for column in 0..<width { mean += values[column] }
                    mean /= Float(width)
                    var variance: Float = 0
                    for column in 0..<width { variance += (values[column] - mean) * (values[column] - mean) }
                    variance /= Float(width)
                    let scale = 1 / (variance + epsilon).squareRoot()
                    for column in 0..<width { values[column] = (values[column] - mean) * scale * weight[column] + bias[column] }
                }
            }
        }
    }
}

/// One forward pass's scratch buffers, made for the pass and freed after it:
/// nothing is shared between calls, which is what makes the encoder safe to use from many threads.
private final class Workspace {
    /// Token states, `rows × hidden`.
    let states: UnsafeMutablePointer<Float>
    /// Queries, keys and values, `rows × 3·hidden`.
    let queryKeyValue: UnsafeMutablePointer<Float>
    /// The attention heads' outputs, `rows × hidden`.
    let context: UnsafeMutablePointer<Float>
    /// A dense layer's output before it is added to the states, `rows × hidden`.
    let projected: UnsafeMutablePointer<Float>
    /// The feed-forward network's hidden layer, `rows × intermediate`.
    let intermediate: UnsafeMutablePointer<Float>
    /// One head's attention scores and transposed keys for the longest text, `longest × (longest + headSize)`.
    let attentionScratch: UnsafeMutablePointer<Float>

    init(rows: Int, hidden: Int, intermediate: Int, longest: Int, headSize: Int) {
        func buffer(_ count: Int) -> UnsafeMutablePointer<Float> {
            // On a cache line: the kernels read whole 64-byte vectors along each row, and a
            // row of the model's widths stays aligned (a quarter faster than malloc's 16 bytes).
            let pointer = UnsafeMutableRawPointer.allocate(byteCount: 4 * max(count, 1), alignment: 64)
                .bindMemory(to: Float.self, capacity: max(count, 1))
            pointer.initialize(repeating: 0, count: max(count, 1))
            return pointer
        }
        states = buffer(rows * hidden)
        queryKeyValue = buffer(rows * 3 * hidden)
        context = buffer(rows * hidden)
        projected = buffer(rows * hidden)
        self.intermediate = buffer(rows * intermediate)
        attentionScratch = buffer(longest * (longest + headSize))
    }

    deinit {
        for pointer in [states, queryKeyValue, context, projected, intermediate, attentionScratch] { pointer.deallocate() }
    }
}
