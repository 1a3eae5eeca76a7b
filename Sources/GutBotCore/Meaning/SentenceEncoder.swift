/// Turns a text into a unit vector, so that texts which mean the same thing
/// point the same way even when they share no words.
///
/// The contract, which the router and the safety net rely on:
/// - `encode` is deterministic and pure: the same text always gives the same vector.
/// - A returned vector has `dimensions` components and length 1 (within
///   float rounding), so a dot product of two is their cosine.
/// - `nil` means the text has nothing the encoder can read (only punctuation,
///   an unknown script); callers then score on words alone.
/// - It never traps, whatever the input.
public protocol SentenceEncoder: Sendable {
    /// How many components every vector has.
    var dimensions: Int { get }
    /// The unit vector of `text`, or `nil` when nothing in it is known.
    func encode(_ text: String) -> [Float]?
    /// The vectors of many texts, as `encode` gives them one by one (within
    /// float rounding): an encoder that works faster on many at once, as the
    /// transformer does, says so here.
    func encode(batch texts: [String]) -> [[Float]?]
}

extension SentenceEncoder {
    /// One text at a time.
    public func encode(batch texts: [String]) -> [[Float]?] {
        texts.map { encode($0) }
    }
}

/// Small vector helpers shared by the encoder and the indexes built on it.
enum Vector {
    /// The dot product of two vectors of equal length: their cosine when both are unit length.
    ///
    /// Four running sums, component `i` always added to sum `i % 4` in order,
    /// so the result never depends on how the loop is unrolled. The main loop
    /// takes sixteen components a turn, written out: the optimiser makes each
    /// four one vector multiply and add, and the loop's own bookkeeping is paid
    /// once per sixteen. Plain pointer arithmetic, unlike SIMD types (generic code),
    /// also stays fast in debug builds, where the tests run.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var s0: Float = 0
        var s1: Float = 0
        var s2: Float = 0
        var s3: Float = 0
        var index = 0
        while index &+ 16 <= count {
            s0 += a[index] * b[index]
            s1 += a[index &+ 1] * b[index &+ 1]
            s2 += a[index &+ 2] * b[index &+ 2]
            s3 += a[index &+ 3] * b[index &+ 3]
            s0 += a[index &+ 4] * b[index &+ 4]
            s1 += a[index &+ 5] * b[index &+ 5]
            s2 += a[index &+ 6] * b[index &+ 6]
            s3 += a[index &+ 7] * b[index &+ 7]
            s0 += a[index &+ 8] * b[index &+ 8]
            s1 += a[index &+ 9] * b[index &+ 9]
            s2 += a[index &+ 10] * b[index &+ 10]
            s3 += a[index &+ 11] * b[index &+ 11]
            s0 += a[index &+ 12] * b[index &+ 12]
            s1 += a[index &+ 13] * b[index &+ 13]
            s2 += a[index &+ 14] * b[index &+ 14]
            s3 += a[index &+ 15] * b[index &+ 15]
            index &+= 16
        }
        while index &+ 4 <= count {
            s0 += a[index] * b[index]
            s1 += a[index &+ 1] * b[index &+ 1]
            s2 += a[index &+ 2] * b[index &+ 2]
            s3 += a[index &+ 3] * b[index &+ 3]
            index &+= 4
        }
        while index < count {
            s0 += a[index] * b[index]
            index &+= 1
        }
        return (s0 + s1) + (s2 + s3)
    }

    /// `vector` scaled to length 1, or `nil` when it has no length.
    static func normalized(_ vector: [Float]) -> [Float]? {
        var squares: Float = 0
        for value in vector { squares += value * value }
        guard squares > 0, squares.isFinite else { return nil }
        let scale = 1 / squares.squareRoot()
        return vector.map { $0 * scale }
    }
}
