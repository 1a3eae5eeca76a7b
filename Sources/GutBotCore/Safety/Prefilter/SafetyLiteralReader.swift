import Foundation

/// Reads, from a pattern's text, literal strings one of which every match
/// must contain: the half of ``SafetyPrefilter`` that runs once, as the
/// safety data loads (``SafetyLiteralIndex`` is the half that runs on every
/// form). Used by nothing else.
///
/// One reader serves one load and is dropped with it: terms expand to the same
/// long groups in many patterns, so it remembers what each long group
/// requires, and nothing outlives the load or needs clearing.
struct SafetyLiteralReader {
    /// Literals shorter than this say too little to be worth checking.
    static let shortest = 3

    /// The longest literal kept: any part of a required literal is itself
    /// required, and short ones keep the automaton small.
    static let longestLiteral = 10

    /// What long groups were found to require, by their text. An optional
    /// inside: "unknown" is worth remembering too.
    private var groups: [String: Requirement?] = [:]

    /// Strings one of which every match of `pattern` contains (at most
    /// ``longestLiteral`` scalars each, sorted), or `nil` when it cannot tell
    /// and the pattern must always run.
    mutating func required(by pattern: String) -> [String]? {
        var parser = Parser(Array(pattern.unicodeScalars), utf8: pattern.utf8.allSatisfy { $0 < 0x80 } ? Array(pattern.utf8) : nil)
        // Lent to the parser and taken back: one owner at a time, so the
        // dictionary is never copied on write.
        swap(&groups, &parser.groups)
        defer { swap(&groups, &parser.groups) }
        return parser.requirement().map { literals in
            Array(Set(literals.map { String(String.UnicodeScalarView($0.unicodeScalars.prefix(Self.longestLiteral))) })).sorted()
        }
    }
}

extension SafetyLiteralReader.Parser {
    /// The literals the whole pattern requires, or `nil`.
    mutating func requirement() -> Set<String>? {
        let requirement = parseAlternation()
        guard atEnd else { return nil }
        return requirement?.literals
    }
}

extension SafetyLiteralReader {
    /// Literals one of which a match of some piece of a pattern contains.
    struct Requirement {
        var literals: Set<String>
        /// The length of the shortest, in scalars.
        var shortest: Int
        /// Whether one of the literals is an everyday word (see ``SafetyLiteralReader/isCommon(_:)``).
        let common: Bool

        /// `common`, when the caller already knows it (a union is common when
        /// one of its parts is), saves looking at every literal again.
        init(_ literals: Set<String>, shortest: Int, common: Bool? = nil) {
            self.literals = literals
            self.shortest = shortest
            self.common = common ?? literals.contains { SafetyLiteralReader.isCommon($0) }
        }

        // Past five letters a literal is rare enough; then fewer literals are cheaper to look for.
        // A requirement one of whose literals is an everyday word (" to ", "my ", "with") says
        // almost nothing, however long: any other piece of the pattern is a better one to check.
        var score: (Int, Int) { (common ? 0 : min(shortest, 5), -literals.count) }
    }

    /// Words in nearly every message: a literal that is one of them (spaces
    /// aside) lets almost every pattern run, so the prefilter prefers any other.
    static let commonWords: Set<Substring> = [
        "the", "and", "you", "that", "was", "for", "are", "with", "his", "her", "him", "they", "she",
        "this", "have", "from", "one", "had", "but", "not", "what", "all", "when", "can", "out", "use",
        "how", "our", "get", "just", "like", "about", "into", "them", "than", "then", "some", "will",
        "would", "could", "there", "their", "your", "its", "also", "any", "now", "very", "want", "know",
        "my", "me", "to", "is", "it", "in", "on", "at", "of", "be", "do", "so", "if", "or", "am", "an",
        "i", "a", "we", "us", "he", "no", "up", "as", "by",
        // Everyday words in this bot's questions.
        "take", "taking", "took", "does", "help", "gut", "eat", "eating", "food", "feel", "sleep", "good",
        "bad", "too", "really", "got", "going", "more", "much", "after", "before", "day", "every",
    ]

