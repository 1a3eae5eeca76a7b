import GutBotCore

/// The article's quick-reference table as a plugin written in Swift: asked
/// about gut factors side by side, it answers with the rows of the table the
/// question names (all six when it names none), in the project's own words.
///
/// A YAML plugin has one fixed answer per intent; this one builds its answer
/// from the message, which is what Swift is for. It stays deterministic: the
/// same message always gets the same rows in the same order.
public struct QuickReferencePlugin: Plugin {
    /// One row of the table: what a factor does to gut serotonin and to mood.
    struct Row: Sendable {
        /// How the reply names the factor.
        var factor: String
        /// Word stems in a message that name this factor.
        var cues: [String]
        /// The row, in the project's words, carrying only the article's facts.
        var summary: String
    }

    /// The article heading every answer cites.
    public static let source = "Table: Quick Reference — How Gut Factors Influence Serotonin and Mood"

    static let rows: [Row] = [
        Row(
            factor: "Dietary fiber", cues: ["fiber", "fibre"],
            summary: "feeds gut microbes whose by-products prompt the gut's serotonin-making (enterochromaffin) cells; "
                + "it goes with steadier mood and less of the low mood linked to inflammation."),
        Row(
            factor: "Tryptophan-rich foods", cues: ["tryptophan", "protein"],
            summary: "supply the building block serotonin is made from; as part of healthy meals they can help keep "
                + "the brain's messengers in balance."),
        Row(
            factor: "Microbiome diversity", cues: ["diversity", "diverse", "microbiome", "bacteria", "microbes"],
            summary: "changes the mix of microbial by-products that steer those serotonin-making cells and immune "
                + "signals; in observational studies it goes with a lower risk of anxiety and depression."),
        Row(
            factor: "Chronic stress", cues: ["stress"],
            summary: "weakens the gut barrier and shifts the microbes; it raises the risk of mood disorders and of inflammation."),
        Row(
            factor: "Sleep disruption", cues: ["sleep", "insomnia"],
            summary: "upsets the microbes' daily rhythms and the gut barrier; it makes mood, thinking and the handling "
                + "of emotions worse."),
        Row(
            factor: "Antibiotics", cues: ["antibiotic"],
            summary: "can lower the microbiome's diversity for a while and may worsen mood in some cases; the article "
                + "adds that when they are medically needed, their benefits usually outweigh that risk."),
    ]

    /// See ``Plugin/id``.
    public let id = "quick-reference"
    /// See ``Plugin/name``.
    public let name = "Quick reference"
    /// See ``Plugin/summary``.
    public let summary = "The article's table of gut factors, serotonin and mood, side by side"

    /// See ``Plugin/intents``.
    public let intents = [
        Intent(
            id: "factors",
            examples: [
                "which factors affect gut serotonin and mood",
                "what things influence serotonin in the gut",
                "give me the quick reference table",
                "summarize how gut factors affect serotonin and mood",
                "compare the gut factors side by side",
                "compare fiber and stress for gut serotonin at a glance",
                "how do sleep and antibiotics compare for gut serotonin and mood",
                "list everything that changes gut serotonin",
                "which gut factors matter for mental health at a glance",
            ],
            answer: "The article's quick-reference table sets six gut factors side by side.",
            source: source,
            title: "Gut factors side by side")
    ]

    /// Words people use for a summary table, mapped to the words of the examples.
    public var synonyms: Lexicon {
        Lexicon([
            ("cheat sheet", "quick reference table"), ("overview", "summarize factors"),
            ("side-by-side", "side by side"),
        ])
    }

    /// A plugin ready to register with `GutBotCLI.main(plugins:)`.
    public init() {}

    /// The rows the message names, or the whole table when it names none.
    public func answer(_ intent: Intent, to message: String, in session: Session) -> Answer {
        let words = message.lowercased().split { !$0.isLetter }
        let named = Self.rows.filter { row in row.cues.contains { cue in words.contains { $0.hasPrefix(cue) } } }
        let shown = named.isEmpty ? Self.rows : named
        let opening =
            named.isEmpty
            ? "The article's quick-reference table sets six gut factors side by side:"
            : "Here is what the article's quick-reference table says about \(named.count == 1 ? "that factor" : "those factors"):"
        let lines = shown.map { "- \($0.factor) \($0.summary)" }
        let closing = "It is a summary of one article, not advice for your own treatment."
        return Answer(text: ([opening] + lines + [closing]).joined(separator: "\n"), source: Self.source)
    }
}
