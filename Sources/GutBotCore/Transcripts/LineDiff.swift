/// A line-by-line difference between two texts, as unified diff shows it:
/// what replay prints when a reply changed.
public enum LineDiff {
    /// One line of a diff.
    public enum Line: Sendable, Equatable {
        /// In both texts.
        case same(String)
        /// Only in the expected text (`-`).
        case removed(String)
        /// Only in the actual text (`+`).
        case added(String)
    }

    /// The lines of `expected` and `actual` in order, shared ones once;
    /// a longest common subsequence, which for replies of a few dozen lines
    /// is instant.
    public static func lines(from expected: [String], to actual: [String]) -> [Line] {
        let n = expected.count, m = actual.count
        // lengths[i][j]: the common subsequence length of expected[i...] and actual[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = expected[i] == actual[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var result: [Line] = []
        var i = 0, j = 0
        while i < n, j < m {
            if expected[i] == actual[j] {
                result.append(.same(expected[i])); i += 1; j += 1
            } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                result.append(.removed(expected[i])); i += 1
            } else {
                result.append(.added(actual[j])); j += 1
            }
        }
        result += expected[i...].map(Line.removed) + actual[j...].map(Line.added)
        return result
    }
}
