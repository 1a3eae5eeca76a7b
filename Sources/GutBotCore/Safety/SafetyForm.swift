import Foundation

/// One form of a message (see ``SafetyText``) prepared once for every rule:
/// which patterns the prefilter lets run, where its clauses begin and end, and
/// the stretches guards cover, worked out only when a rule first needs them
/// (most messages match no rule at all, so most never pay for guards).
///
/// Built and used inside one call to ``SafetyRulebook/verdict(for:)``; not shared.
final class SafetyForm {
    /// The form: clauses between ` | ` marks.
    let text: String
    /// The whole form, as a range.
    let whole: NSRange
    /// Which of the rulebook's patterns may match the form, by their number
    /// in its ``SafetyPrefilter``, for skipping those that cannot; `nil` runs
    /// every pattern.
    let mayMatch: [Bool]?
    private let guards: [SafetyGuard]
    private var guardedRanges: [NSRange]?
    // UTF-16 offsets of the clause marks, in order; clause i lies between marks i and i + 1.
    private let marks: [Int]

    init(_ text: String, guards: [SafetyGuard], prefilter: SafetyPrefilter? = nil) {
        self.text = text
        self.mayMatch = prefilter?.mayMatch(in: text)
        self.whole = NSRange(location: 0, length: text.utf16.count)
        self.guards = guards
        var marks: [Int] = []
        for (offset, unit) in text.utf16.enumerated() where unit == 0x7C { marks.append(offset) }
        self.marks = marks
    }

    /// Every stretch some guard matches, worked out once.
    var guarded: [NSRange] {
        if let guardedRanges { return guardedRanges }
        let ranges = guards.flatMap { $0.patterns.ranges(in: self) }
        guardedRanges = ranges
        return ranges
    }

    /// The clause `range` starts in (0 for the first); a match never spans a mark.
    func clause(of range: NSRange) -> Int {
        // Few marks per message: a linear scan is cheaper than a binary search's bookkeeping.
        var clause = 0
        for mark in marks where mark < range.location { clause += 1 }
        return clause
    }
}

extension NSRange {
    /// Whether this range shares any character with one of `others`.
    func overlaps(any others: [NSRange]) -> Bool {
        others.contains { NSIntersectionRange($0, self).length > 0 }
    }
}
