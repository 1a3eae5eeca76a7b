import Foundation

/// Scores a message against every intent of every topic plugin at once.
///
/// One index over all plugins, rather than each plugin scoring alone, so that
/// term weights (TF-IDF over all examples) are shared and scores from
/// different plugins can be compared fairly.
public struct IntentIndex: Sendable {
    /// One intent, as the index knows it.
    struct Entry: Sendable {
        var pluginID: String
        var intentID: String
    }

    /// How questions and examples are read.
    public let analyzer: Analyzer
    private let speller: SpellingCorrector
    /// Every feature some example has, to its number; the arrays below are
    /// indexed by it, so a question's features are hashed once each.
    private let featureIDs: [String: Int]
    /// Each feature as written, for showing matched terms; numbers follow
    /// alphabetical order.
    private let featureNames: [String]
    private let idf: [Double]
    private let unknownIDF: Double
    private let entries: [Entry]
    /// The out-of-scope class's entry, if it has examples.
    private let outOfScopeEntry: Int?
    private let exampleEntry: [Int]
    /// The features of each example in alphabetical order, for showing matched terms.
    private let exampleFeatures: [[Int]]
    /// Examples by feature, weighted by their unit TF-IDF vectors.
    private let examplePostings: PostingLists
    /// Intents by feature, weighted by their centroids.
    private let centroidPostings: PostingLists

    /// How much the closest single example counts against the intent as a
    /// whole: a near-paraphrase should win, but an intent whose examples
    /// together cover the question should too.
    static let exampleShare = 0.4

    /// The intent id out-of-scope examples are filed under.
    public static let outOfScopeIntent = "out-of-scope"

    /// Builds the index over `plugins`' intents, plus `outOfScope` examples
    /// (questions the bot must not answer) filed under the fallback: a
    /// question closest to those is out of scope even if it shares a word
    /// with a topic.
    public init(plugins: [any Plugin], outOfScope: [String] = [], analyzer: Analyzer) {
        let groups = Self.groups(plugins: plugins, outOfScope: outOfScope)
        var documents: [[String: Double]] = []
        var owners: [Int] = []
        var entries: [Entry] = []
        var vocabulary: [String: Int] = [:]
        for (pluginID, intentID, examples) in groups {
            for example in examples {
                let analysis = analyzer.analyze(example)
                for word in analysis.words { vocabulary[word, default: 0] += 1 }
                documents.append(analysis.features)
                owners.append(entries.count)
            }
            entries.append(Entry(pluginID: pluginID, intentID: intentID))
        }
        for word in analyzer.lexicon.phraseWords { vocabulary[word, default: 0] += 1 }

        var documentFrequency: [String: Int] = [:]
        for document in documents {
            for feature in document.keys { documentFrequency[feature, default: 0] += 1 }
        }
        let total = Double(documents.count)
        let idf = documentFrequency.mapValues { log((total + 1) / (Double($0) + 1)) + 1 }
        let featureNames = idf.keys.sorted()
        let featureIDs = Dictionary(uniqueKeysWithValues: featureNames.enumerated().map { ($1, $0) })

        let vectors = documents.map { Self.weigh($0, idf: idf) }
        var sums = [[String: Double]](repeating: [:], count: entries.count)
        var examplePostings = [[(document: Int, weight: Double)]](repeating: [], count: featureNames.count)
        for (example, vector) in vectors.enumerated() {
            for (feature, weight) in vector {
                examplePostings[featureIDs[feature]!].append((example, weight))
                sums[owners[example]][feature, default: 0] += weight
            }
        }
        var centroidPostings = [[(document: Int, weight: Double)]](repeating: [], count: featureNames.count)
        for entry in entries.indices {
            for (feature, weight) in Self.normalized(sums[entry]) {
                centroidPostings[featureIDs[feature]!].append((entry, weight))
            }
        }

        self.analyzer = analyzer
        self.speller = SpellingCorrector(vocabulary: vocabulary)
        self.featureIDs = featureIDs
        self.featureNames = featureNames
        self.idf = featureNames.map { idf[$0]! }
        self.unknownIDF = log(total + 1) + 1
        self.entries = entries
        outOfScopeEntry = entries.firstIndex { $0.pluginID == Router.outOfScopeID }
        self.exampleEntry = owners
        // Numbered in sorted order, so these lists are also in alphabetical order.
        self.exampleFeatures = vectors.map { $0.keys.map { featureIDs[$0]! }.sorted() }
        self.examplePostings = PostingLists(examplePostings)
        self.centroidPostings = PostingLists(centroidPostings)
    }

    /// Every intent's examples, in the index's order: each plugin's intents,
    /// then the out-of-scope examples as one more group when there are any.
    /// The semantic side lays out its groups the same way.
    public static func groups(plugins: [any Plugin], outOfScope: [String])
        -> [(pluginID: String, intentID: String, examples: [String])]
    {
        var groups = plugins.flatMap { plugin in plugin.intents.map { (plugin.id, $0.id, $0.examples) } }
        if !outOfScope.isEmpty { groups.append((Router.outOfScopeID, Self.outOfScopeIntent, outOfScope)) }
        return groups
    }

