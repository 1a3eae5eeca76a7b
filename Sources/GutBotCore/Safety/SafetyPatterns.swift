import Foundation

/// A list of compiled regular expressions over ``SafetyText`` forms: the
/// building block of rules, guards and follow-up cues. Compiled once, when the
/// safety data loads; never per message.
public struct SafetyPatterns: Sendable {
    /// The compiled patterns, in file order.
    public var regexes: [NSRegularExpression] {
        // Numbers given before a change no longer fit: every pattern runs
        // until a rulebook numbers these again.
        didSet { prefilterStart = nil }
    }
    /// The number of the first of these patterns in their rulebook's
    /// ``SafetyPrefilter`` (the rest follow in order), or `nil` while no
    /// rulebook has numbered them, and every pattern runs.
    var prefilterStart: Int?

    /// Patterns from compiled regexes.
    public init(_ regexes: [NSRegularExpression] = []) {
        self.regexes = regexes
    }

    /// Whether there are no patterns at all.
    public var isEmpty: Bool { regexes.isEmpty }

    /// Whether any pattern matches anywhere in `form`.
    public func matches(_ form: String) -> Bool {
        let whole = NSRange(location: 0, length: (form as NSString).length)
        return regexes.contains { $0.firstMatch(in: form, range: whole) != nil }
    }

    /// Whether any pattern matches any of `forms`.
    public func matches(anyOf forms: [String]) -> Bool {
        forms.contains(where: matches)
    }

    /// Every stretch of `form` some pattern matches.
    public func ranges(in form: String) -> [NSRange] {
        let whole = NSRange(location: 0, length: (form as NSString).length)
        return regexes.flatMap { $0.matches(in: form, range: whole).map(\.range) }
    }

    /// Whether pattern `index` may match a form, given the form's
    /// ``SafetyForm/mayMatch`` (loops over many patterns read it once and
    /// pass it here): always, unless the rulebook's prefilter has ruled it out.
    func mayMatch(_ index: Int, by answer: [Bool]?) -> Bool {
        guard let answer, let start = prefilterStart else { return true }
        // A number past the answer is no pattern the prefilter read: run it.
        return start + index >= answer.count || answer[start + index]
    }

    /// Whether any pattern matches anywhere in `form`.
    func matches(_ form: SafetyForm) -> Bool {
        let answer = form.mayMatch
        return regexes.indices.contains { index in
            mayMatch(index, by: answer) && regexes[index].firstMatch(in: form.text, range: form.whole) != nil
        }
    }

    /// Every stretch of `form` some pattern matches.
    func ranges(in form: SafetyForm) -> [NSRange] {
        ranges(in: form, from: 0)
    }

    /// Every stretch of `form` the patterns from `start` on match.
    func ranges(in form: SafetyForm, from start: Int) -> [NSRange] {
        var result: [NSRange] = []
        let answer = form.mayMatch
        for index in start..<regexes.count where mayMatch(index, by: answer) {
            // One run per pattern: a pattern that matches nothing costs no more
            // asked for all its matches than for the first.
            result += regexes[index].matches(in: form.text, range: form.whole).map(\.range)
        }
        return result
    }

    /// The first pattern that matches `form` and every stretch it matches, or
    /// `nil`: enough to tell whether the patterns match at all, and the start
    /// of ``ranges(in:)`` without running that pattern again.
    func firstMatching(in form: SafetyForm) -> (index: Int, ranges: [NSRange])? {
        let answer = form.mayMatch
        for index in regexes.indices where mayMatch(index, by: answer) {
            let found = regexes[index].matches(in: form.text, range: form.whole)
            if !found.isEmpty { return (index, found.map(\.range)) }
        }
        return nil
    }
}
