import Foundation

/// A list of regular expressions over ``SafetyText`` forms: the building
/// block of rules, guards and follow-up cues. Read once, when the safety data
/// loads; each pattern compiled at most once (see ``SafetyPattern``), never
/// per message.
public struct SafetyPatterns: Sendable {
    /// The patterns, in file order.
    var patterns: [SafetyPattern] {
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
        self.patterns = regexes.map(SafetyPattern.init(compiled:))
    }

    /// Patterns as the safety files' loader reads them.
    init(patterns: [SafetyPattern]) {
        self.patterns = patterns
    }

    /// The compiled patterns, in file order. Reading this compiles every
    /// pattern not compiled yet; matching compiles only those it runs.
    public var regexes: [NSRegularExpression] {
        get { patterns.map(\.regex) }
        set { patterns = newValue.map(SafetyPattern.init(compiled:)) }
    }

    /// Each pattern's text (terms expanded), in file order, without compiling any.
    var texts: [String] { patterns.map(\.text) }

    /// Whether there are no patterns at all.
    public var isEmpty: Bool { patterns.isEmpty }

    /// The patterns' numbers in this list.
    var indices: Range<Int> { patterns.indices }

    /// Pattern `index`, compiled (now, if this is its first use).
    subscript(index: Int) -> NSRegularExpression { patterns[index].regex }

    /// Whether any pattern matches anywhere in `form`.
    public func matches(_ form: String) -> Bool {
        let whole = NSRange(location: 0, length: (form as NSString).length)
        return patterns.contains { $0.regex.firstMatch(in: form, range: whole) != nil }
    }

    /// Whether any pattern matches any of `forms`.
    public func matches(anyOf forms: [String]) -> Bool {
        forms.contains(where: matches)
    }

    /// Every stretch of `form` some pattern matches.
    public func ranges(in form: String) -> [NSRange] {
        let whole = NSRange(location: 0, length: (form as NSString).length)
        return patterns.flatMap { $0.regex.matches(in: form, range: whole).map(\.range) }
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
        return indices.contains { index in
            mayMatch(index, by: answer) && self[index].firstMatch(in: form.text, range: form.whole) != nil
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
        for index in start..<patterns.count where mayMatch(index, by: answer) {
            // One run per pattern: a pattern that matches nothing costs no more
            // asked for all its matches than for the first.
            result += self[index].matches(in: form.text, range: form.whole).map(\.range)
        }
        return result
    }

    /// The first pattern that matches `form` and every stretch it matches, or
    /// `nil`: enough to tell whether the patterns match at all, and the start
    /// of ``ranges(in:)`` without running that pattern again.
    func firstMatching(in form: SafetyForm) -> (index: Int, ranges: [NSRange])? {
        let answer = form.mayMatch
        for index in indices where mayMatch(index, by: answer) {
            let found = self[index].matches(in: form.text, range: form.whole)
            if !found.isEmpty { return (index, found.map(\.range)) }
        }
        return nil
    }
}

/// One pattern of the safety data: its text, terms expanded, and the regular
/// expression compiled from it, which is made either as the pattern is read
/// or on its first use.
///
/// Compiling a thousand patterns with ICU was a third of start-up, while a
/// message runs only the few that ``SafetyPrefilter`` lets through. But
/// safety fails closed: a pattern that does not compile must stop the start,
/// naming its file and line. So the loader compiles every pattern as it reads
/// it unless a ``SafetyValidationCache`` entry says that these exact safety
/// files, read by this very gutbot and regular-expression library, compiled
/// in full before; only then is each pattern compiled when first used.
final class SafetyPattern: Sendable {
    /// When the loader compiles the patterns it reads.
    enum Compilation {
        /// As each is read: a pattern that does not compile is an error
        /// naming its file and line, thrown at once.
        case now
        /// On first use: for safety files that a ``SafetyValidationCache``
        /// vouches compiled in full before.
        case onFirstUse
    }

    /// Where a pattern was written, to name if it does not compile.
    struct Origin {
        var file: String
        var line: Int?
        /// What the pattern belongs to, as errors name it: `rule 'overdose-plan'`.
        var owner: String
        /// The pattern as written, terms not expanded.
        var written: String

        /// The error for this pattern not compiling: the same words whenever it is found.
        var notARegularExpression: FileError {
            FileError(file: file, line: line, message: "\(owner) has a pattern that is not a valid regular expression: \(written)")
        }
    }

    /// The text compiled: the pattern with its terms expanded.
    let text: String
    /// The regular expression, compiled as the pattern was read or on first use.
    private let compiled: OnFirstUse<NSRegularExpression>

    /// `text` compiled now; a pattern that does not compile is the error.
    init(compiling text: String, from origin: Origin) throws(FileError) {
        guard let regex = try? NSRegularExpression(pattern: text) else { throw origin.notARegularExpression }
        self.text = text
        self.compiled = OnFirstUse(made: regex)
    }

    /// `text`, compiled on first use: only for patterns known to compile.
    init(deferring text: String, from origin: Origin) {
        self.text = text
        self.compiled = OnFirstUse {
            guard let regex = try? NSRegularExpression(pattern: text) else {
                // Unreachable while the cache's word holds: it vouched that
                // this text compiled with this very library. Answering on
                // without the pattern would weaken safety; stop instead.
                fatalError(
                    "gutbot stops: \(origin.notARegularExpression), though the safety cache said it compiled; "
                        + "delete the cache folder's safety-validated-*.txt")
            }
            return regex
        }
    }

    /// A pattern already compiled.
    init(compiled regex: NSRegularExpression) {
        self.text = regex.pattern
        self.compiled = OnFirstUse(made: regex)
    }

    /// Whether the regular expression has been compiled yet.
    var isCompiled: Bool { compiled.isMade }

    /// The compiled regular expression, compiled now if this is its first use.
    var regex: NSRegularExpression { compiled.value }
}
