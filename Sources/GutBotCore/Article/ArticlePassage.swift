/// The part of an article section an answer paraphrases, for `/source`: so a
/// reader can check the project's words against the article's own.
public struct ArticlePassage: Sendable, Equatable {
    /// The section's heading, as the article spells it.
    public var heading: String
    /// The quoted lines, exactly as the article has them.
    public var lines: [String]
    /// Whether the passage is the whole section.
    public var isWholeSection: Bool

    /// The whole section under `heading`.
    public static func section(_ heading: String) -> ArticlePassage? {
        guard let section = Article.section(heading) else { return nil }
        let lines = blocks(of: section).flatMap { $0 }
        return ArticlePassage(heading: section.heading, lines: lines, isWholeSection: true)
    }

    /// The paragraph of the section under `heading` that shares the most words
    /// with `answer` (a list is kept whole, with the line that introduces it),
    /// or the whole section when it is a single paragraph.
    public static func bestMatch(heading: String, answer: String) -> ArticlePassage? {
        guard let section = Article.section(heading) else { return nil }
        let blocks = blocks(of: section)
        guard blocks.count > 1 else {
            return ArticlePassage(heading: section.heading, lines: blocks.first ?? [], isWholeSection: true)
        }
        let wanted = contentWords(answer)
        // Shared words over the square root of the block's length: a long
        // block does not win on length alone, a short one not on one word.
        func score(_ block: [String]) -> Double {
            let words = contentWords(block.joined(separator: " "))
            guard !words.isEmpty else { return 0 }
            return Double(words.intersection(wanted).count) / Double(words.count).squareRoot()
        }
        let best = blocks.max { score($0) < score($1) } ?? blocks[0]
        return ArticlePassage(heading: section.heading, lines: best, isWholeSection: false)
    }

    /// The section's lines in blocks: a paragraph alone, or a list with its lead-in.
    static func blocks(of section: Article.Section) -> [[String]] {
        var blocks: [[String]] = []
        for line in section.body.split(separator: "\n").map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let isItem = trimmed.hasPrefix("- ") || trimmed.hasPrefix("• ")
            if isItem, let last = blocks.last?.last,
               last.hasSuffix(":") || last.hasPrefix("- ") || last.hasPrefix("• ") {
                blocks[blocks.count - 1].append(trimmed)
            } else {
                blocks.append([trimmed])
            }
        }
        return blocks
    }

    /// Lowercased words of four letters or more: enough to tell paragraphs
    /// apart without a stemmer.
    static func contentWords(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter }.filter { $0.count >= 4 }.map(String.init))
    }
}
