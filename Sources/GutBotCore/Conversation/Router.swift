/// Decides which intent answers a message: pending choices and follow-ups
/// first, then one ranking that blends what the words say (TF-IDF) with what
/// the message means (a sentence encoder), with threshold and ambiguity rules.
///
/// Meaning is read in two depths. The quick one (the static table, a few
/// microseconds) reads every message; the deep one (the transformer, a few
/// milliseconds), when there is one, reads again the messages that the quick
/// reading leaves uncertain: see ``isClear(_:)``.
///
/// Pure: the same message in the same session state gives the same route.
public struct Router: Sendable {
    /// The plugin id that out-of-scope examples are filed under in the index.
    public static let outOfScopeID = CorePluginID.fallback

    /// The index over every topic intent and the out-of-scope examples.
    public let index: IntentIndex
    /// Topic plugins, for follow-up intents.
    public let plugins: [any Plugin]
    /// The quick reading of meaning, which every message gets; shared with the safety net.
    public let meaning: Meaning
    /// The deep reading, for messages the quick one leaves uncertain.
    public let deepMeaning: Meaning?
    /// Below this score a question is out of scope.
    public var threshold = 0.21
    /// Two topics closer than this are too close to call: ask instead.
    public var ambiguityGap = 0.01
    /// A quick reading whose best topic scores at least this, ...
    public var clearScore = 0.5
    /// ... this much ahead of any other plugin's, is clear: it is not read again.
    public var clearLead = 0.05
    /// How much the last topic question counts in an elliptical follow-up.
    public var contextWeight = 0.6
    /// How much an intent's closest example counts against its centroid on
    /// the meaning side: more than on the words side, since an intent's
    /// examples say the same thing in different words and their mean blurs.
    static let closestExampleShare = 0.7
    /// A turn that points back stays with the last topic when that topic's
    /// best intent scores within this of the best one, and at least half the
    /// threshold (so a topic with nothing to do with the turn is not kept).
    public var contextPreference = 0.15
    /// In a conversation, a turn that leans on it and matches small talk
    /// less well than this ("what can I do about it", near "what can you
    /// do") is read with the last question too; "help" and "hello" score more.
    public var smallTalkInContext = 0.5
    /// The same, for a turn about the user ("what can I do", "what should
    /// we try"): small talk is about the bot, so such a turn needs a closer
    /// match ("I'm fine, thanks") to be small talk rather than the conversation.
    public var smallTalkInContextAboutUser = 0.6
    /// A turn that leans on the conversation without pointing back is not
    /// read with the last question when, alone, the out-of-scope class (by
    /// its closest example) leads every topic by this much.
    public var outOfScopeLead = 0.1
    /// A turn that leans on the conversation and, alone, goes to another
    /// topic than the last one scoring less than this, is read with the last
    /// question all the same (see ``isWeakTurnAway(_:in:from:)``).
    public var turnAwayScore = 0.6
    /// ... and that leads the last topic by less than this.
    public var turnAwayLead = 0.2
    /// In a conversation, a topic is answered from this score, below
    /// ``threshold``, when the out-of-scope class scores less.
    public var contextThreshold = 0.12
    /// Each intent's place in the index, keyed "plugin/intent".
    private let positions: [String: Int]
    /// The out-of-scope class's place in the index, if it has examples.
    private let outOfScopeGroup: Int?

    /// One way of reading meaning: an encoder, the example vectors it made
    /// (the first groups are the index's intents, in its order), and how to
    /// read its cosines.
    public struct Meaning: Sendable {
        /// Turns a message into a vector.
        public var encoder: any SentenceEncoder
        /// The examples' vectors.
        public var index: SemanticIndex
        /// How to read the cosines.
        public var calibration: Calibration
        /// How far a vector leans towards crisis, for the safety net; learned
        /// from this encoder's vectors of the examples.
        public var classifier: CrisisClassifier?

        /// A reading of meaning from its parts.
        public init(encoder: any SentenceEncoder, index: SemanticIndex, calibration: Calibration, classifier: CrisisClassifier? = nil) {
            self.encoder = encoder
            self.index = index
            self.calibration = calibration
            self.classifier = classifier
        }
    }

    /// Which reading of meaning a message got.
    public enum Depth: String, Sendable, Codable {
        /// The static table's: every message.
        case quick
        /// The transformer's: messages the quick reading left uncertain.
        case deep
    }

