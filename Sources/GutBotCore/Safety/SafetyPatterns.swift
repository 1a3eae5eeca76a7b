import Foundation

/// A list of compiled regular expressions over ``SafetyText`` forms: the
/// building block of rules, guards and follow-up cues. Compiled once, when the
/// safety data loads; never per message.
public struct SafetyPatterns: Sendable {
    /// The compiled patterns, in file order.
    public var regexes: [NSRegularExpression]

    /// Patterns from compiled regexes.
    public init(_ regexes: [NSRegularExpression] = []) {
        self.regexes = regexes
    }

    /// Whether there are no patterns at all.
    public var isEmpty: Bool { regexes.isEmpty }

    /// Whether any pattern matches anywhere in `form`.
    public func matches(_ form: String) -> Bool {
        let string = form as NSString
        let whole = NSRange(location: 0, length: string.length)
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

    /// Whether any pattern matches anywhere in `form`.
    func matches(_ form: SafetyForm) -> Bool {
        regexes.contains { $0.firstMatch(in: form.text, range: form.whole) != nil }
    }

    /// Every stretch of `form` some pattern matches.
    func ranges(in form: SafetyForm) -> [NSRange] {
        var result: [NSRange] = []
        for regex in regexes {
            // Most patterns match nothing: asking for a first match is cheaper than for all of them.
            guard regex.firstMatch(in: form.text, range: form.whole) != nil else { continue }
            result += regex.matches(in: form.text, range: form.whole).map(\.range)
        }
        return result
    }
}
