/// Answers one message in one session: safety first, then exactly one topic
/// plugin, else the fallback. Front ends only feed it text and render replies.
public struct Engine: Sendable {
    /// The mandatory safety plugin.
    public let safety: SafetyScreen
    /// Topic plugins, in a fixed order that breaks ties.
    public let plugins: [any Plugin]
    /// Chooses the intent for each message.
    public var router: Router
    /// The command that lists topics in the front end in use ("/help"), which
    /// the fallback names; `nil` where nobody can type one (JSON, a program).
    public var helpCommand: String?
    /// Messages longer than this (in characters) are matched on their start only.
    public static let matchLimit = 2_000
    /// No chat message is this long; anything beyond it (a pasted file, a
    /// runaway pipe) is not read at all, so one line cannot stall the bot.
    /// Safety reads everything up to here.
    public static let readLimit = 16_000

    /// An engine over `plugins`, with `lexicon` and each plugin's own synonyms,
    /// and `outOfScope` examples of questions to send to the fallback;
    /// `encoder` reads meaning for routing and the safety net, and `cache`
    /// keeps the examples' vectors between runs. `deepEncoder`, when given,
    /// reads again what `encoder` leaves uncertain; its example vectors come
    /// from `deepVectors` where it has them, and `deepClassifier` gives the
    /// safety net its lean towards crisis.
    ///
    /// Each encoder's example vectors are one index: the router's intents
    /// first, then the safety net's groups from ``netOffset``, so one pass of
    /// dot products serves both.
    ///
    /// Throws when a plugin breaks the part of the ``Plugin`` contract an
    /// engine can check (ids, intents), before anything is built.
    public init(
        safety: SafetyScreen, plugins: [any Plugin], lexicon: Lexicon = Lexicon(),
        outOfScope: [String] = [], stemmer: Stemmer, encoder: any SentenceEncoder,
        cache: (EmbeddingCache, modelChecksum: String)? = nil,
        deepEncoder: (any SentenceEncoder)? = nil, deepVectors: VectorStore? = nil,
        deepClassifier: CrisisClassifier? = nil
    ) throws(PluginContractError) {
        try PluginContractError.check(plugins)
        var merged = lexicon
        for plugin in plugins { merged.merge(plugin.synonyms) }
        self.safety = safety
        self.plugins = plugins
        let index = IntentIndex(plugins: plugins, outOfScope: outOfScope, analyzer: Analyzer(lexicon: merged, stemmer: stemmer))
        let groups = IntentIndex.groups(plugins: plugins, outOfScope: outOfScope).map(\.examples)
        self.netOffset = groups.count
        let texts = groups + safety.net.groups
        let allTexts = texts.flatMap { $0 }
        self.meaningTexts = allTexts
        let meaning = Router.Meaning(
            encoder: encoder, index: SemanticIndex(groups: texts, encoder: encoder, cache: cache), calibration: .staticTable)
        let deepMeaning = deepEncoder.map { deepEncoder in
            let reader: any SentenceEncoder = deepVectors.map { StoredVectors(store: $0, encoder: deepEncoder) } ?? deepEncoder
            // Encoded when a message is first read deeply: a clear question
            // never is, and reading the store was a sixth of start-up.
            return Router.Meaning(
                encoder: reader, index: SemanticIndex(groups: texts, encodingOnFirstUse: reader), calibration: .transformer,
                classifier: deepClassifier)
        }
        self.router = Router(index: index, plugins: plugins, meaning: meaning, deepMeaning: deepMeaning)
    }

    /// A quick reading whose nearest crisis line comes within this of its
    /// nearest benign text is read deeply, whatever its route. Topic
    /// questions often sit near a crisis line (the tables hold crises asked
    /// inside topic questions), so what counts is which is nearer. On the
    /// first blind safety set no crisis that the deep net caught was further
    /// off than 0.05 in the quick reading; 0.15 leaves room for wordings unseen.
    public static let crisisWatch: Float = 0.15

    /// Where the safety net's groups start in the router's semantic index.
    public let netOffset: Int
    /// Every text the semantic indexes were built from, in their order:
    /// what `gutbot vectors` stores.
    public let meaningTexts: [String]

    /// The index over all topic intents.
    public var index: IntentIndex { router.index }

    /// The plugin with `id`.
    public func plugin(withID id: String) -> (any Plugin)? {
        plugins.first { $0.id == id }
    }

    /// Topic plugins that answer from the article (small talk has no sources).
    public var topics: [any Plugin] {
        plugins.filter { $0.intents.contains { $0.source != nil } }
    }

