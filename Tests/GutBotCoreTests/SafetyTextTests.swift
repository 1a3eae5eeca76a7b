import GutBotCore
import GutBotTestSupport
import Testing

/// How the safety plugin reads past disguises, and how guards and denials
/// work clause by clause without hiding a risk elsewhere in the message.
@Suite struct SafetyTextTests {
    private static func forms(_ text: String) throws -> [String] {
        try SafetyFixtures.shippedScreen().rulebook.forms(of: text)
    }

    @Test(arguments: [
        ("I want to k1ll mys3lf", "kill myself"),
        ("s u i c i d e", "suicide"),
        ("I want to k.i.l.l myself", "kill myself"),
        ("I want to diiiie", "want to die"),
        ("I don’t want to live", "do not want to live"),
        ("honestly might kms", "kill myself"),
        ("been thinking about sewerslide", "suicide"),
        ("thinking about ctb", "suicide"),
        ("i feel suicdal", "suicidal"),
        ("i cut myslef", "cut myself"),
        ("ima hurt him", "i am going to hurt him"),
        ("$uicide", "suicide"),
        ("su\u{200B}icide", "suicide"),
        ("i'm gonna k*ll myself", "kill myself"),
        ("I w a n t  t o  d i e", "i want to die"),
        ("i wnat to die", "want to die"),
    ])
    func disguisesAreUndone(typed: String, plain: String) throws {
        let forms = try Self.forms(typed)
        #expect(forms.contains { $0.contains(" \(plain) ") || $0.contains(" \(plain) |") }, "\(forms)")
    }

    @Test func clausesAreMarked() throws {
        #expect(
            try Self.forms("Does fiber help? Doesn't matter, I want to die").contains(
                " | does fiber help | does not matter | i want to die | "))
    }

    /// "it's" and "its", "what's" and "whats" read alike: both as the lexicon
    /// spells the apostrophe-less word out, so rules need list only one.
    @Test(arguments: [
        ("it's time for me to go", "its time for me to go", " it is time for me to go "),
        ("what's the point", "whats the point", " what is the point "),
        ("life's not worth it", "lifes not worth it", " life is not worth it "),
        ("there's no way out", "theres no way out", " there is no way out "),
        ("he's got a knife", "hes got a knife", " he has got a knife "),
    ])
    func apostropheAndNoApostropheReadAlike(typed: String, bare: String, plain: String) throws {
        let typedForms = try Self.forms(typed)
        #expect(typedForms == (try Self.forms(bare)))
        #expect(typedForms.contains { $0.contains(plain) }, "\(typedForms)")
    }

    /// Slips inside key words too short for the one-typo repair are slang;
    /// "ending" is a key word, and its real-word neighbours stay as typed.
    @Test(arguments: [
        ("i want to dei", "want to die"), ("gonna end my lfie", "end my life"),
        ("thinking of endng it all", "ending it all"), ("i want to kll myself", "kill myself"),
        ("i'm going to overdoes tonight", "going to overdose"),
    ])
    func slipsInShortKeyWordsAreRepaired(typed: String, plain: String) throws {
        let forms = try Self.forms(typed)
        #expect(forms.contains { $0.contains(" \(plain) ") }, "\(forms)")
    }

    @Test(arguments: [
        "starting", "olive", "pulls", "stood", "giving", "prison", "30 pills", "13 11 14", "b12", "pending", "sending", "lending",
    ])
    func realWordsAndNumbersStayAsTyped(_ word: String) throws {
        #expect(try Self.forms("I said \(word) today").contains(" | i said \(word) today | "))
    }

    @Test func shortWordsAreNotCorrected() {
        let lexicon = SafetyLexicon(keywords: ["alive", "suicide"])
        #expect(lexicon.keyword(near: "alve") == nil)
        #expect(lexicon.keyword(near: "sucide") == "suicide")
        #expect(lexicon.keyword(near: "alove") == "alive")
        #expect(SafetyLexicon(keywords: ["alive"], realWords: ["olive"]).keyword(near: "olive") == nil)
    }

    @Test(arguments: [
        "this workout is killing me and I want to die",
        "I'm dying to try kimchi but honestly I want to kill myself",
        "I'm not suicidal, I just want to sleep forever",
        "I'm not suicidal but i've been saving my pills",
        "cutting out sugar, also i cut myself again last night",
        "my sourdough starter died. honestly i wish i was dead too",
        "can you overdose on probiotics? asking because i took a whole bottle of my sertraline",
    ])
    func aGuardNeverHidesARiskElsewhere(_ message: String) throws {
        #expect(try SafetyFixtures.shippedScreen().verdict(for: message) != nil)
    }

    @Test(arguments: [
        "I'm not suicidal, just curious how serotonin is made",
        "not suicidal lol, just want to know if turkey has tryptophan",
        "this workout is killing me",
        "do antibiotics kill good bacteria",
        "my mom will kill me if she sees my grades",
        "I cut myself shaving this morning",
        "purged my closet this weekend",
        "overdosed on chocolate at christmas haha",
    ])
    func guardsAndDenialsLetHarmlessMessagesThrough(_ message: String) throws {
        #expect(try SafetyFixtures.shippedScreen().verdict(for: message) == nil)
    }
}