    /// A router over `index` and `plugins`, reading meaning quickly with
    /// `meaning` and, where that leaves a message uncertain, with `deepMeaning`.
    public init(index: IntentIndex, plugins: [any Plugin], meaning: Meaning, deepMeaning: Meaning? = nil) {
        self.index = index
        self.plugins = plugins
        self.meaning = meaning
        self.deepMeaning = deepMeaning
        var positions: [String: Int] = [:]
        for (number, intent) in index.intents.enumerated() { positions[intent.pluginID + "/" + intent.intentID] = number }
        self.positions = positions
        outOfScopeGroup = index.intents.firstIndex { $0.pluginID == Self.outOfScopeID }
    }

    /// One message read both ways, made once and shared by safety and routing.
    public struct Reading: Sendable {
        /// Words, corrections and features.
        public var analysis: Analyzer.Analysis
        /// The message's unit vector, as typed, if the encoder could read it.
        public var vector: [Float]?
        /// Its similarity to every group of ``meaning``: what the safety net reads.
        public var similarity: SemanticIndex.Similarity?
        /// The similarity routing reads: of the text with its spelling
        /// corrected, when the words half corrected any ("slep" → "sleep").
        public var routingSimilarity: SemanticIndex.Similarity?
        /// The text that was read.
        public var text: String
        /// Which reading of meaning the vectors come from.
        public var depth: Depth
    }

    /// Reads `text` quickly, once for every stage after it.
    public func read(_ text: String) -> Reading {
        read(text, forRoutingOnly: false, depth: .quick)
    }

    /// `reading`'s text read again with the deep reading of meaning (its
    /// words are not analysed again); the same reading when there is none.
    public func deepened(_ reading: Reading) -> Reading {
        guard deepMeaning != nil, reading.depth == .quick else { return reading }
        return read(reading.text, forRoutingOnly: false, depth: .deep, analysis: reading.analysis)
    }

    /// How `depth` reads meaning: the quick reading when there is no deep one.
    public func meaning(_ depth: Depth) -> Meaning {
        depth == .deep ? deepMeaning ?? meaning : meaning
    }

    /// Whether the ranking of a quick reading leaves no doubt about the
    /// route: one topic scores well and clearly ahead of every other plugin
    /// and of the out-of-scope class. (Safety's own doubt is the engine's to add.)
    public func isClear(_ ranked: [Candidate]) -> Bool {
        guard let best = topics(ranked).first, best.score >= clearScore, ranked.first?.pluginID != Self.outOfScopeID else {
            return false
        }
        let rival = topics(ranked).dropFirst().first { $0.pluginID != best.pluginID }
        return best.score - (rival?.score ?? 0) >= clearLead
    }

    /// Reads `text` at `depth`; `forRoutingOnly` when only ranking will read
    /// it (a follow-up read with the last question), so the meaning side
    /// compares it with the topics' examples only, not the safety net's lines.
    private func read(_ text: String, forRoutingOnly: Bool, depth: Depth, analysis: Analyzer.Analysis? = nil) -> Reading {
        let analysis = analysis ?? index.analyze(text)
        let depth = deepMeaning == nil ? .quick : depth
        let meaning = meaning(depth)
        let encoder = meaning.encoder
        let vector = encoder.encode(text)
        // Ranking reads only the intents' groups, which come first.
        let intents = 0..<index.intents.count
        let similarity = vector.map { meaning.index.similarity(to: $0, only: forRoutingOnly ? intents : nil) }
        // The net reads the message as typed: a correction aimed at topic
        // words must never move a crisis word.
        var routingSimilarity = similarity
        // The transformer reads word pieces in context and copes with most
        // typos itself: a second pass over the corrected words would double
        // its cost for little.
        if depth == .quick, !analysis.corrections.isEmpty, let corrected = encoder.encode(analysis.words.joined(separator: " ")) {
            routingSimilarity = meaning.index.similarity(to: corrected, only: intents)
        }
        return Reading(
            analysis: analysis, vector: vector, similarity: similarity,
            routingSimilarity: routingSimilarity, text: text, depth: depth)
    }

    /// The route for `text` in `session`, and the ranking it came from.
    public func route(_ text: String, in session: Session) -> (route: Route, candidates: [Candidate]) {
        route(read(text), in: session)
    }

