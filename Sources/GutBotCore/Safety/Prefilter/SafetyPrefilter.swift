import Foundation

/// A cheap test that lets most regular expressions be skipped for most
/// messages, and the only part of this folder the rest of Safety uses. Safety
/// runs several hundred patterns on every message, and each
/// NSRegularExpression call costs about a microsecond even when nothing
/// matches; most patterns need some literal text ("kill", " myself",
/// "laxative") that most messages do not contain.
///
/// A rulebook builds one as it is made, and the prefilter numbers the patterns
/// that rulebook runs on ``SafetyForm``s. Each form then asks it once
/// ``mayMatch(in:)``, and skips every pattern the answer rules out. The answer
/// is never wrong in the unsafe direction: a pattern it rules out cannot match.
///
/// Behind it: ``SafetyLiteralReader`` works out, from each pattern's text,
/// literals one of which every match contains (or that it cannot tell, and
/// the pattern always runs); ``SafetyLiteralIndex`` finds in one pass over a
/// form which of all those literals occur (Aho-Corasick).
struct SafetyPrefilter: Sendable {
    /// Every literal some numbered pattern requires.
    private let index: SafetyLiteralIndex
    /// The numbers of the patterns that require each literal, by literal id.
    private let patternsRequiring: [[Int]]
    /// The answer for a form that holds none of the literals: only the
    /// patterns whose literals are unknown may match it.
    private let unconditional: [Bool]

    /// A prefilter for the patterns `rules` and `guards` run on forms, which
    /// it numbers (see ``SafetyPatterns/prefilterStart``) in place. What each
    /// pattern requires comes from `cache` when it has it.
    init(numbering rules: inout [SafetyRule], _ guards: inout [SafetyGuard], cache: SafetyPrefilterCache? = nil) {
        var patterns: [String] = []
        func number(_ numbered: inout SafetyPatterns) {
            numbered.prefilterStart = patterns.count
            // The texts alone: numbering compiles nothing.
            patterns += numbered.texts
        }
        for rule in rules.indices { rules[rule].forEachPrefiltered(number) }
        for index in guards.indices { number(&guards[index].patterns) }
        let requirements = cache?.requirements(of: patterns, read: Self.requirements) ?? Self.requirements(of: patterns)

        let index = SafetyLiteralIndex(literals: requirements.flatMap { $0 ?? [] })
        var patternsRequiring = [[Int]](repeating: [], count: index.literals.count)
        var unconditional = [Bool](repeating: false, count: requirements.count)
        for (pattern, literals) in requirements.enumerated() {
            let ids = literals?.compactMap { index.id(of: $0) }
            // Literals unknown, or one missing from the index (so it cannot be
            // checked): the pattern always runs.
            guard let literals, let ids, ids.count == literals.count else {
                unconditional[pattern] = true
                continue
            }
            for id in ids { patternsRequiring[id].append(pattern) }
        }
        self.index = index
        self.patternsRequiring = patternsRequiring
        self.unconditional = unconditional
    }

    /// What each of `patterns` requires, read from its text.
    static func requirements(of patterns: [String]) -> [[String]?] {
        // One reader for this load: its memory of long groups serves every
        // pattern read here, and is dropped with it when this returns.
        var reader = SafetyLiteralReader()
        return patterns.map { reader.required(by: $0) }
    }

    /// Which numbered patterns may match `form`, by number: a pattern that is
    /// `false` here cannot match it, and need not be run.
    func mayMatch(in form: String) -> [Bool] {
        var answer = unconditional
        let present = index.present(in: form)
        for id in present.indices where present[id] {
            for pattern in patternsRequiring[id] { answer[pattern] = true }
        }
        return answer
    }
}
