import Foundation

/// Everything the safety plugin looks for, and the one decision it makes:
/// is this message a crisis, and which kind.
///
/// Every rule is tried on every form of the message. A rule fires when one of
/// its patterns, or all parts of one of its combinations, match outside every
/// guard's match; when several fire, the most urgent tier wins, then the rule
/// listed first.
public struct SafetyRulebook: Sendable {
    /// Crisis rules, in priority order.
    public var rules: [SafetyRule]
    /// Harmless readings that set overlapping rule matches aside.
    public var guards: [SafetyGuard]
    /// Slang, key words and real words for reading past disguises.
    public var lexicon: SafetyLexicon
    /// Tells, in one pass over each form, which of the rules' and guards'
    /// patterns cannot match it, so that those are never run.
    /// `nil` when the prefilter is off.
    let prefilter: SafetyPrefilter?
    /// Rulebooks from safety folders later on the plugin path (see
    /// ``SafetyLayers``): asked only when this one finds nothing, each with
    /// its own guards, so they can add verdicts but never take one away.
    public var additions: [SafetyRulebook] = []

    /// A rulebook with the given parts; `prefilter: false` runs every pattern
    /// on every message (for checking that the prefilter changes nothing).
    /// The prefilter's reading of the patterns comes from `prefilterCache`
    /// when it has it.
    public init(
        rules: [SafetyRule], guards: [SafetyGuard] = [], lexicon: SafetyLexicon = SafetyLexicon(), prefilter: Bool = true,
        prefilterCache: SafetyPrefilterCache? = nil
    ) {
        var rules = rules
        var guards = guards
        self.prefilter = prefilter ? SafetyPrefilter(numbering: &rules, &guards, cache: prefilterCache) : nil
        self.rules = rules
        self.guards = guards
        self.lexicon = lexicon
    }

    /// The forms of `text` that rules read.
    public func forms(of text: String) -> [String] {
        SafetyText.forms(of: text, lexicon: lexicon)
    }

    /// The verdict on `text`, or `nil` when no rule fires.
    public func verdict(for text: String) -> SafetyVerdict? {
        verdict(forms: forms(of: text))
    }

    /// The verdict on a message already read into its ``forms(of:)``, so
    /// that the engine reads each message once for every safety check.
    public func verdict(forms: [String]) -> SafetyVerdict? {
        if let verdict = verdict(inForms: forms) { return verdict }
        for addition in additions {
            if let verdict = addition.verdict(inForms: forms) { return verdict }
        }
        return nil
    }

    /// Every rule count, this rulebook's and its additions'.
    public var ruleCount: Int { rules.count + additions.map(\.ruleCount).reduce(0, +) }

    /// The verdict of this rulebook's own rules and guards on `forms`.
    private func verdict(inForms forms: [String]) -> SafetyVerdict? {
        // Rules are reached by index, never bound to a local: a rule is a large
        // value, and copying each one for every form cost more than some checks.
        var best: (rank: Int, tier: SafetyTier)?
        for text in forms {
            let form = SafetyForm(text, guards: guards, prefilter: prefilter)
            for rank in rules.indices {
                // A rule listed later cannot beat an emergency already found.
                if let current = best, current.tier == .emergency, current.rank <= rank { break }
                guard rules[rank].fires(in: form) else { continue }
                let tier = rules[rank].tier(for: forms)
                if let current = best, (current.tier, current.rank) <= (tier, rank) { continue }
                best = (rank, tier)
            }
        }
        guard let best else { return nil }
        let rule = rules[best.rank]
        return SafetyVerdict(category: rule.category, tier: best.tier, rule: rule.id)
    }

    /// Whether a message already read into its ``forms(of:)`` calmly
    /// mentions a crisis subject: a guard marked `mention` matches it, here
    /// or in an addition. Asked only of messages that are not a crisis.
    public func mentions(forms: [String]) -> Bool {
        // Through the prefilter, as the rules' own guards are read: most
        // messages hold none of the words a mention pattern needs.
        let ownMention =
            guards.contains(where: \.isMention)
            && forms.contains { text in
                let form = SafetyForm(text, guards: guards, prefilter: prefilter)
                return guards.contains { $0.isMention && $0.patterns.matches(form) }
            }
        return ownMention || additions.contains { $0.mentions(forms: forms) }
    }

    /// Whether `patterns` match any form of `text` (for follow-up cues).
    public func text(_ text: String, matches patterns: SafetyPatterns) -> Bool {
        patterns.matches(anyOf: forms(of: text))
    }
}
