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
}

/// Small vector helpers shared by the encoder and the indexes built on it.
enum Vector {
    /// The dot product of two vectors of equal length: their cosine when both are unit length.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        // Eight running sums, so the loop vectorises without reordering any one sum.
        var sums = SIMD8<Float>()
        var index = 0
        while index + 8 <= count {
            let x = UnsafeRawPointer(a + index).loadUnaligned(as: SIMD8<Float>.self)
            let y = UnsafeRawPointer(b + index).loadUnaligned(as: SIMD8<Float>.self)
            sums += x * y
            index += 8
        }
        var total = sums.sum()
        while index < count {
            total += a[index] * b[index]
            index += 1
        }
        return total
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