    /// The route for a message already read; `ranked`, when the caller has
    /// it already, is ``rank(_:)`` of that reading, so it is not made twice.
    public func route(_ reading: Reading, ranked known: [Candidate]? = nil, in session: Session) -> (route: Route, candidates: [Candidate])
    {
        let words = reading.analysis.words
        if let chosen = pick(words, from: session.pendingChoice) {
            return (.intent(chosen), session.pendingChoice)
        }
        switch FollowUp.classify(words) {
        case .more?:
            if let next = nextIntent(after: session) { return (.intent(next), []) }
        case .shift(let subject)?:
            // "and coffee?" leans on the conversation too: see `leaning` below.
            let alone = rank(read(subject, forRoutingOnly: true, depth: reading.depth), outOfScopeByClosest: false)
            if let best = topics(alone).first, answersAlone(best, words: words) {
                return (decide(alone), alone)
            }
            if let previous = session.lastTopicQuestion {
                let combined = rank(
                    read(previous + " " + subject, forRoutingOnly: true, depth: reading.depth), outOfScopeByClosest: false)
                return (decide(combined), combined)
            }
        case nil:
            break
        }
        // A turn that leans on the conversation is ranked with the
        // out-of-scope class's words read as a whole: its one or two generic
        // words match some out-of-scope question closely and say nothing
        // (see ``IntentIndex/rank(analysis:outOfScopeByClosest:)``).
        let leaning = session.lastTopicQuestion != nil && FollowUp.leansOnContext(words)
        var ranked = leaning ? rank(reading, outOfScopeByClosest: false) : known ?? rank(reading)
        // A turn that leans on the conversation is read with the last topic
        // question ("how soon would I notice?"), but only when it would not
        // be answered on its own (``answersAlone(_:words:)``; an answer that
        // turns narrowly away from the last topic does not count), and not when it is
        // clearly out of scope alone ("what is the capital of peru", "how old
        // are you"), unless it points back ("is it forever?", "how much?").
        let pointsBack = FollowUp.pointsBack(words)
        let aloneBest = topics(ranked).first
        let answered = aloneBest.map { answersAlone($0, words: words) && !isWeakTurnAway($0, in: ranked, from: session) } ?? false
        if leaning, let previous = session.lastTopicQuestion, !answered, pointsBack || !isClearlyOutOfScope(known ?? rank(reading)) {
            ranked = blend(
                ranked, with: rank(read(previous + " " + reading.text, forRoutingOnly: true, depth: reading.depth)), weight: contextWeight)
        }
        // A turn that points back ("is it ok every day?") means
        // the last topic unless another is clearly better.
        if let last = session.lastTopicID, session.lastTopicQuestion != nil, pointsBack,
            let best = topics(ranked).first, best.pluginID != last,
            let same = ranked.first(where: { $0.pluginID == last }),
            best.score - same.score < contextPreference, same.score >= threshold / 2
        {
            var preferred = same
            // Ahead by the ambiguity gap: keeping the topic is a decision, not a tie to ask about.
            preferred.score = best.score + ambiguityGap
            ranked = [preferred] + ranked.filter { $0.pluginID != same.pluginID || $0.intentID != same.intentID }
        }
        let decided = decide(ranked)
        // In a conversation the article's subjects are already in play: a
        // turn that would get the fallback ("we mostly eat noodles at home,
        // fine or not?" after a question on the Mediterranean diet) is
        // answered by its best topic above ``contextThreshold``, unless the
        // out-of-scope class scores as well; small talk must pass the threshold.
        if case .fallback = decided, session.lastTopicID != nil,
            let best = topics(ranked).first, best.pluginID != CorePluginID.smallTalk, best.score >= contextThreshold,
            !ranked.contains(where: { $0.pluginID == Self.outOfScopeID && $0.score >= best.score })
        {
            return (.intent(best), ranked)
        }
        // Context told before the question ("I'm 45, two kids, always tired.
        // Does fibre help mood?") dilutes it: a message of several sentences
        // that gets the fallback is read again by its question alone.
        if case .fallback = decided, let question = Self.lastQuestion(in: reading.text) {
            let alone = rank(read(question, forRoutingOnly: true, depth: reading.depth))
            if case .intent(let best) = decide(alone), best.pluginID != CorePluginID.smallTalk {
                return (.intent(best), alone)
            }
        }
        return (decided, ranked)
    }

