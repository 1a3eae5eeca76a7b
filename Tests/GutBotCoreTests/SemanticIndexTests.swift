import Testing

@testable import GutBotCore

/// The example index: a scan limited to some groups gives, for those groups,
/// exactly what the full scan gives.
struct SemanticIndexTests {
    /// Unit vectors from a fixed generator, so a failure repeats.
    static func vectors(_ count: Int, dimensions: Int, seed: UInt64) -> [[Float]] {
        var state = seed
        func next() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state >> 11) % 2_000) / 1_000 - 1
        }
        return (0..<count).map { _ in
            Vector.normalized((0..<dimensions).map { _ in next() }) ?? [1] + [Float](repeating: 0, count: dimensions - 1)
        }
    }

    @Test(arguments: [0..<3, 2..<5, 0..<7, 4..<4, 6..<9])
    func aLimitedScanMatchesTheFullOneOnItsGroups(groups: Range<Int>) {
        let dimensions = 37  // not a multiple of 4 or 16: every loop of the dot product runs
        let all = Self.vectors(60, dimensions: dimensions, seed: 7)
        // Seven groups of uneven size, one of them empty.
        let sizes = [5, 12, 0, 9, 20, 3, 11]
        var groupsOfVectors: [[[Float]]] = []
        var next = 0
        for size in sizes {
            groupsOfVectors.append(Array(all[next..<(next + size)]))
            next += size
        }
        let index = SemanticIndex(vectors: groupsOfVectors, dimensions: dimensions)
        for query in Self.vectors(10, dimensions: dimensions, seed: 99) {
            let full = index.similarity(to: query)
            let limited = index.similarity(to: query, only: groups)
            for group in 0..<sizes.count {
                if groups.clamped(to: 0..<sizes.count).contains(group) {
                    #expect(limited.closest[group] == full.closest[group])
                    #expect(limited.centroid[group] == full.centroid[group])
                    #expect(limited.closestExample[group] == full.closestExample[group])
                } else {
                    #expect(limited.closest[group] == -1 && limited.closestExample[group] == -1 && limited.centroid[group] == 0)
                }
            }
            // The full scan against a plain loop over every vector.
            for (group, members) in groupsOfVectors.enumerated() {
                let cosines = members.map { member in zip(member, query).map { Double($0 * $1) }.reduce(0, +) }
                guard let best = cosines.max() else { continue }
                #expect(abs(Double(full.closest[group]) - best) < 1e-5)
                #expect(abs(cosines[full.closestExample[group]] - best) < 1e-5)
            }
        }
    }
}
