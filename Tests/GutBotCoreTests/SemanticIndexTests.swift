import Synchronization
import Testing

@testable import GutBotCore

/// The example index: a scan limited to some groups gives, for those groups,
/// exactly what the full scan gives; an index encoded on first use gives
/// exactly what one encoded at once gives.
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

    /// Vectors looked up by text, one of them unreadable, counting how often it is asked.
    final class TableEncoder: SentenceEncoder {
        let dimensions = 37
        let table: [String: [Float]]
        let batches = Mutex(0)

        init(texts: [String]) {
            let vectors = SemanticIndexTests.vectors(texts.count, dimensions: 37, seed: 3)
            table = Dictionary(uniqueKeysWithValues: zip(texts, vectors))
        }

        func encode(_ text: String) -> [Float]? { text == "unreadable" ? nil : table[text] }

        func encode(batch texts: [String]) -> [[Float]?] {
            batches.withLock { $0 += 1 }
            return texts.map(encode)
        }
    }

    @Test func anIndexEncodedOnFirstUseAnswersAsOneEncodedAtOnce() {
        let groups = [["a", "b", "unreadable"], [], ["c"], ["d", "e", "f", "g"]]
        let encoder = TableEncoder(texts: groups.flatMap { $0 })
        let eager = SemanticIndex(groups: groups, encoded: EncodedTexts(groups.flatMap { $0 }, encoder: encoder))
        let lazy = SemanticIndex(groups: groups, encodingOnFirstUse: encoder)
        #expect(encoder.batches.withLock { $0 } == 1, "nothing is encoded before the index is first used")
        #expect(lazy.dimensions == eager.dimensions && lazy.groupCount == eager.groupCount)
        for query in Self.vectors(10, dimensions: 37, seed: 5) {
            let expected = eager.similarity(to: query)
            let found = lazy.similarity(to: query)
            #expect(found.closest == expected.closest && found.centroid == expected.centroid)
            #expect(found.closestExample == expected.closestExample)
        }
        #expect(encoder.batches.withLock { $0 } == 2, "the texts are encoded once, on first use")
    }
}