    /// Whether `literal`, spaces aside, is one of ``commonWords``.
    static func isCommon(_ literal: String) -> Bool {
        var word = Substring(literal)
        while word.first == " " { word.removeFirst() }
        while word.last == " " { word.removeLast() }
        return commonWords.contains(word)
    }

    /// The more selective of two requirements (both hold, so either may be used).
    static func better(_ a: Requirement?, _ b: Requirement?) -> Requirement? {
        guard let a else { return b }
        guard let b else { return a }
        return b.score > a.score ? b : a
    }

    /// A recursive-descent reader of the ICU pattern syntax the safety data
    /// uses. Anything it does not know makes the whole pattern unknown. It
    /// keeps runs of plain characters as literals: a sequence needs what its
    /// most selective piece needs, alternatives need one of what each needs,
    /// and a piece that may be absent (`?`, `*`, `{0,n}`) needs nothing.
    struct Parser {
        let scalars: [Unicode.Scalar]
        /// The same pattern as bytes when it is ASCII (one byte per scalar):
        /// cache keys are then cut from it, far cheaper than appending scalars.
        let utf8: [UInt8]?
        var index = 0
        var failed = false
        /// The reader's memory of long groups, while it is lent (see ``SafetyLiteralReader/required(by:)``).
        var groups: [String: Requirement?] = [:]

        init(_ scalars: [Unicode.Scalar], utf8: [UInt8]? = nil) {
            self.scalars = scalars
            self.utf8 = utf8.flatMap { $0.count == scalars.count ? $0 : nil }
        }

        var atEnd: Bool { index >= scalars.count && !failed }
        private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func parseAlternation() -> Requirement? {
            var union: Set<String> = []
            var shortest = Int.max
            var known = true
            var common = false
            while true {
                let branch = parseConcatenation()
                if failed { return nil }
                if let branch, known {
                    union.formUnion(branch.literals)
                    shortest = min(shortest, branch.shortest)
                    common = common || branch.common
                } else {
                    known = false
                }
                guard current == "|" else { break }
                index += 1
            }
            return known && !union.isEmpty ? Requirement(union, shortest: shortest, common: common) : nil
        }

        mutating func parseConcatenation() -> Requirement? {
            var best: Requirement?
            while let scalar = current, scalar != "|", scalar != ")" {
                let item = parseAtom()
                if failed { return nil }
                let quantified = parseQuantifier(item)
                if failed { return nil }
                best = SafetyLiteralReader.better(best, quantified)
            }
            return best
        }

        /// `*`, `+`, `?`, `{m,n}` and their lazy or possessive forms after an item.
        mutating func parseQuantifier(_ item: Requirement?) -> Requirement? {
            guard let scalar = current else { return item }
            var minimum: Int
            switch scalar {
            case "?", "*":
                minimum = 0
                index += 1
            case "+":
                minimum = 1
                index += 1
            case "{":
                guard let low = parseBraces() else {
                    failed = true
                    return nil
                }
                minimum = low
            default: return item
            }
            if current == "?" || current == "+" { index += 1 }
            return minimum == 0 ? nil : item
        }

