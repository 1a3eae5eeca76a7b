import Foundation

/// Concepts that reveal a crisis together though none does alone: a person
/// speaking of themselves and something final ("i am ready to go | i am at
/// peace with it"), a quantity question and a harm ("what is the most
/// sertraline someone could take before it is dangerous"), pain and a sign of
/// severity ("horrible cramps for hours and throwing up green").
///
/// Each part is one pattern (usually built from terms, so it stands for a
/// whole concept); every part must match outside the guards, in one clause or
/// anywhere in the message, and no `unless` pattern may match anywhere.
public struct SafetyCombination: Sendable {
    /// How close the parts must be.
    public enum Scope: String, Sendable, CaseIterable {
        /// All parts in one clause (text between punctuation).
        case clause
        /// Anywhere in the message.
        case message
    }

    /// How close the parts must be.
    public var scope: Scope
    /// The concepts, each of which must match.
    public var parts: [SafetyPatterns]
    /// Readings anywhere in the message that rule the combination out
    /// ("lol", a question about someone else's pet).
    public var unless: SafetyPatterns
    /// Whether the parts count even inside guarded stretches: for cues that
    /// unmask an idiom, as "asking for a friend" does "can you overdose on iron".
    public var despiteGuards: Bool

    /// A combination with the given parts.
    public init(scope: Scope, parts: [SafetyPatterns], unless: SafetyPatterns = SafetyPatterns(), despiteGuards: Bool = false) {
        self.scope = scope
        self.parts = parts
        self.unless = unless
        self.despiteGuards = despiteGuards
    }

    /// Hands `body` each of this combination's pattern lists, for the
    /// rulebook's ``SafetyPrefilter`` to number.
    mutating func forEachPrefiltered(_ body: (inout SafetyPatterns) -> Void) {
        for index in parts.indices { body(&parts[index]) }
        body(&unless)
    }

    /// Every stretch each part matches in `form`, one list per part, or `nil`
    /// when a part matches nowhere or an `unless` pattern matches: the first
    /// half of firing, before the guards are known.
    ///
    /// Each part is first only tested (up to its first matching pattern, whose
    /// stretches are kept), so a part that fails costs no more than a test,
    /// and no pattern runs twice.
    func partRanges(in form: SafetyForm) -> [[NSRange]]? {
        guard !parts.isEmpty else { return nil }
        var firstHits: [(index: Int, ranges: [NSRange])] = []
        firstHits.reserveCapacity(parts.count)
        for part in parts {
            guard let hit = part.firstMatching(in: form) else { return nil }
            firstHits.append(hit)
        }
        if unless.matches(form) { return nil }
        // Patterns before the first hit matched nothing; those after it are run now.
        return zip(parts, firstHits).map { part, hit in hit.ranges + part.ranges(in: form, from: hit.index + 1) }
    }

    /// Whether every part keeps a stretch outside `excluded` (the caller
    /// passes none when ``despiteGuards``), all within the scope: the second
    /// half of firing, given ``partRanges(in:)``.
    func fits(_ partRanges: [[NSRange]], in form: SafetyForm, excluding excluded: [NSRange]) -> Bool {
        var clauses: Set<Int>?
        for ranges in partRanges {
            let kept = ranges.filter { !$0.overlaps(any: excluded) }
            guard !kept.isEmpty else { return false }
            guard scope == .clause else { continue }
            let here = Set(kept.map(form.clause(of:)))
            clauses = clauses.map { $0.intersection(here) } ?? here
            if clauses?.isEmpty == true { return false }
        }
        return true
    }
}
