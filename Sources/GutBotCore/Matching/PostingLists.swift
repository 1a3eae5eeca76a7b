/// For every feature, the documents that use it and with what weight: the
/// inverted index ``IntentIndex`` scores through. Features and documents are
/// numbered, and all lists share three flat arrays, so scoring a question
/// hashes each of its features once and then only walks arrays.
struct PostingLists: Sendable {
    /// Where each feature's postings start; feature `f`'s are `starts[f]..<starts[f + 1]`.
    private let starts: [Int]
    /// The document of each posting.
    private let documents: [Int]
    /// The feature's weight in that document.
    private let weights: [Double]

    /// Lists from one array of `(document, weight)` postings per feature
    /// (the array index is the feature's number), kept in the order given.
    init(_ lists: [[(document: Int, weight: Double)]]) {
        var starts = [0]
        starts.reserveCapacity(lists.count + 1)
        var documents: [Int] = []
        var weights: [Double] = []
        for list in lists {
            for posting in list {
                documents.append(posting.document)
                weights.append(posting.weight)
            }
            starts.append(documents.count)
        }
        self.starts = starts
        self.documents = documents
        self.weights = weights
    }

    /// Adds `weight` times the feature's weight in each document that uses
    /// `feature` to that document's score.
    func add(_ feature: Int, weight: Double, to scores: inout [Double]) {
        for posting in starts[feature]..<starts[feature + 1] {
            scores[documents[posting]] += weight * weights[posting]
        }
    }

    /// ``add(_:weight:to:)``, also listing in `touched` each document whose
    /// score this makes non-zero for the first time.
    func add(_ feature: Int, weight: Double, to scores: inout [Double], touched: inout [Int]) {
        for posting in starts[feature]..<starts[feature + 1] {
            let document = documents[posting]
            if scores[document] == 0 { touched.append(document) }
            scores[document] += weight * weights[posting]
        }
    }
}
