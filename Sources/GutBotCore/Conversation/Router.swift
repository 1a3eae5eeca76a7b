/// Decides which intent answers a message: pending choices and follow-ups
/// first, then the index's ranking with its threshold and ambiguity rules.
///
/// Pure: the same message in the same session state gives the same route.
public struct Router: Sendable {
    /// The plugin id that out-of-scope examples are filed under in the index.
    public static let outOfScopeID = "fallback"

    /// The index over every topic intent and the out-of-scope examples.
    public let index: IntentIndex
    /// Topic plugins, for follow-up intents.
    public let plugins: [any Plugin]
    /// Below this score a question is out of scope.
    public var threshold = 0.21
    /// Two topics closer than this are too close to call: ask instead.
    public var ambiguityGap = 0.02

    /// A router over `index` and `plugins`.
    public init(index: IntentIndex, plugins: [any Plugin]) {
        self.index = index
        self.plugins = plugins
    }

    /// The route for `text` in `session`, and the ranking it came from.
    public func route(_ text: String, in session: Session) -> (route: Route, candidates: [Candidate]) {
        let analysis = index.analyze(text)
        let words = analysis.words
        if let chosen = pick(words, from: session.pendingChoice) {
            return (.intent(chosen), session.pendingChoice)
        }
        switch FollowUp.classify(words) {
        case .more?:
            if let next = nextIntent(after: session) { return (.intent(next), []) }
        case .shift(let subject)?:
            let alone = index.rank(subject)
            if let best = topics(alone).first, best.score >= threshold {
                return (decide(alone), alone)
            }
            if let previous = session.lastTopicQuestion {
                let combined = index.rank(previous + " " + subject)
                return (decide(combined), combined)
            }
        case nil:
            break
        }
        let ranked = index.rank(analysis: analysis)
        return (decide(ranked), ranked)
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
           rival.score >= threshold, best.score - rival.score < ambiguityGap {
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
              let position = plugin.intents.firstIndex(where: { $0.id == intentID }) else { return nil }
        let next = plugin.intents[position].followUp
            ?? plugin.intents[(position + 1) % plugin.intents.count].id
        return Candidate(pluginID: pluginID, intentID: next, score: 1)
    }
}
