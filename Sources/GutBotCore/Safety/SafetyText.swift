import Foundation

/// Undoes the ways people disguise or mistype crisis words, so that rules can
/// be written once in plain words: digits and symbols for letters, spaced or
/// dotted letters, stretched letters, curly apostrophes, slang and one-letter
/// typos in key words.
///
/// A message becomes one or more *forms*: its clauses (split at punctuation)
/// as plain lowercase words, contractions spelled out, each clause between
/// ` | ` marks. `"I’m not suicidal, I just want to sleep foreverrr"` reads as
/// `| i am not suicidal | i just want to sleep foreverr |` and
/// `| i am not suicidal | i just want to sleep forever |`. Rules try every form.
public enum SafetyText {
    /// The clause mark between clauses and at both ends of every form.
    public static let clauseMark = "|"

    /// The forms of `text` the rules are tried against.
    public static func forms(of text: String, lexicon: SafetyLexicon) -> [String] {
        let folded = droppingApostropheS(fillingStars(TextNormalizer().fold(removingInvisibles(text)), lexicon: lexicon))
        var forms: [String] = []
        // "b12" and "5 htp" must survive as typed, "k1ll" must not: keep both readings.
        for spelling in unique([folded, undoingLeet(folded)]) {
            let joined = joiningSpelledOut(spelling)
            // A stretched "diiiie" is "die", a stretched "sooo" is "soo": keep both readings.
            for squeezed in unique([shortening(joined, to: 2), shortening(joined, to: 1)]) {
                forms.append(canonical(squeezed, lexicon: lexicon))
            }
        }
        return unique(forms)
    }

    /// The words of one clause after slang and typo repair, for tests and tools.
    public static func words(of clause: String, lexicon: SafetyLexicon) -> [String] {
        let words = splittingGlued(TextNormalizer().words(clause), lexicon: lexicon)
        return correctingTypos(expandingSlang(words, lexicon: lexicon), lexicon: lexicon)
    }

