/// Example texts grouped by what they stand for (an intent, the out-of-scope
/// class, a crisis category), held as unit vectors so that one pass of dot
/// products scores a message against all of them.
public struct SemanticIndex: Sendable {
    /// Components per vector.
    public let dimensions: Int
    /// How many groups there are; group numbers run from 0.
    public let groupCount: Int
    /// Row-major unit vectors, one row per example the encoder could read.
    private let rows: [Float]
    /// The group of each row.
    private let rowGroup: [Int32]
    /// The unit mean of each group's rows, row-major; a zero row for a group with none.
    private let centroids: [Float]
    /// Where each group's rows start (rows are in group order), and one past the last row at the end.
    private let groupStart: [Int]

    /// An index over `groups` (each a list of example texts), encoded with
    /// `encoder` or read from `cache`. Examples the encoder cannot read are left out.
    public init(groups: [[String]], encoder: any SentenceEncoder, cache: (EmbeddingCache, modelChecksum: String)? = nil) {
        let texts = groups.flatMap { $0 }
        let encoded =
            cache.map { $0.0.vectors(for: texts, encoder: encoder, modelChecksum: $0.modelChecksum) }
            ?? EncodedTexts(texts, encoder: encoder)
        var rowGroup: [Int32] = []
        rowGroup.reserveCapacity(encoded.values.count / max(1, encoder.dimensions))
        var next = 0
        for (group, examples) in groups.enumerated() {
            for present in encoded.present[next..<(next + examples.count)] where present { rowGroup.append(Int32(group)) }
            next += examples.count
        }
        self.init(rows: encoded.values, rowGroup: rowGroup, groupCount: groups.count, dimensions: encoder.dimensions)
    }

    /// An index over vectors already encoded, grouped.
    public init(vectors groups: [[[Float]]], dimensions: Int) {
        self.init(
            rows: groups.flatMap { $0.flatMap { $0 } },
            rowGroup: groups.enumerated().flatMap { group, vectors in vectors.map { _ in Int32(group) } },
            groupCount: groups.count, dimensions: dimensions)
    }

    /// An index over `rows` (row-major) whose groups are `rowGroup`, in
    /// ascending group order. The arrays are kept, not copied.
    private init(rows: [Float], rowGroup: [Int32], groupCount: Int, dimensions: Int) {
        var centroids = [Float](repeating: 0, count: groupCount * dimensions)
        var sum = [Float](repeating: 0, count: dimensions)
        var row = 0
        for group in 0..<groupCount {
            for component in 0..<dimensions { sum[component] = 0 }
            var members = 0
            while row < rowGroup.count, rowGroup[row] == group {
                for component in 0..<dimensions { sum[component] += rows[row * dimensions + component] }
                row += 1
                members += 1
            }
            if members > 0, let mean = Vector.normalized(sum) {
                centroids.replaceSubrange((group * dimensions)..<((group + 1) * dimensions), with: mean)
            }
        }
        self.dimensions = dimensions
        self.groupCount = groupCount
        self.rows = rows
        self.rowGroup = rowGroup
        self.centroids = centroids
        var groupStart = [Int](repeating: rowGroup.count, count: groupCount + 1)
        for row in rowGroup.indices.reversed() { groupStart[Int(rowGroup[row])] = row }
        for group in stride(from: groupCount - 1, through: 0, by: -1) { groupStart[group] = min(groupStart[group], groupStart[group + 1]) }
        self.groupStart = groupStart
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
        var seen = [Int](repeating: 0, count: groupCount)
        let groups = only?.clamped(to: 0..<groupCount) ?? 0..<groupCount
        vector.withUnsafeBufferPointer { query in
            rows.withUnsafeBufferPointer { table in
                for row in groupStart[groups.lowerBound]..<groupStart[groups.upperBound] {
                    let group = Int(rowGroup[row])
                    let cosine = Vector.dot(query.baseAddress!, table.baseAddress! + row * dimensions, count: dimensions)
                    if cosine > closest[group] {
                        closest[group] = cosine
                        closestExample[group] = seen[group]
                    }
                    seen[group] += 1
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
