import Foundation

/// One way a crisis shows in text: a category, an urgency tier, and the
/// patterns and combinations (over ``SafetyText`` forms) that reveal it.
public struct SafetyRule: Sendable {
    /// Stable id, reported in verdicts and logs.
    public var id: String
    /// The crisis category, which picks the reply's wording.
    public var category: String
    /// The tier when nothing makes it more urgent.
    public var tier: SafetyTier
    /// Any one firing, outside a guard, is enough.
    public var patterns: SafetyPatterns
    /// Concepts that fire together; any one combination firing is enough.
    public var combinations: [SafetyCombination]
    /// Harmless readings that set aside this rule's matches only (such as a
    /// general question about symptoms, for the red-flag rules), the way
    /// guards do for every rule.
    public var unless: SafetyPatterns
    /// Cues that make this rule's reply an emergency wherever they appear in
    /// the message: "tonight", pills "in front of me", fainting with bleeding.
    public var emergencyWhen: SafetyPatterns

    /// A rule with the given fields.
    public init(
        id: String, category: String, tier: SafetyTier, patterns: SafetyPatterns,
        combinations: [SafetyCombination] = [], unless: SafetyPatterns = SafetyPatterns(),
        emergencyWhen: SafetyPatterns = SafetyPatterns()
    ) {
        self.id = id
        self.category = category
        self.tier = tier
        self.patterns = patterns
        self.combinations = combinations
        self.unless = unless
        self.emergencyWhen = emergencyWhen
    }

    /// Whether a pattern matches `form` somewhere that no guard covers.
    ///
    /// A match only has to avoid overlapping the guarded stretches, so an idiom
    /// early in a message never hides a risk statement later in it.
    public func fires(in form: String, outside guarded: [NSRange]) -> Bool {
        let prepared = SafetyForm(form, guards: [])
        return fires(in: prepared) { guarded }
    }

    /// Whether a pattern or a combination fires in `form`, outside the
    /// stretches its guards (and this rule's `unless`) cover.
    func fires(in form: SafetyForm) -> Bool {
        fires(in: form) { form.guarded }
    }

    private func fires(in form: SafetyForm, guarded: () -> [NSRange]) -> Bool {
        // The stretches set aside, worked out when a match first needs them.
        // A plain optional rather than a capturing closure: a closure over
        // `self` copied the whole rule for every rule and form.
        var excluded: [NSRange]?
        let answer = form.mayMatch
        for index in patterns.indices where patterns.mayMatch(index, by: answer) {
            // One run per pattern: most match nothing, and one that matches
            // would otherwise be run again for its stretches.
            let found = patterns[index].matches(in: form.text, range: form.whole)
            guard !found.isEmpty else { continue }
            if excluded == nil { excluded = guarded() + unless.ranges(in: form) }
            if found.contains(where: { !$0.range.overlaps(any: excluded!) }) { return true }
        }
        for index in combinations.indices {
            guard let found = combinations[index].partRanges(in: form) else { continue }
            if combinations[index].despiteGuards {
                if combinations[index].fits(found, in: form, excluding: []) { return true }
                continue
            }
            if excluded == nil { excluded = guarded() + unless.ranges(in: form) }
            if combinations[index].fits(found, in: form, excluding: excluded!) { return true }
        }
        return false
    }

    /// Hands `body` each of this rule's pattern lists that run on a
    /// ``SafetyForm``, for the rulebook's ``SafetyPrefilter`` to number; not
    /// `emergencyWhen`, which is matched against plain forms.
    mutating func forEachPrefiltered(_ body: (inout SafetyPatterns) -> Void) {
        body(&patterns)
        body(&unless)
        for index in combinations.indices { combinations[index].forEachPrefiltered(body) }
    }

    /// The tier of this rule's reply to a message with these `forms`.
    public func tier(for forms: [String]) -> SafetyTier {
        emergencyWhen.matches(anyOf: forms) ? .emergency : tier
    }
}

/// A harmless reading of words that crisis rules also look for ("this workout
/// is killing me", "dose of vitamin D", "I'm not suicidal"). A rule's match
/// that overlaps a guard's match is set aside; a risk statement elsewhere in the
/// same message still fires.
public struct SafetyGuard: Sendable {
    /// Stable id, for reading the data and for tests.
    public var id: String
    /// The harmless phrasings.
    public var patterns: SafetyPatterns
    /// Whether a match is a calm mention of a crisis subject (research, a
    /// story, a death long ago): the answer then carries a short support line.
    public var isMention: Bool

    /// A guard with the given fields.
    public init(id: String, patterns: SafetyPatterns, isMention: Bool = false) {
        self.id = id
        self.patterns = patterns
        self.isMention = isMention
    }
}
