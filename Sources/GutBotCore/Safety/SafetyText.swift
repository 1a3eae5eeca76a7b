import Foundation

/// Undoes the ways people disguise or mistype crisis words before the safety
/// rules read a message: digits for letters, spaced or dotted letters,
/// stretched letters and curly apostrophes.
public enum SafetyText {
    /// The forms of `text` the rules are tried against.
    public static func forms(of text: String) -> [String] {
        let folded = TextNormalizer().fold(text)
        let letters = String(folded.map { leet[$0] ?? $0 })
        let joined = joinSpelledOut(letters)
        let words = collapse(joined, keep: 2)
        return Array(Set([words, collapse(joined, keep: 1)].map(clean))).sorted()
    }

    private static let leet: [Character: Character] = [
        "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i",
    ]

    /// "s u i c i d e" and "k.i.l.l" become words again.
    private static func joinSpelledOut(_ text: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: "\\b(?:[a-z][ .\\-_*]){2,}[a-z]\\b") else { return text }
        var result = text
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let range = Range(match.range, in: result) else { continue }
            result.replaceSubrange(range, with: result[range].filter(\.isLetter))
        }
        return result
    }

    /// Runs of a letter longer than `keep` shortened to `keep`: "diiiie" to "diie" or "die".
    private static func collapse(_ text: String, keep: Int) -> String {
        var result = ""
        var last: Character?
        var run = 0
        for character in text {
            run = character == last ? run + 1 : 1
            last = character
            if run <= keep || !character.isLetter { result.append(character) }
        }
        return result
    }

    private static func clean(_ text: String) -> String {
        let words = text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") })
        return " " + words.joined(separator: " ") + " "
    }
}
