/// The article gutbot answers from, carried inside the core so that citations,
/// `/source` and the content checks never depend on a file beside the binary.
public enum Article {
    /// The whole article, exactly as the project's copy (`Article/article.txt`) holds it.
    public static let text: String = String(decoding: PackageResources.article_txt, as: UTF8.self)

    /// One section: a heading and the lines under it, up to the next heading.
    public struct Section: Sendable, Equatable {
        /// The heading, spelled as the article spells it.
        public var heading: String
        /// The section's text without its heading.
        public var body: String
    }

    /// Every section in the article's order. The lines before the first
    /// heading (the introduction) have no heading and are not a section.
    public static let sections: [Section] = {
        var sections: [Section] = []
        var current: Section?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(line)
            if let heading = ArticleHeadings.canonical(line) {
                if let done = current { sections.append(done) }
                current = Section(heading: heading, body: "")
            } else if current != nil {
                current!.body += current!.body.isEmpty ? line : "\n" + line
            }
        }
        if let done = current { sections.append(done) }
        return sections
    }()

    /// The section under `heading` (compared as ``ArticleHeadings/canonical(_:)`` does).
    public static func section(_ heading: String) -> Section? {
        guard let canonical = ArticleHeadings.canonical(heading) else { return nil }
        return sections.first { $0.heading == canonical }
    }
}

/// The article's section headings, kept in the project so that content checks
/// do not depend on the article file being present at run time.
public enum ArticleHeadings {
    /// Every heading, in the article's order, spelled exactly as the article does.
    public static let all: [String] = [
        "What Is Serotonin — in Plain Language",
        "The Gut-Brain Axis: A Two-Way Street",
        "How Much Serotonin Is in the Gut?",
        "How Serotonin Is Made: Biology in Everyday Language",
        "Microbes and Serotonin: An Unlikely Partnership",
        "What Research Says About Gut Serotonin and Mental Health",
        "What We Still Don’t Know",
        "Practical Steps to Support Gut Serotonin and Mental Well-Being",
        "1. Eat a Fiber-Rich, Nutrient-Dense Diet",
        "2. Prioritize Foods Containing or Supporting Tryptophan",
        "3. Keep Stress in Check",
        "4. Move Regularly — Exercise Matters",
        "5. Consider Probiotics and Fermented Foods Carefully",
        "6. Prioritize Sleep",
        "7. Use Medications and Supplements Under Guidance",
        "Real-World Examples and Case Scenarios",
        "Case 1: Stress-Related Digestive Issues and Low Mood",
        "Case 2: Recurrent Depression with GI Symptoms",
        "Table: Quick Reference — How Gut Factors Influence Serotonin and Mood",
        "Common Myths and Misconceptions",
        "How Medical Treatments Fit Into This Picture",
        "Emerging Frontiers: Where the Science Might Go Next",
        "Practical Checklist You Can Use Today",
        "Practical Risks and When to Seek Help",
        "Stories from Real Life",
        "Resources for Continuing Learning",
        "Final Thoughts Before the Conclusion",
        "Conclusion",
    ]

    /// Whether `text` names a heading. Authors may type a straight apostrophe for
    /// the article's curly one, so quotes are compared loosely.
    public static func contains(_ text: String) -> Bool {
        canonical(text) != nil
    }

    /// The article's own spelling of the heading `text` names, if any.
    public static func canonical(_ text: String) -> String? {
        byLoosened[loosen(text)]
    }

    /// Each heading under its loosened spelling, made once: every intent's
    /// source is looked up at start-up.
    private static let byLoosened: [String: String] = Dictionary(all.map { (loosen($0), $0) }) { first, _ in first }

    private static func loosen(_ text: String) -> String {
        text.replacingOccurrences(of: "’", with: "'")
            .replacingOccurrences(of: "—", with: "-")
            .trimmingCharacters(in: .whitespaces)
    }
}

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
                last.hasSuffix(":") || last.hasPrefix("- ") || last.hasPrefix("• ")
            {
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
