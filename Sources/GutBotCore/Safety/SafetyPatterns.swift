import Foundation

/// A list of compiled regular expressions over ``SafetyText`` forms: the
/// building block of rules, guards and follow-up cues. Compiled once, when the
/// safety data loads; never per message.
public struct SafetyPatterns: Sendable {
    /// The compiled patterns, in file order.
    public var regexes: [NSRegularExpression] {
        didSet {
            requirements = Self.requirements(of: regexes)
            requirementIDs = []
        }
    }
    /// For each pattern, literals one of which every match contains (`nil`
    /// when unknown): see ``SafetyLiterals``.
    public private(set) var requirements: [[String]?]
    // The same literals as ids in the rulebook's ``SafetyLiteralIndex``; empty until bound.
    private var requirementIDs: [[Int]?] = []

    /// The longest literal kept for the prefilter; any part of a required
    /// literal is itself required, and short ones keep the automaton small.
    static let longestLiteral = 10

    /// Patterns from compiled regexes; `sources`, the text each was compiled
    /// from, saves reading it back out of the regex.
    public init(_ regexes: [NSRegularExpression] = [], sources: [String]? = nil) {
        self.regexes = regexes
        self.requirements = Self.requirements(of: sources ?? regexes.map(\.pattern))
    }

    private static func requirements(of regexes: [NSRegularExpression]) -> [[String]?] {
        requirements(of: regexes.map(\.pattern))
    }

    private static func requirements(of sources: [String]) -> [[String]?] {
        sources.map { source in
            SafetyLiterals.required(by: source).map { literals in
                Array(Set(literals.map { String(String.UnicodeScalarView($0.unicodeScalars.prefix(longestLiteral))) })).sorted()
            }
        }
    }

    /// These patterns with their literals looked up in `index`, so forms
    /// scanned with it can skip patterns that cannot match.
    func bound(to index: SafetyLiteralIndex) -> SafetyPatterns {
        var copy = self
        copy.requirementIDs = requirements.map { literals in
            guard let literals else { return nil }
            let ids = literals.compactMap(index.id(of:))
            // A literal missing from the index cannot be checked: run the pattern.
            return ids.count == literals.count ? ids : nil
        }
        return copy
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

    /// Whether pattern `index` can match `form` at all, by its literals.
    func mayMatch(_ index: Int, in form: SafetyForm) -> Bool {
        mayMatch(index, present: form.present)
    }

    /// Whether pattern `index` can match a form with these `present`
    /// literals (``SafetyForm/present``): loops over many patterns read the
    /// form's list once and pass it here.
    func mayMatch(_ index: Int, present: [Bool]?) -> Bool {
        guard let present, index < requirementIDs.count, let ids = requirementIDs[index] else { return true }
        return ids.contains { $0 >= present.count || present[$0] }
    }

    /// Whether any pattern matches anywhere in `form`.
    func matches(_ form: SafetyForm) -> Bool {
        let present = form.present
        return regexes.indices.contains { index in
            mayMatch(index, present: present) && regexes[index].firstMatch(in: form.text, range: form.whole) != nil
        }
    }

    /// Every stretch of `form` some pattern matches.
    func ranges(in form: SafetyForm) -> [NSRange] {
        ranges(in: form, from: 0)
    }

    /// Every stretch of `form` the patterns from `start` on match.
    func ranges(in form: SafetyForm, from start: Int) -> [NSRange] {
        var result: [NSRange] = []
        let present = form.present
        for index in start..<regexes.count where mayMatch(index, present: present) {
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
        let present = form.present
        for index in regexes.indices where mayMatch(index, present: present) {
            let found = regexes[index].matches(in: form.text, range: form.whole)
            if !found.isEmpty { return (index, found.map(\.range)) }
        }
        return nil
    }

    /// The literals every pattern needs, for building the index.
    var literals: [String] { requirements.flatMap { $0 ?? [] } }
}
