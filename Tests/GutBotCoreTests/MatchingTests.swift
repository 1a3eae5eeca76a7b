import GutBotCore
import Testing

/// The pieces of matching, each on its own.
@Suite struct MatchingTests {
    @Test(arguments: [
        ("I’m NOT sure", ["i", "am", "not", "sure"]),
        ("Don't  STOP", ["do", "not", "stop"]),
        ("cant sleep", ["can", "not", "sleep"]),
        ("Café-crème, naïve!", ["cafe", "creme", "naive"]),
        ("gut-brain axis\u{0007}", ["gut", "brain", "axis"]),
        ("\u{1B}[1;31mhello\u{1B}[0m there", ["hello", "there"]),
        ("5-HTP and omega-3", ["5", "htp", "and", "omega", "3"]),
    ])
    func normalizerFoldsAndSplits(text: String, words: [String]) {
        #expect(TextNormalizer().words(text) == words)
    }

    @Test(arguments: [
        // Plain ASCII, read byte by byte.
        ("WON'T you'll, it's the dogs' 'tis", ["will", "not", "you", "will", "it", "the", "dogs", "tis"]),
        ("shouldnt IVE", ["should", "not", "i", "have"]),
        // Still not ASCII after folding, read character by character: same rules.
        ("Won’t you’ll read ωμέγα's dogs'", ["will", "not", "you", "will", "read", "ωμεγα", "dogs"]),
    ])
    func contractionsReadTheSameInEveryScript(text: String, words: [String]) {
        #expect(TextNormalizer().words(text) == words)
    }

    @Test func stemmerJoinsWordForms() throws {
        let stemmer = try #require(Stemmer())
        #expect(stemmer.stem("sleeping") == stemmer.stem("sleeps"))
        #expect(stemmer.stem("probiotics") == stemmer.stem("probiotic"))
        #expect(stemmer.stem("exercising") == stemmer.stem("exercise"))
    }

    @Test(arguments: [
        ("probiotcs", "probiotics"),
        ("serotonnin", "serotonin"),
        ("mediteranean", "mediterranean"),
        ("exercize", "exercise"),
    ])
    func spellingFindsTheMeantWord(typed: String, meant: String) {
        let speller = SpellingCorrector(vocabulary: ["probiotics": 3, "serotonin": 5, "mediterranean": 2, "exercise": 4, "exorcise": 1])
        #expect(speller.correction(for: typed) == meant)
    }

    @Test(arguments: ["slep", "gutt", "mod", "xyzzyplugh"])
    func spellingDoesNotGuessShortOrFarWords(typed: String) {
        let speller = SpellingCorrector(vocabulary: ["sleep": 1, "gut": 1, "mood": 1, "probiotics": 1])
        #expect(speller.correction(for: typed) == nil)
    }

    @Test func spellingComparesLettersBeyondASCII() {
        let speller = SpellingCorrector(vocabulary: ["übelkeit": 1, "nausea": 1])
        #expect(speller.correction(for: "ubelkeit") == "übelkeit")
        #expect(speller.correction(for: "übelkeitt") == "übelkeit")
    }

    @Test func damerauCountsATranspositionAsOneEdit() {
        #expect(SpellingCorrector.distance(Array("fiebr"), Array("fiber")) == 1)
        #expect(SpellingCorrector.distance(Array("kitten"), Array("sitting")) == 3)
    }

    @Test func lexiconAddsWordsForPhrases() {
        let lexicon = Lexicon([("gut flora", "microbiome"), ("zoloft", "ssri antidepressant")])
        #expect(lexicon.expansions(of: ["is", "my", "gut", "flora", "ok"]) == ["microbiome"])
        #expect(lexicon.expansions(of: ["zoloft"]) == ["ssri", "antidepressant"])
        #expect(lexicon.expansions(of: ["gut"]).isEmpty)
    }

    @Test func lexiconFindsEveryPhraseStartingAtAWord() {
        let lexicon = Lexicon([("gut", "belly"), ("gut flora", "microbiome"), ("gut flora balance", "dysbiosis")])
        #expect(lexicon.expansions(of: ["my", "gut", "flora"]) == ["belly", "microbiome"])
        #expect(lexicon.expansions(of: ["gut", "flora", "balance", "gut"]) == ["belly", "microbiome", "dysbiosis", "belly"])
    }

    @Test func indexRanksTheCloserIntentFirst() throws {
        let stemmer = try #require(Stemmer())
        let plugins: [any Plugin] = [
            TopicPlugin(
                id: "a", name: "A", summary: "a",
                intents: [
                    Intent(id: "fiber", examples: ["does fiber help my mood", "high fiber foods"], answer: "x", source: nil),
                    Intent(id: "sleep", examples: ["how much sleep do I need", "sleeping badly"], answer: "y", source: nil),
                ])
        ]
        let index = IntentIndex(plugins: plugins, analyzer: Analyzer(lexicon: Lexicon(), stemmer: stemmer))
        let ranked = index.rank("which foods have fibre... I mean fiber")
        #expect(ranked.first?.intentID == "fiber")
        #expect(index.rank("I slept badly").first?.intentID == "sleep")
        #expect(index.rank("quantum chromodynamics").isEmpty)
    }

    @Test func indexBreaksTiesByPluginOrderAndListsTermsAlphabetically() throws {
        let stemmer = try #require(Stemmer())
        let plugins: [any Plugin] = ["b", "a"].map { id in
            TopicPlugin(
                id: id, name: id, summary: id,
                intents: [
                    Intent(id: "mood", examples: ["fiber and mood"], answer: "x", source: nil)
                ])
        }
        let index = IntentIndex(plugins: plugins, analyzer: Analyzer(lexicon: Lexicon(), stemmer: stemmer))
        let ranked = index.rank("mood and fiber")
        #expect(ranked.map(\.pluginID) == ["b", "a"])
        #expect(ranked[0].score == ranked[1].score)
        #expect(ranked[0].matchedTerms == ["fiber", "mood"])
    }
    /// The out-of-scope class is many unrelated questions: one close example
    /// decides, where its centroid would drown that example in the others.
    @Test func outOfScopeIsScoredByItsClosestExample() throws {
        let stemmer = try #require(Stemmer())
        let plugins: [any Plugin] = [
            TopicPlugin(
                id: "probiotics", name: "P", summary: "p",
                intents: [
                    Intent(
                        id: "worth",
                        examples: ["are probiotics worth taking", "do probiotics help my mood", "should i take probiotics daily"],
                        answer: "x",
                        source: nil)
                ])
        ]
        let outOfScope = [
            "can my dog take probiotics", "weather in paris tomorrow", "cheapest flights to rome", "how do i reset my phone",
            "who won the match last night", "python function to sort a list", "best pizza near the station",
            "how do volcanoes form", "translate hello into spanish", "when does the museum open",
            "what is the capital of peru", "how many moons has jupiter", "recipe for lemon cake",
            "fix a flat bicycle tyre",
        ]
        let index = IntentIndex(plugins: plugins, outOfScope: outOfScope, analyzer: Analyzer(lexicon: Lexicon(), stemmer: stemmer))
        let analysis = index.analyze("can my dog take probiotics daily")
        #expect(index.rank(analysis: analysis).first?.pluginID == Router.outOfScopeID)
        // Read as a whole, the class is far from the question: the topic leads.
        #expect(index.rank(analysis: analysis, outOfScopeByClosest: false).first?.pluginID == "probiotics")
    }
}
