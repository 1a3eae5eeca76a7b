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
