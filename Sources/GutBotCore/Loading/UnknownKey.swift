import Yams

/// A key a data file uses that its schema does not know, with the known key
/// it most likely meant. An unknown key is an error, not something to skip:
/// `exmaples:` silently ignored would leave an intent with no examples, and
/// a misspelt safety key would quietly drop rules.
struct UnknownKey: Sendable, Equatable {
    /// The key as written.
    var key: String
    /// The 1-based line of the key.
    var line: Int?
    /// The closest known key, when one is close enough to be a typo.
    var suggestion: String?

    /// The keys of `mapping` that are not in `known`, in file order.
    static func find(in mapping: Node.Mapping, known: [String]) -> [UnknownKey] {
        mapping.keys.compactMap { node -> UnknownKey? in
            let key = node.scalar?.string ?? "\(node)"
            guard !known.contains(key) else { return nil }
            return UnknownKey(key: key, line: node.mark?.line, suggestion: suggestion(for: key, among: known))
        }
    }

    /// `unknown key 'exmaples' in intent 'fiber' (did you mean 'examples'?); known keys: ...`.
    func message(what: String, known: [String], why: String? = nil) -> String {
        var text = "unknown key '\(key)' in \(what)"
        if let suggestion { text += " (did you mean '\(suggestion)'?)" }
        if let why { return text + "; " + why }
        return text + "; known keys: " + known.joined(separator: ", ")
    }

    /// The known key within a third of its length in edits (at least one), or
    /// one that differs only in case, `-` or `_`.
    static func suggestion(for key: String, among known: [String]) -> String? {
        let folded = fold(key)
        if let same = known.first(where: { fold($0) == folded }) { return same }
        let best = known.map { ($0, distance(folded, fold($0))) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(1, best.0.count / 3) else { return nil }
        return best.0
    }

    private static func fold(_ key: String) -> [Character] {
        Array(key.lowercased().replacingOccurrences(of: "-", with: "_"))
    }

    /// Optimal string alignment distance: a swap of neighbours counts as one
    /// edit, the commonest typo in a key.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Keys are short; a longer one cannot be a typo of a known key anyway.
        guard a.count < 64, b.count < 64 else { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