    /// The intents in index order, as (plugin, intent) pairs.
    public var intents: [(pluginID: String, intentID: String)] {
        entries.map { ($0.pluginID, $0.intentID) }
    }

    /// Analyzes `text` the way the index reads questions (with spelling correction).
    public func analyze(_ text: String) -> Analyzer.Analysis {
        analyzer.analyze(text, speller: speller)
    }

    /// Every intent that shares anything with `text`, best first; ties keep
    /// plugin and intent order, so the same text always ranks the same way.
    public func rank(_ text: String) -> [Candidate] {
        rank(analysis: analyze(text))
    }

    /// The ranking for an analysis already made. The out-of-scope class is
    /// many unrelated questions, so its centroid means nothing: it is scored
    /// by its closest example alone, unless `outOfScopeByClosest` is false
    /// (for a turn read in context, whose few generic words, "how often?",
    /// match some out-of-scope question closely and say nothing).
    public func rank(analysis: Analyzer.Analysis, outOfScopeByClosest: Bool = true) -> [Candidate] {
        // The question's TF-IDF vector, made unit length below. A feature no
        // example uses gets `unknownIDF`: it can never match, but it still
        // counts in the length, so a question mostly about something else scores low.
        var terms: [(feature: Int, weight: Double)] = []
        terms.reserveCapacity(analysis.features.count)
        var squares = 0.0
        for (feature, count) in analysis.features {
            let id = featureIDs[feature]
            let weight = Self.termWeight(count: count, idf: id.map { idf[$0] } ?? unknownIDF)
            guard weight > 0 else { continue }
            squares += weight * weight
            if let id { terms.append((id, weight)) }
        }
        let length = squares.squareRoot()
        guard length > 0, !terms.isEmpty else { return [] }
        // Scores accumulate through the postings, so only examples and intents
        // sharing a feature with the question are ever touched.
        var exampleScores = [Double](repeating: 0, count: exampleEntry.count)
        var centroidScores = [Double](repeating: 0, count: entries.count)
        var touched: [Int] = []
        touched.reserveCapacity(exampleEntry.count)
        for term in terms {
            let weight = term.weight / length
            examplePostings.add(term.feature, weight: weight, to: &exampleScores, touched: &touched)
            centroidPostings.add(term.feature, weight: weight, to: &centroidScores)
        }
        // Each intent's closest example; of equal ones, the first.
        var bestExample = [Int](repeating: -1, count: entries.count)
        for example in touched {
            let entry = exampleEntry[example]
            let best = bestExample[entry]
            if best < 0 || exampleScores[example] > exampleScores[best]
                || (exampleScores[example] == exampleScores[best] && example < best)
            {
                bestExample[entry] = example
            }
        }
        // Rounded so that the order dictionaries happen to sum in cannot
        // change a score's last bits, and so a ranking or a tie. A rounded
        // score is a whole number of billionths from 0 to 1e9, so it fits in
        // one integer sort key with the intent's position: best score first,
        // then intent order, sorted without a comparison closure.
        var scores = [Double](repeating: 0, count: entries.count)
        var order: [UInt64] = []
        order.reserveCapacity(entries.count)
        for (entry, example) in bestExample.enumerated() where example >= 0 {
            let share = entry == outOfScopeEntry && outOfScopeByClosest ? 1 : Self.exampleShare
            let blended = share * exampleScores[example] + (1 - share) * centroidScores[entry]
            let billionths = min(1e9, max(0, (blended * 1e9).rounded()))
            scores[entry] = billionths / 1e9
            order.append(UInt64(1e9 - billionths) << 32 | UInt64(entry))
        }
        order.sort()
        return order.enumerated().map { position, key in
            let entry = Int(key & 0xFFFF_FFFF)
            let example = bestExample[entry]
            // Matched terms only for the few candidates anyone will read.
            let shared =
                position < Self.explainedCandidates
                ? exampleFeatures[example].filter { id in terms.contains { $0.feature == id } }.map { featureNames[$0] }
                : []
            return Candidate(
                pluginID: entries[entry].pluginID, intentID: entries[entry].intentID,
                score: scores[entry], matchedTerms: shared)
        }
    }

    /// How many of the best candidates carry their matched terms.
    static let explainedCandidates = 5

    /// Sublinear TF times IDF: a feature said twice counts more, but not twice as much.
    private static func termWeight(count: Double, idf: Double) -> Double {
        (1 + log(max(count, 1))) * idf * min(count, 1)
    }

    /// An example's features weighted by ``termWeight(count:idf:)``, unit length.
    private static func weigh(_ features: [String: Double], idf: [String: Double]) -> [String: Double] {
        var vector: [String: Double] = [:]
        for (feature, count) in features {
            let weight = idf[feature] ?? 0
            guard weight > 0 else { continue }
            vector[feature] = termWeight(count: count, idf: weight)
        }
        return normalized(vector)
    }

    private static func normalized(_ vector: [String: Double]) -> [String: Double] {
        let length = vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard length > 0 else { return [:] }
        return vector.mapValues { $0 / length }
    }
}
