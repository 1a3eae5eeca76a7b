/// Example texts grouped by what they stand for (an intent, the out-of-scope
/// class, a crisis category), held as unit vectors so that one pass scores a
/// message against all of them.
///
/// That pass reads every example, thousands of them, for every message: as
/// floats, more memory than the processor's caches hold, so reading it, not
/// the arithmetic, took most of a reply's time. It is done in two steps that
/// give exactly the cosines of a dot product with every row: a pass over the
/// rows rounded to 8 bits (a quarter of the memory) bounds each cosine, and
/// only the rows that could be their group's closest are scored in full.
/// See ``similarity(to:only:)``.
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
    /// The rows rounded to 8 bits, for the first pass.
    private let coarse: QuantizedRows

    /// An index over `groups` (each a list of example texts), encoded with
    /// `encoder` or read from `cache`. Examples the encoder cannot read are left out.
    public init(groups: [[String]], encoder: any SentenceEncoder, cache: (EmbeddingCache, modelChecksum: String)? = nil) {
        let texts = groups.flatMap { $0 }
        let encoded = cache.map { $0.0.vectors(for: texts, encoder: encoder, modelChecksum: $0.modelChecksum) }
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
        self.init(rows: groups.flatMap { $0.flatMap { $0 } },
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
        self.coarse = QuantizedRows(rows, dimensions: dimensions)
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
    ///
    /// Equal, bit for bit, to scoring every row with ``Vector/dot(_:_:count:)``
    /// and keeping each group's first best (``exhaustiveSimilarity(to:only:)``):
    ///
    /// 1. The first pass scores every row from its 8-bit rounding and knows
    ///    how far that score can be from the row's exact cosine (``QuantizedRows``).
    ///    Each group's best lower bound is then a cosine its closest row reaches.
    /// 2. The second pass scores in full, in row order, only the rows whose
    ///    upper bound reaches their group's best lower bound. Every other row
    ///    is certainly below its group's closest, so it could neither be it
    ///    nor tie with it.
    public func similarity(to vector: [Float], only: Range<Int>? = nil) -> Similarity {
        let groups = only?.clamped(to: 0..<groupCount) ?? 0..<groupCount
        let rowRange = groupStart[groups.lowerBound]..<groupStart[groups.upperBound]
        let query = QuantizedRows.Query(vector)
        var floor = [Float](repeating: -.infinity, count: groupCount)
        var upper = [Float](repeating: 0, count: rowGroup.count)
        for row in rowRange {
            let (estimate, error) = coarse.estimate(row: row, query: query)
            upper[row] = estimate + error
            let group = Int(rowGroup[row])
            floor[group] = max(floor[group], estimate - error)
        }
        return score(vector, groups: groups) { row in upper[row] >= floor[Int(rowGroup[row])] }
    }

    /// The same as ``similarity(to:only:)`` the slow way, every row scored in
    /// full: the reference that the tests hold the fast way to.
    func exhaustiveSimilarity(to vector: [Float], only: Range<Int>? = nil) -> Similarity {
        score(vector, groups: only?.clamped(to: 0..<groupCount) ?? 0..<groupCount) { _ in true }
    }

    /// Exact cosines of the rows of `groups` that `worthScoring` lets
    /// through, in row order, each group keeping its first best; and the
    /// cosines of those groups' centroids.
    private func score(_ vector: [Float], groups: Range<Int>, worthScoring: (Int) -> Bool) -> Similarity {
        var closest = [Float](repeating: -1, count: groupCount)
        var closestExample = [Int](repeating: -1, count: groupCount)
        var centroid = [Float](repeating: 0, count: groupCount)
        vector.withUnsafeBufferPointer { query in
            rows.withUnsafeBufferPointer { table in
                for row in groupStart[groups.lowerBound]..<groupStart[groups.upperBound] where worthScoring(row) {
                    let group = Int(rowGroup[row])
                    let cosine = Vector.dot(query.baseAddress!, table.baseAddress! + row * dimensions, count: dimensions)
                    if cosine > closest[group] {
                        closest[group] = cosine
                        closestExample[group] = row - groupStart[group]
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

/// Unit vectors rounded to 8 bits, one scale per vector, with a bound on how
/// far a dot product computed from them can be from the exact one.
///
/// For a row `r` held as `s·c` (`c` small integers) with rounding error
/// `e = |r − s·c|`, and a query `q` held as `t·d` with error `f`:
/// `q·r − (t·d)·(s·c) = q·(r − s·c) + (q − t·d)·(s·c)`, so the difference is
/// at most `|q|·e + f·|s·c| ≤ |q|·e + f·(|r| + e)`. ``slack`` covers float
/// rounding in the exact dot product and in this estimate.
struct QuantizedRows: Sendable {
    let dimensions: Int
    /// Row-major integer components.
    private let codes: [Int8]
    /// Per row: the scale that turns its codes back into components.
    private let scales: [Float]
    /// Per row: the length of its rounding error, rounded up.
    private let errors: [Float]
    /// Per row: its length, rounded up (1 for the encoder's vectors).
    private let norms: [Float]

    /// Far above the float rounding of a dot product of two unit vectors of
    /// a few hundred components (about 384 × 2⁻²⁴ ≈ 2.3e-5) and of the estimate.
    static let slack: Float = 1e-4

    init(_ rows: [Float], dimensions: Int) {
        self.dimensions = dimensions
        let count = dimensions == 0 ? 0 : rows.count / dimensions
        var codes: [Int8] = []
        codes.reserveCapacity(rows.count)
        var scales: [Float] = [], errors: [Float] = [], norms: [Float] = []
        for row in 0..<count {
            let rounded = Self.round(rows[(row * dimensions)..<((row + 1) * dimensions)])
            codes += rounded.codes
            scales.append(rounded.scale)
            errors.append(rounded.error)
            norms.append(rounded.norm)
        }
        self.codes = codes
        self.scales = scales
        self.errors = errors
        self.norms = norms
    }

    /// A query rounded the same way.
    struct Query {
        let codes: [Int8]
        let scale: Float
        let error: Float
        let norm: Float

        init(_ vector: [Float]) {
            (codes, scale, error, norm) = QuantizedRows.round(vector[...])
        }
    }

    /// The coarse cosine of `row` with `query`, and how far the exact one can be from it.
    @inline(__always)
    func estimate(row: Int, query: Query) -> (value: Float, error: Float) {
        let product = codes.withUnsafeBufferPointer { table in
            query.codes.withUnsafeBufferPointer { mine in
                Self.dot(mine.baseAddress!, table.baseAddress! + row * dimensions, count: dimensions)
            }
        }
        let value = query.scale * scales[row] * Float(product)
        let error = query.norm * errors[row] + query.error * (norms[row] + errors[row])
            + Self.slack * max(1, query.norm * norms[row])
        return (value, error)
    }

    /// `values` as codes in -127...127 times one scale, the length of the
    /// rounding error and the length of `values`, both rounded up. A vector
    /// with a component that is not finite gets bounds so wide that nothing
    /// is pruned.
    static func round(_ values: ArraySlice<Float>) -> (codes: [Int8], scale: Float, error: Float, norm: Float) {
        let zeros = [Int8](repeating: 0, count: values.count)
        guard values.allSatisfy(\.isFinite) else { return (zeros, 0, .infinity, .infinity) }
        let largest = values.reduce(0) { max($0, abs($1)) }
        guard largest > 0 else { return (zeros, 0, 0, 0) }
        let scale = largest / 127
        var codes: [Int8] = []
        codes.reserveCapacity(values.count)
        var squares = 0.0, length = 0.0
        for value in values {
            let code = Int8(max(-127, min(127, (value / scale).rounded())))
            codes.append(code)
            let difference = Double(value) - Double(scale) * Double(code)
            squares += difference * difference
            length += Double(value) * Double(value)
        }
        return (codes, scale, Float(squares.squareRoot()).nextUp, Float(length.squareRoot()).nextUp)
    }

    /// The integer dot product of two code vectors: exact, since a few
    /// hundred products of at most 127² fit in 32 bits and in a float's 24-bit mantissa.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Int8>, _ b: UnsafePointer<Int8>, count: Int) -> Int32 {
        var sum: Int32 = 0
        var index = 0
        while index < count {
            sum &+= Int32(truncatingIfNeeded: a[index]) &* Int32(truncatingIfNeeded: b[index])
            index &+= 1
        }
        return sum
    }
}
