/// A message about the conversation itself rather than the gut: "quit",
/// "thanks", "cool", "who made you", "what's your source".
///
/// The engine answers these after the safety screen and before any topic is
/// ranked, so a word like "stop" or "no" can never be read as a question about
/// stopping medication or exercise. Each kind is answered by the small-talk
/// intent its raw value names.
public enum ConversationWord: String, Sendable, CaseIterable {
    /// Leaving: "quit", "exit", "bye". The REPL ends after answering it.
    case leave = "goodbye"
    /// Thanks.
    case thanks = "thanks"
    /// Yes, no, ok, cool: nothing to answer but a nod.
    case acknowledgement = "acknowledgement"
    /// "Who are you", "what are you".
    case identity = "capabilities"
    /// "Who made you".
    case maker = "who-made-you"
    /// "What's your source".
    case source = "source"

    /// The small-talk intent that answers this kind.
    public var intentID: String { rawValue }

    /// The plugin the answers are filed under, whether or not a small-talk
    /// file is loaded: conversation words are never a topic.
    public static let pluginID = CorePluginID.smallTalk

    /// The kind of conversation word `words` (as ``TextNormalizer/words(_:)``
    /// gives them) make, or `nil` when the message is anything else.
    public static func classify(_ words: [String]) -> ConversationWord? {
        let words = Array(words.drop { filler.contains($0) }.reversed().drop { filler.contains($0) }.reversed())
        guard !words.isEmpty, words.count <= 6 else { return nil }
        if let kind = phrases[words.joined(separator: " ")] { return kind }
        // "ok thanks", "thanks bye": two conversation words in a row; the later
        // intention wins when it is leaving, else the more specific one.
        for split in 1..<words.count {
            guard let head = phrases[words[..<split].joined(separator: " ")],
                let tail = classify(Array(words[split...]))
            else { continue }
            return head.priority > tail.priority ? head : tail
        }
        return nil
    }

    /// Which of two kinds in one message is answered: leaving above all.
    private var priority: Int {
        switch self {
        case .acknowledgement: 0
        case .thanks: 1
        case .identity: 2
        case .maker: 3
        case .source: 4
        case .leave: 5
        }
    }

    /// Words that change nothing at either end of a conversation word.
    static let filler: Set<String> = ["please", "gutbot", "bot", "then", "now", "well", "um", "uh", "so", "just"]

    /// Whole messages, normalised, and what they are.
    static let phrases: [String: ConversationWord] = {
        var table: [String: ConversationWord] = [:]
        let lists: [(ConversationWord, [String])] = [
            (
                .leave,
                [
                    "quit", "exit", "bye", "goodbye", "bye bye", "stop", "stop it", "q", "see you", "see ya", "cya",
                    "i want to quit", "i want to leave", "leave", "end", "close", "good bye", "byebye", "bye for now",
                    "i am leaving", "i am off", "quit chat", "exit chat", "logout", "log out",
                ]
            ),
            (
                .thanks,
                [
                    "thanks", "thank you", "thx", "ty", "cheers", "thanks a lot", "thank you so much", "many thanks",
                    "thanks so much", "thank u", "thanku", "tnx", "much appreciated", "appreciate it",
                ]
            ),
            (
                .acknowledgement,
                [
                    "yes", "yeah", "yep", "yup", "yea", "no", "nope", "nah", "ok", "okay", "k", "kk", "okey",
                    "cool", "nice", "great", "sure", "alright", "all right", "got it", "i see", "fine", "good",
                    "awesome", "right", "hmm", "hm", "oh", "ah", "lol", "wow", "noted", "perfect",
                    "sounds good", "makes sense", "understood", "fair enough", "no thanks", "not really",
                    "i understand", "very good", "good to know", "ok cool", "oh ok", "ah ok", "interesting",
                ]
            ),
            (
                .identity,
                [
                    "who are you", "what are you", "who is this", "what is this", "who this", "whos this", "who am i talking to",
                    "who are u", "what are u", "who r u", "introduce yourself",
                ]
            ),
            (
                .maker,
                [
                    "who made you", "who created you", "who built you", "who wrote you", "who programmed you",
                    "who is your creator", "who developed you", "who designed you", "who owns you", "who made this",
                    "who made gutbot", "who wrote this", "who is behind this", "who made u",
                    // "who made gutbot?" arrives without its last word: "gutbot" is filler.
                    "who made", "who created", "who built", "who wrote", "who programmed", "who designed",
                ]
            ),
            // "what's" reaches here as "what" (the normaliser drops a possessive 's).
            (
                .source,
                [
                    "what is your source", "what your source", "whats your source", "what your sources",
                    "what the source", "whats the source", "what are your sources", "your source", "source", "sources",
                    "what source", "which source", "where does this come from", "where is this from",
                    "where do you get your information", "where do you get this", "where do your answers come from",
                    "which article", "what article", "what is the article", "cite your source", "cite your sources",
                    "what do you base this on", "what is your source of information", "where did you read that",
                    "what is the source", "source please", "where is that from", "how do you know",
                    "what ur source", "whats ur source", "ur source", "what are ur sources",
                ]
            ),
        ]
        for (kind, phrases) in lists {
            for phrase in phrases { table[phrase] = kind }
        }
        return table
    }()
}

extension ConversationWord {
    /// The answer when no small-talk plugin is loaded, in the core's own words.
    var builtInAnswer: String {
        switch self {
        case .leave: "Goodbye, and take care."
        case .thanks: "You're welcome."
        case .acknowledgement: "Okay. Ask me anything else whenever you like."
        case .identity:
            "I'm gutbot, a program that answers questions from one article about the gut, serotonin and mental health. I'm not a doctor."
        case .maker: "I was written by the people behind the gutbot project. I'm a program, not a doctor."
        case .source:
            "Everything I say comes from one article about the gut, serotonin and mental health, and each answer names the section it comes from."
        }
    }
}