    /// The question of a message told in several sentences: its last
    /// sentence that asks (ends with "?"), else its last sentence; `nil` for
    /// a message of one sentence, or when that sentence has fewer than three
    /// words ("Thanks!" after the question says nothing about the topic).
    public static func lastQuestion(in text: String) -> String? {
        let sentences = sentences(in: text)
        guard sentences.count >= 2 else { return nil }
        let question = sentences.last { $0.hasSuffix("?") } ?? sentences[sentences.count - 1]
        let trimmed = question.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.split(separator: " ").count >= 3 ? trimmed : nil
    }

    /// The sentences of `text`: each ends at ".", "!" or "?" before a space
    /// or the end; blank ones are left out.
    public static func sentences(in text: String) -> [Substring] {
        var sentences: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if ".!?".contains(text[index]), next == text.endIndex || text[next].isWhitespace {
                sentences.append(text[start..<next])
                start = next
            }
            index = next
        }
        if start < text.endIndex { sentences.append(text[start...]) }
        return sentences.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// Whether a turn, ranked alone with the out-of-scope class scored by
    /// its closest example (`closest`), is out of scope by at least
    /// ``outOfScopeLead`` over every topic.
    private func isClearlyOutOfScope(_ closest: [Candidate]) -> Bool {
        guard let first = closest.first, first.pluginID == Self.outOfScopeID else { return false }
        return first.score - (topics(closest).first?.score ?? 0) >= outOfScopeLead
    }

    /// Whether `best` answers a turn that leans on the conversation without
    /// the last question: it must pass the threshold, and small talk must
    /// match well ("help", not "what can I do about it").
    private func answersAlone(_ best: Candidate, words: [String]) -> Bool {
        guard best.score >= threshold else { return false }
        guard best.pluginID == CorePluginID.smallTalk else { return true }
        let aboutUser = words.contains(where: Self.firstPerson.contains)
        return best.score >= (aboutUser ? smallTalkInContextAboutUser : smallTalkInContext)
    }

    /// Whether `best`, the answer a leaning turn gets alone (`ranked`),
    /// turns away from the conversation's topic only narrowly: it scores less
    /// than ``turnAwayScore`` and the last topic is within ``turnAwayLead``
    /// of it. "How long each day?" after a question on meditation matches
    /// exercise's "how many minutes a day" a little better than stress's
    /// breathing, and is read with the last question.
    private func isWeakTurnAway(_ best: Candidate, in ranked: [Candidate], from session: Session) -> Bool {
        guard let last = session.lastTopicID, best.pluginID != last, best.score < turnAwayScore,
            let same = ranked.first(where: { $0.pluginID == last })
        else { return false }
        return best.score - same.score < turnAwayLead
    }

    /// Words by which a turn speaks of the user.
    private static let firstPerson: Set<String> = ["i", "me", "my", "we", "us", "our", "im", "ive"]

    /// Every intent scored by words and meaning together, best first; ties
    /// keep the index's intent order. `outOfScopeByClosest` as in
    /// ``IntentIndex/rank(analysis:outOfScopeByClosest:)``, on both sides.
    public func rank(_ reading: Reading, outOfScopeByClosest: Bool = true) -> [Candidate] {
        let lexical = index.rank(analysis: reading.analysis, outOfScopeByClosest: outOfScopeByClosest)
        let intents = index.intents
        let calibration = meaning(reading.depth).calibration
        var byIntent = [Candidate?](repeating: nil, count: intents.count)
        for candidate in lexical {
            if let number = positions[candidate.pluginID + "/" + candidate.intentID] { byIntent[number] = candidate }
        }
        var ranked: [Candidate] = []
        ranked.reserveCapacity(intents.count)
        for (number, intent) in intents.enumerated() {
            let words = byIntent[number]?.score ?? 0
            var candidate = byIntent[number] ?? Candidate(pluginID: intent.pluginID, intentID: intent.intentID, score: 0)
            candidate.lexical = words
            if let similarity = reading.routingSimilarity {
                let meaning = semanticScore(
                    similarity, group: number, calibration: calibration, byClosest: outOfScopeByClosest && number == outOfScopeGroup)
                candidate.semantic = meaning
                let weight = calibration.semanticWeight
                candidate.score = Self.rounded((1 - weight) * words + weight * meaning)
            }
            guard candidate.score > 0 else { continue }
            ranked.append(candidate)
        }
        return sorted(ranked)
    }