        /// `{m}`, `{m,}` or `{m,n}`; the index is left after the closing brace.
        mutating func parseBraces() -> Int? {
            index += 1
            var low = 0
            var digits = 0
            while let scalar = current, let value = Int(String(scalar)) {
                low = low * 10 + value
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if current == "," {
                index += 1
                while let scalar = current, Int(String(scalar)) != nil { index += 1 }
            }
            guard current == "}" else { return nil }
            index += 1
            return low
        }

        mutating func parseAtom() -> Requirement? {
            guard let scalar = current else {
                failed = true
                return nil
            }
            switch scalar {
            case "(":
                // Terms expand to the same long groups in many patterns: read each once.
                let open = index
                var key: String?
                if let close = Self.closingParenthesis(scalars, from: open), close - open > Self.cachedGroupLength {
                    if let utf8 {
                        key = String(decoding: utf8[open...close], as: UTF8.self)
                    } else {
                        var text = String.UnicodeScalarView()
                        text.append(contentsOf: scalars[open...close])
                        key = String(text)
                    }
                    if let cached = groups[key!] {
                        index = close + 1
                        return cached
                    }
                }
                index += 1
                var zeroWidth = false
                if current == "?" {
                    index += 1
                    switch current {
                    case ":": index += 1
                    case "=", "!":
                        index += 1
                        zeroWidth = true
                    case "<":
                        index += 1
                        guard current == "=" || current == "!" else {
                            failed = true
                            return nil
                        }
                        index += 1
                        zeroWidth = true
                    default:
                        failed = true
                        return nil
                    }
                }
                let inner = parseAlternation()
                guard !failed, current == ")" else {
                    failed = true
                    return nil
                }
                index += 1
                // A look-around matches no text of its own, so it requires none.
                let result = zeroWidth ? nil : inner
                if let key { groups[key] = .some(result) }
                return result
            case "[":
                return parseClass()
            case ".", "^", "$":
                index += 1
                return nil
            case "\\":
                index += 1
                guard let escaped = current else {
                    failed = true
                    return nil
                }
                index += 1
                switch escaped {
                case "b", "B", "A", "z", "Z", "G", "w", "W", "d", "D", "s", "S", "h", "H", "v", "V", "X", "R":
                    return nil
                default:
                    // Escaped punctuation is itself; letters and digits mean things this reader does not follow.
                    guard !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) else {
                        failed = true
                        return nil
                    }
                    return nil
                }
            case "*", "+", "?", "{", ")", "|":
                failed = true
                return nil
            default:
                // A run of plain characters is one literal, unless a quantifier
                // follows its last character (then that character stands alone).
                var end = index
                while end < scalars.count, !Self.isSpecial(scalars[end]) { end += 1 }
                if end < scalars.count, Self.isQuantifier(scalars[end]), end - index > 1 { end -= 1 }
                end = max(end, index + 1)
                let length = end - index
                let start = index
                index = end
                guard length >= SafetyLiteralReader.shortest else { return nil }
                if let utf8 {
                    return Requirement([String(decoding: utf8[start..<end], as: UTF8.self)], shortest: length)
                }
                var run = String.UnicodeScalarView()
                run.append(contentsOf: scalars[start..<end])
                return Requirement([String(run)], shortest: length)
            }
        }

        /// Skips a `[...]` class, which requires no literal.
        mutating func parseClass() -> Requirement? {
            index += 1
            if current == "^" { index += 1 }
            if current == "]" { index += 1 }
            while let scalar = current, scalar != "]" {
                if scalar == "\\" { index += 1 }
                if scalar == "[" {
                    failed = true
                    return nil
                }
                index += 1
            }
            guard current == "]" else {
                failed = true
                return nil
            }
            index += 1
            return nil
        }

        /// Groups at least this long are looked up in the reader's memory: the long
        /// lists terms expand to, not every small group.
        static let cachedGroupLength = 300

        /// The index of the `)` closing the group opened at `open`, or `nil`.
        static func closingParenthesis(_ scalars: [Unicode.Scalar], from open: Int) -> Int? {
            var depth = 0
            var index = open
            while index < scalars.count {
                switch scalars[index] {
                case "\\": index += 1
                case "[":
                    index += 1
                    if index < scalars.count, scalars[index] == "^" { index += 1 }
                    if index < scalars.count, scalars[index] == "]" { index += 1 }
                    while index < scalars.count, scalars[index] != "]" {
                        if scalars[index] == "\\" { index += 1 }
                        index += 1
                    }
                case "(": depth += 1
                case ")":
                    depth -= 1
                    if depth == 0 { return index }
                default: break
                }
                index += 1
            }
            return nil
        }

        // Switches rather than sets: these run on every character of every pattern at load.
        private static func isSpecial(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "\\", "(", ")", "[", "]", "|", "*", "+", "?", "{", "}", ".", "^", "$": true
            default: false
            }
        }

        private static func isQuantifier(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "*", "+", "?", "{": true
            default: false
            }
        }
    }
}
