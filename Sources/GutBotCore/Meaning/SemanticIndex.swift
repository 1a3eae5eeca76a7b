/// Example texts grouped by what they stand for (an intent, the out-of-scope
/// class, a crisis category), held as unit vectors so that one pass of dot
/// products scores a message against all of them.
public struct SemanticIndex: Sendable {
    /// Components per vector.
    public let dimensions: Int
    /// How many groups there are; group numbers run from 0.
    public let groupCount: Int
    /// The vectors, made when the index is, or when first compared with.
    private let table: OnFirstUse<Table>

    /// The vectors an index compares with.
    private struct Table: Sendable {
        /// Row-major unit vectors, one row per example the encoder could read,
        /// group after group.
        var rows: [Float]
        /// Where each group's rows start, and one past the last row at the end:
        /// group `g` has rows `groupStart[g]..<groupStart[g + 1]`.
        var groupStart: [Int]
        /// The unit mean of each group's rows, row-major; a zero row for a group with none.
        var centroids: [Float]

        /// The rows of `groups`' texts, all groups in order, that `encoded` has vectors for.
        init(groups: [[String]], encoded: EncodedTexts) {
            var next = 0
            let rowCounts = groups.map { examples in
                defer { next += examples.count }
                return encoded.present[next..<(next + examples.count)].filter { $0 }.count
            }
            self.init(rows: encoded.values, rowCounts: rowCounts, dimensions: encoded.dimensions)
        }

        /// The table of `rows` (row-major), the first `rowCounts[0]` of them in
        /// group 0, the next `rowCounts[1]` in group 1, and so on, with each
        /// group's centroid. The rows are kept, not copied.
        init(rows: [Float], rowCounts: [Int], dimensions: Int) {
            var groupStart = [0]
            for count in rowCounts { groupStart.append(groupStart.last! + count) }
            var centroids = [Float](repeating: 0, count: rowCounts.count * dimensions)
            var sum = [Float](repeating: 0, count: dimensions)
            for group in rowCounts.indices {
                for component in 0..<dimensions { sum[component] = 0 }
                for row in groupStart[group]..<groupStart[group + 1] {
                    for component in 0..<dimensions { sum[component] += rows[row * dimensions + component] }
                }
                // A group with no rows keeps a zero centroid: its sum has no length.
                if let mean = Vector.normalized(sum) {
                    centroids.replaceSubrange((group * dimensions)..<((group + 1) * dimensions), with: mean)
                }
            }
            self.rows = rows
            self.groupStart = groupStart
            self.centroids = centroids
        }
    }

    /// An index over `groups` (each a list of example texts), encoded with
    /// `encoder` or read from `cache`. Examples the encoder cannot read are left out.
    public init(groups: [[String]], encoder: any SentenceEncoder, cache: (EmbeddingCache, modelChecksum: String)? = nil) {
        let texts = groups.flatMap { $0 }
        let encoded =
            cache.map { $0.0.vectors(for: texts, encoder: encoder, modelChecksum: $0.modelChecksum) }
            ?? EncodedTexts(texts, encoder: encoder)
        self.init(groups: groups, encoded: encoded)
    }

    /// An index over `groups` whose texts, all groups in order, are already
    /// `encoded`; texts without a vector are left out.
    public init(groups: [[String]], encoded: EncodedTexts) {
        self.dimensions = encoded.dimensions
        self.groupCount = groups.count
        self.table = OnFirstUse(made: Table(groups: groups, encoded: encoded))
    }

    /// An index over `groups` (each a list of example texts) that are encoded
    /// with `encoder` only when the index is first compared with: for an
    /// index that many runs never need, such as the deep reading's, which a
    /// clear question never asks for. Examples the encoder cannot read are left out.
    public init(groups: [[String]], encodingOnFirstUse encoder: any SentenceEncoder) {
        self.dimensions = encoder.dimensions
        self.groupCount = groups.count
        self.table = OnFirstUse { Table(groups: groups, encoded: EncodedTexts(groups.flatMap { $0 }, encoder: encoder)) }
    }

    /// An index over vectors already encoded, grouped.
    public init(vectors groups: [[[Float]]], dimensions: Int) {
        self.dimensions = dimensions
        self.groupCount = groups.count
        self.table = OnFirstUse(
            made: Table(rows: groups.flatMap { $0.flatMap { $0 } }, rowCounts: groups.map(\.count), dimensions: dimensions))
    }

    /// How close `vector` comes to each group.
    public struct Similarity: Sendable {
        /// Per group: the cosine of its closest example (-1 when it has none).
        public var closest: [Float]
        /// Per group: the cosine of its centroid (0 when it has none).
        public var centroid: [Float]
        /// Per group: which of its examples is closest, counted within the group (-1 when none).
        public var closestExample: [Int]
    }

    /// Cosines of `vector` against the closest example and the centroid of
    /// every group, or only of the groups in `only`: those of other groups
    /// are then left at -1 and 0, and their examples are never read.
    public func similarity(to vector: [Float], only: Range<Int>? = nil) -> Similarity {
        var closest = [Float](repeating: -1, count: groupCount)
        var closestExample = [Int](repeating: -1, count: groupCount)
        var centroid = [Float](repeating: 0, count: groupCount)
        let groups = only?.clamped(to: 0..<groupCount) ?? 0..<groupCount
        let vectors = table.value
        let (rows, groupStart, centroids) = (vectors.rows, vectors.groupStart, vectors.centroids)
        vector.withUnsafeBufferPointer { query in
            rows.withUnsafeBufferPointer { table in
                for group in groups {
                    for row in groupStart[group]..<groupStart[group + 1] {
                        let cosine = Vector.dot(query.baseAddress!, table.baseAddress! + row * dimensions, count: dimensions)
                        if cosine > closest[group] {
                            closest[group] = cosine
                            closestExample[group] = row - groupStart[group]
                        }
                    }
                }
            }
            centroids.withUnsafeBufferPointer { table in
                for group in groups {
                    centroid[group] = Vector.dot(query.baseAddress!, table.baseAddress! + group * dimensions, count: dimensions)
                }
            }
        }
        return Similarity(closest: closest, centroid: centroid, closestExample: closestExample)
    }
}