    /// The reply to `text`, updating `session`.
    public func reply(to text: String, in session: inout Session) -> Reply {
        session.turn += 1
        // Read once, and handed to safety, conversation words and routing alike.
        let message = analyze(text)
        let judgement = message.judgement
        let query = message.query
        if let response = safety.screen(
            message.text, forms: message.safetyForms, judgement: judgement, crisis: &session.crisis)
        {
            var crisis = safetyReply(response, from: Reply.safetyID)
            crisis.screening = message.screening
            crisis.depth = message.depth
            remember(crisis, in: &session)
            return crisis
        }
        let words = message.reading.analysis.typed
        var reply: Reply
        if let word = ConversationWord.classify(words) {
            // After safety, before any topic: "stop" or "no" is never a topic question.
            reply = converse(word, in: session)
        } else {
            let previous = session.lastIntentID.flatMap { intentID in
                session.lastTopicID.map { Candidate(pluginID: $0, intentID: intentID, score: 1) }
            }
            let (route, candidates) = router.route(message.reading, ranked: message.quickRanking, in: session)
            session.pendingChoice = []
            switch route {
            case .intent(let candidate):
                reply = answer(candidate, to: query, in: session)
                session.rememberTopicQuestion(
                    query, leaning: FollowUp.leansOnContext(message.reading.analysis.words), topicID: candidate.pluginID)
                // The router gives "tell me more" no ranking; say what it continued.
                if candidates.isEmpty, FollowUp.classify(words) == .more, candidate.pluginID == previous?.pluginID {
                    reply.followedUp = previous
                }
            case .clarify(let first, let second):
                reply = clarify(first, second)
                session.pendingChoice = [first, second]
                session.lastTopicQuestion = query
            case .fallback(let confidence):
                reply = fallback(confidence: confidence)
            }
            reply.candidates = Array(candidates.prefix(5))
        }
        if safety.isDistress(forms: message.safetyForms, judgement: judgement) {
            // A question asked in distress still gets its answer (or the
            // question that picks one), with support added.
            if reply.pluginID != Reply.fallbackID {
                reply.addReminder(safety.supportLine)
            } else {
                let candidates = reply.candidates
                reply = safetyReply(safety.distressResponse(judgement: judgement), from: Reply.supportID)
                reply.candidates = candidates
                session.pendingChoice = []
            }
        } else if safety.rulebook.mentions(forms: message.safetyForms) {
            // A calm mention (research, a story, a loss long ago) is answered
            // as asked, with help named once.
            reply.addReminder(safety.supportLine)
        }
        reply.screening = message.screening
        reply.depth = message.depth
        if message.truncated {
            reply.text += "\n\n(That message was very long; I read only its first \(Self.readLimit) characters.)"
        }
        // A few replies after a crisis point to help again; the crisis's
        // reminder takes the place of any support line (both name the help).
        if let reminder = safety.reminder(after: &session.crisis) { reply.reminder = reminder }
        remember(reply, in: &session)
        return reply
    }

    /// Reads `text` once for every stage of ``reply(to:in:)``: cut to
    /// ``readLimit``; its start (``matchLimit``) read by the router, deeply
    /// when the quick reading is near a crisis line or leaves the route in
    /// doubt, and judged by the safety net; all of it read into the forms
    /// safety's rules read.
    public func analyze(_ text: String) -> MessageAnalysis {
        let truncated = text.utf8.count > Self.readLimit && text.count > Self.readLimit
        let text = truncated ? String(text.prefix(Self.readLimit)) : text
        // A message is never more characters than bytes: most need no cutting.
        let query = text.utf8.count <= Self.matchLimit ? text : String(text.prefix(Self.matchLimit))
        var reading = router.read(query)
        var judgement = judge(reading)
        // The quick reading's ranking, when it was made to see whether the
        // reading is clear and kept: routing then does not make it again.
        var quickRanking: [Candidate]?
        if router.deepMeaning != nil {
            let ranked = isNearCrisis(judgement) ? nil : router.rank(reading)
            if let ranked, router.isClear(ranked) {
                quickRanking = ranked
            } else {
                reading = router.deepened(reading)
                judgement = judge(reading)
            }
        }
        // Crisis words told after a topic question ("what helps digestion?
        // btw I haven't eaten in a week") are diluted in the meaning of the
        // message as a whole, but seldom out of the crisis side's reach: the
        // net reads each sentence of a message that is near a crisis line.
        if judgement.crisisCategory == nil, isNearCrisis(judgement), let sentence = firstFiringSentence(of: query) {
            judgement = sentence
        }
        return MessageAnalysis(
            text: text, truncated: truncated, reading: reading, quickRanking: quickRanking,
            safetyForms: safety.rulebook.forms(of: text), judgement: judgement)
    }

