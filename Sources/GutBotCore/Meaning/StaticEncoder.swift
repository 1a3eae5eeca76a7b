/// A sentence encoder in the manner of Model2Vec: one vector per WordPiece
/// token, read from a table and summed, then made unit length.
///
/// The table was distilled from all-MiniLM-L6-v2 and tuned so that this sum
/// points where the full transformer's embedding points (see `Models/README.md`).
/// There is no attention and no context, which is what makes it take
/// microseconds: meaning comes from which tokens a text has, not their order.
public struct StaticEncoder: SentenceEncoder {
    /// Splits text into the table's token ids.
    public let tokenizer: WordPieceTokenizer
    public let dimensions: Int
    /// One scale per token; a row's components are its int8 values times its scale.
    private let scales: [Float]
    /// Token rows, `dimensions` int8 values each, in id order.
    private let rows: Int8Table

    /// An encoder over a table read from a model file.
    public init(model: ModelFile) {
        self.tokenizer = WordPieceTokenizer(
            vocabulary: model.vocabulary,
            maxCharactersPerWord: model.maxCharactersPerWord)
        self.dimensions = model.dimensions
        self.scales = model.scales
        self.rows = model.rows
    }

    public func encode(_ text: String) -> [Float]? {
        encode(tokenIDs: tokenizer.tokenIDs(text))
    }

    /// The unit vector of tokens already found; `[UNK]` and zero rows add nothing.
    public func encode(tokenIDs: [Int32]) -> [Float]? {
        var sum = [Float](repeating: 0, count: dimensions)
        var any = false
        rows.withUnsafeBufferPointer { table in
            sum.withUnsafeMutableBufferPointer { total in
                for id in tokenIDs where id >= 0 && id != tokenizer.unknownID && Int(id) < scales.count {
                    let scale = scales[Int(id)]
                    guard scale != 0 else { continue }
                    any = true
                    let row = table.baseAddress! + Int(id) * dimensions
                    for component in 0..<dimensions { total[component] += scale * Float(row[component]) }
                }
            }
        }
        return any ? Vector.normalized(sum) : nil
    }
}
