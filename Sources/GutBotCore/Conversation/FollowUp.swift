/// Recognises the short replies that only make sense after an earlier turn:
/// "tell me more", "what about sleep?", "the first one".
public enum FollowUp {
    /// What a follow-up message asks for.
    public enum Kind: Equatable, Sendable {
        /// More on the same topic ("tell me more", "why?").
        case more
        /// The same question about something else ("what about sleep?");
        /// carries the something else.
        case shift(String)
    }

    /// Phrases that, alone, ask to go on with the last topic.
    static let morePhrases: Set<String> = [
        "tell me more", "more", "more please", "go on", "why", "how so", "how come", "explain",
        "explain more", "what else", "and", "really", "elaborate", "can you elaborate",
        "please elaborate", "more detail", "more details", "continue", "keep going", "say more",
        "tell me more about that", "more about that", "more on that", "anything else", "such as",
        "like what", "for example", "example", "go on then", "and then", "interesting tell me more",
        "can you tell me more", "could you tell me more", "i want to know more", "more info",
        "ok tell me more", "okay tell me more", "why is that", "how does that work",
        // Alone after an answer, "how?" asks how that happens, not how the bot is.
        "how", "how exactly", "in what way", "how is that", "how does it", "how does that happen",
        "why does that happen",
    ]

    /// Words in the longest of ``morePhrases``: a longer message is none of
    /// them, and is not joined up to be looked for.
    static let longestMorePhrase = morePhrases.map { $0.split(separator: " ").count }.max() ?? 0

    /// Lead-ins that ask the last question again about something else.
    static let shiftLeadIns: [[String]] = [
        ["and", "what", "about"], ["what", "about"], ["how", "about"], ["and", "how", "about"],
        ["and", "for"], ["what", "if"], ["and", "with"], ["same", "for"], ["and", "about"], ["and"],
    ]

    /// The follow-up `words` (as ``TextNormalizer/words(_:)`` gives them) make, if any.
    public static func classify(_ words: [String]) -> Kind? {
        guard !words.isEmpty, words.count <= 8 else { return nil }
        if words.count <= longestMorePhrase, morePhrases.contains(words.joined(separator: " ")) { return .more }
        for leadIn in shiftLeadIns where words.count > leadIn.count && words.starts(with: leadIn) {
            let rest = words.dropFirst(leadIn.count)
            guard rest.count <= 5 else { return nil }
            return .shift(rest.joined(separator: " "))
        }
        return nil
    }

    /// The longest turn, in words, that can lean on the conversation: "how
    /// do I pick a decent one in the shop" (9) does, a full question does not.
    static let leaningWordLimit = 10

    /// Words that point back at what was said before.
    static let pointers: Set<String> = ["it", "that", "this", "they", "them", "those", "these", "there", "ones", "its", "one"]

    /// Whether `words` lean on the conversation so far: a short turn with
    /// few content words ("any tips?", "how long?") or one that points back
    /// ("is it ok every night?"). A full new question does not.
    public static func leansOnContext(_ words: [String]) -> Bool {
        guard !words.isEmpty, words.count <= leaningWordLimit else { return false }
        let content = words.filter { !Stopwords.english.contains($0) }.count
        return content <= 3 || (content <= 5 && words.contains(where: pointers.contains))
    }

    /// Whether `words` point back at the conversation: a pointer word
    /// ("is it forever?") or no content word at all ("how much?").
    public static func pointsBack(_ words: [String]) -> Bool {
        words.contains(where: pointers.contains) || words.allSatisfy { Stopwords.english.contains($0) }
    }

    /// Which of `count` offered choices `words` pick ("the first one", "2",
    /// "option two"), if the message is such a pick.
    public static func choice(_ words: [String], among count: Int) -> Int? {
        let ordinals: [String: Int] = [
            "first": 0, "1": 0, "1st": 0, "one": 0, "former": 0, "a": 0,
            "second": 1, "2": 1, "2nd": 1, "two": 1, "latter": 1, "b": 1, "last": 1,
        ]
        let filler: Set<String> = ["the", "one", "option", "please", "i", "mean", "meant", "that", "choice", "number", "ok", "okay", "no"]
        guard words.count <= 5 else { return nil }
        let picks = words.compactMap { ordinals[$0] }
        guard let pick = picks.first, words.allSatisfy({ ordinals[$0] != nil || filler.contains($0) }), pick < count else { return nil }
        return pick
    }
}
