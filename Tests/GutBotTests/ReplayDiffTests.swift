import Testing

@testable import GutBotCLI

/// The diff `gutbot replay` prints for a changed reply.
@Suite struct ReplayDiffTests {
    @Test func lineDiffKeepsSharedLinesAndMarksTheRest() {
        let diff = LineDiff.lines(from: ["a", "b", "c"], to: ["a", "x", "c", "d"])
        #expect(diff == [.same("a"), .removed("b"), .added("x"), .same("c"), .added("d")])
        #expect(LineDiff.lines(from: [], to: ["a"]) == [.added("a")])
        #expect(LineDiff.lines(from: ["a"], to: []) == [.removed("a")])
    }
}