    /// Whether the net's `judgement` is close enough to a crisis line to be
    /// looked at again: a quick reading by the deep one, a whole message
    /// sentence by sentence (``Engine/crisisWatch``).
    private func isNearCrisis(_ judgement: SafetyNet.Judgement) -> Bool {
        judgement.nearestCrisis - judgement.nearestBenign >= -Self.crisisWatch
    }

    /// The most sentences of one message the net reads one by one: a long
    /// message costs a few readings more, not one for every line.
    static let sentenceLimit = 8

    /// The net's judgement of the first sentence of `text` that it fires on
    /// with both its tests (``Calibration/passesBothTests(_:)``), each read as
    /// a whole message is (deeply when the quick reading is near a crisis
    /// line); `nil` for a message of one sentence, or when none fires.
    private func firstFiringSentence(of text: String) -> SafetyNet.Judgement? {
        let sentences = Router.sentences(in: text)
        guard sentences.count >= 2 else { return nil }
        for sentence in sentences.prefix(Self.sentenceLimit) {
            var reading = router.read(String(sentence))
            var judgement = judge(reading)
            if router.deepMeaning != nil, isNearCrisis(judgement) {
                reading = router.deepened(reading)
                judgement = judge(reading)
            }
            let calibration = router.meaning(reading.depth).calibration
            if judgement.crisisCategory != nil, calibration.passesBothTests(judgement) { return judgement }
        }
        return nil
    }

    /// What the safety net makes of a message already read.
    public func judge(_ reading: Router.Reading) -> SafetyNet.Judgement {
        guard let similarity = reading.similarity else { return .none }
        let meaning = router.meaning(reading.depth)
        let lean = reading.vector.flatMap { vector in meaning.classifier?.lean(vector) }
        return safety.net.judge(
            similarity, calibration: meaning.calibration, offset: netOffset, alsoBenign: 0..<netOffset,
            words: reading.analysis.words.count, lean: lean)
    }

    /// What a ``CrisisClassifier`` for this engine learns from: every topic
    /// and out-of-scope example as benign, then the safety tables' crisis
    /// and benign lines (distress lines are neither).
    public var classifierExamples: [(text: String, crisis: Bool)] {
        let topicCount = meaningTexts.count - safety.net.groups.reduce(0) { $0 + $1.count }
        let topics = meaningTexts.prefix(topicCount).map { (text: $0, crisis: false) }
        return topics
            + safety.net.lines.filter { $0.kind != .distress }.map { (text: $0.text, crisis: $0.kind == .crisis) }
    }

    /// The reply that says what the safety screen answered, filed under
    /// `pluginID` (``Reply/safetyID`` for a crisis, ``Reply/supportID`` for
    /// distress) and, like a rule's category, under the verdict's category as its intent.
    func safetyReply(_ response: SafetyResponse, from pluginID: String) -> Reply {
        Reply(
            text: response.text, pluginID: pluginID, intentID: response.verdict.category,
            confidence: 1, source: response.source, safety: response.verdict)
    }

    /// The reply of the intent `candidate` names.
    func answer(_ candidate: Candidate, to text: String, in session: Session) -> Reply {
        guard let plugin = plugin(withID: candidate.pluginID), let intent = plugin.intent(withID: candidate.intentID) else {
            return fallback(confidence: 0)
        }
        let answer = plugin.answer(intent, to: text, in: session)
        return Reply(
            text: fillPlaceholders(answer.text), pluginID: plugin.id, intentID: intent.id,
            confidence: candidate.score, source: answer.source)
    }

    /// A question naming both close topics; the reply is filed under the
    /// better one, so a program reading only `plugin` still sees the best guess.
    func clarify(_ first: Candidate, _ second: Candidate) -> Reply {
        let names = [first, second].map { describe($0) }
        let text =
            "I can answer that from two angles: \(names[0]) or \(names[1]). Which would you like? "
            + "(Say \"the first\", \"the second\", or name the topic.)"
        return Reply(
            text: text, pluginID: first.pluginID, intentID: Reply.clarifyIntent,
            confidence: first.score, choices: [first, second])
    }

    /// The reply to a conversation word: the small-talk intent of that name
    /// when a small-talk plugin has one, else the core's own short answer.
    func converse(_ word: ConversationWord, in session: Session) -> Reply {
        var text =
            plugin(withID: ConversationWord.pluginID)?.intent(withID: word.intentID).map { fillPlaceholders($0.answer) }
            ?? word.builtInAnswer
        // "no" or "ok" right after a crisis reply may answer "are you safe?":
        // never shrug it off; the reminder with the help line follows.
        if word == .acknowledgement, session.crisis != nil {
            text = "Thank you for letting me know. I'm only a program, so a person is the best one to talk this over with, any time."
        }
        var reply = Reply(text: text, pluginID: ConversationWord.pluginID, intentID: word.intentID, confidence: 1)
        reply.conversation = word
        return reply
    }

