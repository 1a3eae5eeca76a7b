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
        var centroid: [String: Double]
    }

    private struct Posting: Sendable {
        var example: Int
        var weight: Double
    }

    /// How questions and examples are read.
    public let analyzer: Analyzer
    private let speller: SpellingCorrector
    private let idf: [String: Double]
    private let unknownIDF: Double
    private let entries: [Entry]
    private let exampleEntry: [Int]
    private let exampleVectors: [[String: Double]]
    private let postings: [String: [Posting]]
    /// Like `postings`, for intents' centroids; `example` holds the intent's index.
    private let centroidPostings: [String: [Posting]]

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
        var groups = plugins.flatMap { plugin in plugin.intents.map { (plugin.id, $0.id, $0.examples) } }
        if !outOfScope.isEmpty { groups.append((Router.outOfScopeID, Self.outOfScopeIntent, outOfScope)) }
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
            entries.append(Entry(pluginID: pluginID, intentID: intentID, centroid: [:]))
        }
        for word in analyzer.lexicon.phraseWords { vocabulary[word, default: 0] += 1 }

        var documentFrequency: [String: Int] = [:]
        for document in documents {
            for feature in document.keys { documentFrequency[feature, default: 0] += 1 }
        }
        let total = Double(documents.count)
        let idf = documentFrequency.mapValues { log((total + 1) / (Double($0) + 1)) + 1 }

        let vectors = documents.map { Self.weigh($0, idf: idf) }
        var sums = [[String: Double]](repeating: [:], count: entries.count)
        var postings: [String: [Posting]] = [:]
        for (example, vector) in vectors.enumerated() {
            for (feature, weight) in vector {
                postings[feature, default: []].append(Posting(example: example, weight: weight))
                sums[owners[example]][feature, default: 0] += weight
            }
        }
        var centroidPostings: [String: [Posting]] = [:]
        for index in entries.indices {
            entries[index].centroid = Self.normalized(sums[index])
            for (feature, weight) in entries[index].centroid {
                centroidPostings[feature, default: []].append(Posting(example: index, weight: weight))
            }
        }

        self.analyzer = analyzer
        self.speller = SpellingCorrector(vocabulary: vocabulary)
        self.idf = idf
        self.unknownIDF = log(total + 1) + 1
        self.entries = entries
        self.exampleEntry = owners
        self.exampleVectors = vectors
        self.postings = postings
        self.centroidPostings = centroidPostings
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

    /// The ranking for an analysis already made.
    public func rank(analysis: Analyzer.Analysis) -> [Candidate] {
        let query = Self.weigh(analysis.features, idf: idf, unknownIDF: unknownIDF)
        guard query.keys.contains(where: { idf[$0] != nil }) else { return [] }
        // Scores accumulate through the postings, so only examples and intents
        // sharing a feature with the question are ever touched.
        var exampleScores = [Double](repeating: 0, count: exampleEntry.count)
        var centroidScores = [Double](repeating: 0, count: entries.count)
        var touched: [Int] = []
        for (feature, weight) in query {
            for posting in postings[feature] ?? [] {
                if exampleScores[posting.example] == 0 { touched.append(posting.example) }
                exampleScores[posting.example] += weight * posting.weight
            }
            for posting in centroidPostings[feature] ?? [] {
                centroidScores[posting.example] += weight * posting.weight
            }
        }
        var bestExample = [Int](repeating: -1, count: entries.count)
        for example in touched.sorted() {
            let entry = exampleEntry[example]
            if bestExample[entry] < 0 || exampleScores[example] > exampleScores[bestExample[entry]] {
                bestExample[entry] = example
            }
        }
        var ranked: [(entry: Int, example: Int, score: Double)] = []
        for (entry, example) in bestExample.enumerated() where example >= 0 {
            // Rounded so that the order dictionaries happen to sum in cannot
            // change a score's last bits, and so a ranking or a tie.
            let blended = Self.exampleShare * exampleScores[example] + (1 - Self.exampleShare) * centroidScores[entry]
            ranked.append((entry, example, min(1, max(0, (blended * 1e9).rounded() / 1e9))))
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.entry < $1.entry }
        return ranked.enumerated().map { position, item in
            let entry = entries[item.entry]
            // Matched terms only for the few candidates anyone will read.
            let shared = position < Self.explainedCandidates
                ? exampleVectors[item.example].keys.filter { query[$0] != nil }.sorted() : []
            return Candidate(pluginID: entry.pluginID, intentID: entry.intentID, score: item.score, matchedTerms: shared)
        }
    }

    /// How many of the best candidates carry their matched terms.
    static let explainedCandidates = 5

    /// Sublinear TF times IDF, unit length. A feature no example uses gets
    /// `unknownIDF`: it can never match, but it still counts in the length, so
    /// a question mostly about something else scores low.
    private static func weigh(_ features: [String: Double], idf: [String: Double], unknownIDF: Double = 0) -> [String: Double] {
        var vector: [String: Double] = [:]
        for (feature, count) in features {
            let weight = idf[feature] ?? unknownIDF
            guard weight > 0 else { continue }
            vector[feature] = (1 + log(max(count, 1))) * weight * min(count, 1)
        }
        return normalized(vector)
    }

    private static func normalized(_ vector: [String: Double]) -> [String: Double] {
        let length = vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard length > 0 else { return [:] }
        return vector.mapValues { $0 / length }
    }
}