    /// A group's meaning score: its closest example and its centroid, as the
    /// words side blends them (or its closest example alone, `byClosest`),
    /// rescaled so that the floor is 0.
    private func semanticScore(
        _ similarity: SemanticIndex.Similarity, group: Int, calibration: Calibration, byClosest: Bool
    ) -> Double {
        let share = byClosest ? 1 : Self.closestExampleShare
        let cosine = share * Double(similarity.closest[group]) + (1 - share) * Double(similarity.centroid[group])
        let floor = calibration.semanticFloor
        return max(0, min(1, (cosine - floor) / (1 - floor)))
    }

    /// `current` with `previous` mixed in at `weight`, intent by intent.
    private func blend(_ current: [Candidate], with previous: [Candidate], weight: Double) -> [Candidate] {
        var merged = [Candidate?](repeating: nil, count: positions.count)
        // The out-of-scope class keeps its own score: a short question about
        // something else ("what is the capital of peru") is not about the last topic.
        for candidate in current {
            guard let number = positions[candidate.pluginID + "/" + candidate.intentID] else { continue }
            var scaled = candidate
            if candidate.pluginID != Self.outOfScopeID { scaled.score *= 1 - weight }
            merged[number] = scaled
        }
        for candidate in previous where candidate.pluginID != Self.outOfScopeID {
            guard let number = positions[candidate.pluginID + "/" + candidate.intentID] else { continue }
            var entry = merged[number] ?? Candidate(pluginID: candidate.pluginID, intentID: candidate.intentID, score: 0)
            entry.score += weight * candidate.score
            merged[number] = entry
        }
        return sorted(
            merged.compactMap { candidate in
                guard var rounded = candidate else { return nil }
                rounded.score = Self.rounded(rounded.score)
                return rounded
            })
    }

    /// Best score first; `candidates` come in intent order, which breaks
    /// ties, so equal scores always rank the same way.
    private func sorted(_ candidates: [Candidate]) -> [Candidate] {
        candidates.enumerated().sorted { first, second in
            first.element.score != second.element.score
                ? first.element.score > second.element.score : first.offset < second.offset
        }.map(\.element)
    }

    /// Rounded to billionths, so that summing order can never flip a ranking.
    private static func rounded(_ score: Double) -> Double {
        (score * 1e9).rounded() / 1e9
    }

    /// Threshold, out-of-scope and ambiguity rules over one ranking.
    public func decide(_ ranked: [Candidate]) -> Route {
        let topicRanking = topics(ranked)
        guard let best = topicRanking.first, best.score >= threshold else {
            return .fallback(confidence: topicRanking.first?.score ?? 0)
        }
        if let top = ranked.first, top.pluginID == Self.outOfScopeID, top.score >= best.score {
            return .fallback(confidence: best.score)
        }
        if let rival = topicRanking.dropFirst().first(where: { $0.pluginID != best.pluginID }),
            rival.score >= threshold, best.score - rival.score < ambiguityGap
        {
            return .clarify(best, rival)
        }
        return .intent(best)
    }

    /// The topic candidates of a ranking, read lazily: deciding only ever
    /// looks at the first two, so the ranking is not copied.
    private func topics(_ ranked: [Candidate]) -> LazyFilterSequence<[Candidate]> {
        ranked.lazy.filter { $0.pluginID != Self.outOfScopeID }
    }

    /// The offered choice `words` pick, by position or by naming its topic.
    private func pick(_ words: [String], from offered: [Candidate]) -> Candidate? {
        guard !offered.isEmpty else { return nil }
        if let position = FollowUp.choice(words, among: offered.count) { return offered[position] }
        let said = Set(words)
        return offered.first { candidate in
            guard let plugin = plugins.first(where: { $0.id == candidate.pluginID }) else { return false }
            let names = Set(index.analyzer.normalizer.words(plugin.name + " " + plugin.id))
            return words.count <= 4 && !said.isDisjoint(with: names.subtracting(Stopwords.english))
        }
    }

    /// The intent "tell me more" leads to: the author's `follow_up`, else the
    /// next intent of the same plugin.
    private func nextIntent(after session: Session) -> Candidate? {
        guard let pluginID = session.lastTopicID, let intentID = session.lastIntentID,
            session.lastPluginID == pluginID,
            let plugin = plugins.first(where: { $0.id == pluginID }),
            let position = plugin.intents.firstIndex(where: { $0.id == intentID })
        else { return nil }
        let next =
            plugin.intents[position].followUp
            ?? plugin.intents[(position + 1) % plugin.intents.count].id
        return Candidate(pluginID: pluginID, intentID: next, score: 1)
    }
}