    /// Forgets `session`'s conversation (topics, pending questions, the turn
    /// count) and acknowledges it. A recent crisis is kept, so its few reminders
    /// of help still come: safety is never reset by a command.
    public func reset(_ session: inout Session) -> Reply {
        var fresh = Session(id: session.id)
        fresh.crisis = session.crisis
        session = fresh
        return Reply(
            text: "Done: I've forgotten our conversation, so we can start afresh. What would you like to know?",
            pluginID: ConversationWord.pluginID, intentID: Reply.resetIntent, confidence: 1)
    }

    /// The honest "I don't know", listing what the bot can talk about, and
    /// ``helpCommand`` where the front end has one.
    public func fallback(confidence: Double) -> Reply {
        var text =
            "I'm not sure about that one: I only know what one article says about the gut, serotonin and mental health. "
            + "I can talk about \(topicList). Try asking, for example, \"does fiber help my mood?\""
        text += helpCommand.map { " or type \($0)." } ?? ""
        return Reply(text: text, pluginID: Reply.fallbackID, confidence: confidence)
    }

    /// The intent `candidate` names, as a person would call it: its title and
    /// its topic's name ("Fiber and your mood (diet and food)").
    public func describe(_ candidate: Candidate) -> String {
        let name = plugin(withID: candidate.pluginID)?.name.lowercased() ?? candidate.pluginID
        return "\(title(of: candidate)) (\(name))"
    }

    /// The title of the intent `candidate` names, or its id when no loaded plugin has it.
    public func title(of candidate: Candidate) -> String {
        plugin(withID: candidate.pluginID)?.intent(withID: candidate.intentID)?.title ?? candidate.intentID
    }

    private var topicList: String {
        let names = topics.map { $0.name.lowercased() }
        guard names.count > 1 else { return names.first ?? "nothing yet" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    private func fillPlaceholders(_ text: String) -> String {
        // Checked first: few answers use it, and the list is built only for those.
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        return Placeholders.fill(text, ["topics": topicList])
    }

    private func remember(_ reply: Reply, in session: inout Session) {
        session.lastPluginID = reply.pluginID
        session.lastIntentID = reply.intentID
        if plugin(withID: reply.pluginID) != nil { session.lastTopicID = reply.pluginID }
    }
}

/// One message analysed once, by ``Engine/analyze(_:)``, and handed to every
/// stage of ``Engine/reply(to:in:)``: the safety screen reads
/// ``safetyForms`` and ``judgement``, conversation words and the router read
/// ``reading``. No stage normalises the message again.
///
/// It holds two normalisations of the message, and they stay two on purpose.
/// Routing's (``Analyzer``, over the start of the message) folds case and
/// accents, spells out contractions and corrects spelling towards the
/// topics' vocabulary. Safety's (``SafetyText``, over all of it) also undoes
/// disguises (digits for letters, starred and spaced-out letters, stretched
/// letters), splits clauses, spells out slang and repairs typos in crisis
/// key words, and never lets a correction aimed at topic words move a crisis
/// word. Either one made to serve both would read worse for one of them.
public struct MessageAnalysis: Sendable {
    /// The message as read: cut to ``Engine/readLimit``, and all of it read by safety's rules.
    public let text: String
    /// Whether the message was longer than ``Engine/readLimit`` and cut.
    public let truncated: Bool
    /// The router's reading of the message's start, at the depth chosen:
    /// words, spelling corrections, features and meaning.
    public let reading: Router.Reading
    /// The quick reading's ranking, when it was made to see whether the
    /// reading is clear and kept, so that routing does not make it again.
    public let quickRanking: [Candidate]?
    /// The forms of ``text`` that safety's rules read (``SafetyRulebook/forms(of:)``).
    public let safetyForms: [String]
    /// What the safety net makes of ``reading``.
    public let judgement: SafetyNet.Judgement

    /// The start of the message that routing reads (at most ``Engine/matchLimit`` characters).
    public var query: String { reading.text }

    /// The net's judgement as replies show it: `nil` when the encoder could not read the message.
    var screening: SafetyNet.Judgement? { reading.vector == nil ? nil : judgement }

    /// The depth of meaning the replies show: `nil` when the encoder could not read the message.
    var depth: Router.Depth? { reading.vector == nil ? nil : reading.depth }
}
