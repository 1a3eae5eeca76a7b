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