    // Zero-width spaces and soft hyphens hide words from matching; the
    // normalizer would turn them into spaces and split the word instead.
    private static func removingInvisibles(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.generalCategory != .format }))
    }

    private static let apostropheS = try! NSRegularExpression(
        pattern: "\\b(it|what|that|there|here|who|where|how|he|she|life|nobody|noone|everything|nothing)'s\\b")

    /// "it's" to "its", "what's" to "whats": the same words typed with and
    /// without the apostrophe read alike, as the lexicon's slang spells them
    /// out ("its" to "it is"). Without this, "it's time" read "it time" and
    /// "its time" read "it is time", and rules had to list both.
    static func droppingApostropheS(_ text: String) -> String {
        // Most messages have no apostrophe at all.
        guard text.utf8.contains(UInt8(ascii: "'")) else { return text }
        return apostropheS.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1s")
    }

    private static let starred = try! NSRegularExpression(pattern: "[a-z]+\\*[a-z*]*|\\*[a-z][a-z*]*")

    /// "k*ll" to "kill", when a vowel for each star makes a word people star out.
    static func fillingStars(_ text: String, lexicon: SafetyLexicon) -> String {
        // Foundation's substring search is slow for one byte, and most messages have no star.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return text }
        var result = text
        for match in starred.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let range = Range(match.range, in: result), let word = lexicon.unstarred(String(result[range])) else { continue }
            result.replaceSubrange(range, with: word)
        }
        return result
    }

    private static let leetDigits: [Character: Character] = [
        "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
    ]
    private static let leetSymbols: [Character: Character] = ["@": "a", "$": "s", "!": "i", "|": "l", "€": "e"]

    /// "k1ll mys3lf" to "kill myself". Digits are read as letters only inside
    /// words that have letters, so "30 pills" and "13 11 14" stay numbers;
    /// symbols only between letters (or "$"/"@" before one), so "die!" stays "die".
    static func undoingLeet(_ text: String) -> String {
        // Most messages have no digit or symbol to read as a letter.
        guard text.utf8.contains(where: { (0x30...0x39).contains($0) || [0x40, 0x24, 0x21, 0x7C].contains($0) || $0 >= 0x80 }) else {
            return text
        }
        return text.split(separator: " ", omittingEmptySubsequences: false).map { token -> String in
            guard token.contains(where: \.isLetter) else { return String(token) }
            let characters = Array(token)
            var result = ""
            for (index, character) in characters.enumerated() {
                let before = index > 0 && characters[index - 1].isLetter
                let after = index + 1 < characters.count && (characters[index + 1].isLetter || leetDigits[characters[index + 1]] != nil)
                if let letter = leetDigits[character] {
                    result.append(letter)
                } else if let letter = leetSymbols[character], after, before || character == "$" || character == "@" {
                    result.append(letter)
                } else {
                    result.append(character)
                }
            }
            return result
        }.joined(separator: " ")
    }

    private static let spelledOut = try! NSRegularExpression(pattern: "(?<![a-z])(?:[a-z][ .\\-_*/+~]){2,}[a-z](?![a-z])")

    /// "s u i c i d e" and "k.i.l.l" become words again.
    static func joiningSpelledOut(_ text: String) -> String {
        guard mayHaveSpelledOutRun(text) else { return text }
        var result = text
        for match in spelledOut.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard var range = Range(match.range, in: result) else { continue }
            // "I w a n t" is "I want": a lone "i" or "a" before a spelled-out word stays a word.
            let letters = result[range].filter(\.isLetter)
            if letters.count > 3, let first = letters.first, first == "i" || first == "a",
                let second = result[range].dropFirst().first, second == " "
            {
                range = result.index(range.lowerBound, offsetBy: 2)..<range.upperBound
            }
            result.replaceSubrange(range, with: result[range].filter(\.isLetter))
        }
        return result
    }

    private static let spellingSeparators: Set<UInt8> = Set(" .-_*/+~".utf8)

    /// Whether `text` has three letters each followed by a separator but the
    /// last ("k.i.l"), which every spelled-out word has: most messages do not,
    /// and a scan of their bytes is far cheaper than running the pattern.
    static func mayHaveSpelledOutRun(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
        guard bytes.count >= 5 else { return false }
        for start in 0...(bytes.count - 5) where isLetter(bytes[start]) {
            if spellingSeparators.contains(bytes[start + 1]), isLetter(bytes[start + 2]),
                spellingSeparators.contains(bytes[start + 3]), isLetter(bytes[start + 4])
            {
                return true
            }
        }
        return false
    }

    /// Runs of three or more of one letter shortened to `length`: "diiiie" to
    /// "diie" or "die". Runs of two are left alone ("kill", "too").
    static func shortening(_ text: String, to length: Int) -> String {
        // Most messages stretch no letter: nothing to do.
        var previous: (UInt8, UInt8) = (0, 0)
        var stretched = false
        for byte in text.utf8 {
            if byte >= 0x80 || (byte == previous.0 && byte == previous.1) {
                stretched = true
                break
            }
            previous = (previous.1, byte)
        }
        guard stretched else { return text }
        var result = ""
        var last: Character?
        var run = 0
        var pending = ""
        func flush() {
            result += pending.count >= 3 ? String(pending.prefix(length)) : pending
            pending = ""
        }
        for character in text {
            if character == last, character.isLetter {
                run += 1
            } else {
                flush()
                run = 1
            }
            last = character
            if character.isLetter { pending.append(character) } else { result.append(character) }
        }
        flush()
        return result
    }

    private static let clauseBreak = try! NSRegularExpression(pattern: "[.!?;:,()\\[\\]{}\"\\n\\r\\t]+|\\s[-~]+\\s|\\s[-~]+$|^[-~]+\\s")

    /// The clauses of `text` as canonical words between clause marks.
    static func canonical(_ text: String, lexicon: SafetyLexicon) -> String {
        let marked = clauseBreak.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text),
            withTemplate: "\n")
        let clauses = marked.split(separator: "\n").map { words(of: String($0), lexicon: lexicon) }.filter { !$0.isEmpty }
        let mark = " \(clauseMark) "
        return mark + clauses.map { $0.joined(separator: " ") }.joined(separator: mark) + mark
    }

    /// Slang and shorthand spelled out, longest entries first.
    static func expandingSlang(_ words: [String], lexicon: SafetyLexicon) -> [String] {
        guard lexicon.longestSlang > 0 else { return words }
        var result: [String] = []
        var index = 0
        outer: while index < words.count {
            guard lexicon.mayStartSlang(words[index]) else {
                result.append(words[index])
                index += 1
                continue
            }
            for length in stride(from: min(lexicon.longestSlang, words.count - index), through: 1, by: -1) {
                if let meaning = lexicon.slang[Array(words[index..<index + length])] {
                    result.append(contentsOf: meaning)
                    index += length
                    continue outer
                }
            }
            result.append(words[index])
            index += 1
        }
        return result
    }

    /// Key words typed with one slip read as the key word; slang has been
    /// expanded first so its words are not "corrected".
    static func correctingTypos(_ words: [String], lexicon: SafetyLexicon) -> [String] {
        words.map { lexicon.keyword(near: $0) ?? $0 }
    }

    /// Run-together words ("iwanttodie") split back into words.
    static func splittingGlued(_ words: [String], lexicon: SafetyLexicon) -> [String] {
        words.flatMap { lexicon.unglued($0) ?? [$0] }
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }
}
