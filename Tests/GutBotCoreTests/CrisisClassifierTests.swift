import Foundation
import GutBotCore
import GutBotTestSupport
import Testing

/// The crisis classifier behind the safety net: it learns which side of the
/// space crisis lines lie on, its file reads back as written and refuses
/// damage, the shipped one matches the shipped model and examples, and the
/// net fires on its lean only where the calibration says.
@Suite struct CrisisClassifierTests {
    /// Unit vectors in three dimensions: crisis lines lean towards the first
    /// axis, benign ones towards the second, each with some spread.
    static func toyExamples() -> (vectors: [[Float]], crisis: [Bool]) {
        func normalized(_ vector: [Float]) -> [Float] {
            let length = vector.map { $0 * $0 }.reduce(0, +).squareRoot()
            return vector.map { $0 / length }
        }
        var vectors: [[Float]] = []
        var crisis: [Bool] = []
        for step in 0..<20 {
            let wobble = Float(step) / 40
            vectors.append(normalized([1, wobble, 0.3 - wobble]))
            crisis.append(true)
            for turn in 0..<3 {
                vectors.append(normalized([wobble * Float(turn) / 3, 1, wobble - 0.2]))
                crisis.append(false)
            }
        }
        return (vectors, crisis)
    }

    @Test func itLearnsWhichSideCrisisLinesLieOn() {
        let (vectors, crisis) = Self.toyExamples()
        let (weights, bias) = CrisisClassifier.train(vectors: vectors, crisis: crisis)
        let classifier = CrisisClassifier(weights: weights, bias: bias, modelChecksum: "", examplesDigest: "")
        for (vector, isCrisis) in zip(vectors, crisis) {
            let lean = try! #require(classifier.lean(vector))
            #expect(isCrisis ? lean > 0 : lean < 0, "\(vector) leans \(lean)")
        }
        #expect(classifier.lean([1, 0]) == nil, "a vector of other dimensions leans nowhere")
        // The same examples always give the same classifier.
        #expect(CrisisClassifier.train(vectors: vectors, crisis: crisis) == (weights, bias))
    }

    @Test func withOneClassOnlyItLeansNowhere() {
        let (weights, bias) = CrisisClassifier.train(vectors: [[1, 0], [0, 1]], crisis: [true, true])
        #expect(weights == [0, 0] && bias == 0)
    }

    static func fileBytes() -> [UInt8] {
        CrisisClassifier(
            weights: [0.5, -1.25, 3], bias: -0.75, modelChecksum: String(repeating: "ab", count: 32),
            examplesDigest: String(repeating: "0f", count: 32)
        ).file
    }

    @Test func itsFileReadsBackAsWritten() throws {
        let classifier = try CrisisClassifier(bytes: Self.fileBytes())
        #expect(classifier.weights == [0.5, -1.25, 3])
        #expect(classifier.bias == -0.75)
        #expect(classifier.modelChecksum == String(repeating: "ab", count: 32))
        #expect(classifier.examplesDigest == String(repeating: "0f", count: 32))
        let lean = try #require(classifier.lean([1, 1, 1]))
        #expect(abs(lean - 1.5) < 1e-6, "the weighted sum plus the bias: \(lean)")
    }

    @Test(arguments: VectorStoreTests.Damage.allCases)
    func damagedFilesAreRefused(damage: VectorStoreTests.Damage) {
        #expect(throws: ModelFormatError.self, "\(damage)") { try CrisisClassifier(bytes: damage.apply(to: Self.fileBytes())) }
    }

    @Test func theShippedClassifierMatchesTheShippedModelAndExamples() throws {
        let models = TestPackage.modelDirectory
        let classifier = try CrisisClassifier.load(path: models + "/" + CrisisClassifier.name)
        let model = try TransformerModelFile.load(path: models + "/" + TransformerModelFile.name)
        #expect(classifier.modelChecksum == model.checksum, "run `gutbot vectors` after changing the model")
        #expect(classifier.weights.count == TransformerEncoder(model: model).dimensions)
        let examples = ShippedEngine.engine.classifierExamples
        #expect(
            classifier.examplesDigest == CrisisClassifier.digest(of: examples),
            "run `gutbot vectors` after changing examples or safety tables")
        #expect(examples.contains { $0.crisis } && examples.contains { !$0.crisis })
    }

    @Test func aChangedExampleChangesTheDigest() {
        let examples = [(text: "i want to end it all", crisis: true), (text: "does fiber help my mood", crisis: false)]
        let digest = CrisisClassifier.digest(of: examples)
        #expect(digest.count == 64)
        #expect(CrisisClassifier.digest(of: [examples[0], (text: examples[1].text, crisis: true)]) != digest)
        #expect(CrisisClassifier.digest(of: [examples[0], (text: "does fibre help my mood", crisis: false)]) != digest)
    }

    /// A net with one crisis line and one benign line, read with the
    /// transformer's calibration: the lean counts only in a message of
    /// `minimumLeanWords` or more, with the crisis line no more than
    /// `leanMargin` behind the benign text; a close crisis line needs neither.
    /// The message's vector is (x, y): its cosines with the two lines.
    @Test(
        arguments: [
            (lean: Float(2.0), x: Float(0.70), y: Float(0.714), words: 9, fires: true),
            (lean: 2.0, x: 0.6, y: 0.8, words: 12, fires: false),
            (lean: 1.0, x: 0.70, y: 0.714, words: 12, fires: false),
            (lean: 2.0, x: 0.70, y: 0.714, words: 8, fires: false),
            (lean: -3.0, x: 0.8, y: 0.6, words: 5, fires: true),
        ] as [(lean: Float, x: Float, y: Float, words: Int, fires: Bool)])
    func theNetFiresOnTheLeanOnlyWhereTheCalibrationSays(lean: Float, x: Float, y: Float, words: Int, fires: Bool) {
        let net = SafetyNet(lines: [
            .init(kind: .crisis, category: "suicidal", text: "a"), .init(kind: .benign, category: "benign", text: "b"),
        ])
        let index = SemanticIndex(vectors: [[[1, 0]], [[0, 1]], []], dimensions: 2)
        let judgement = net.judge(
            index.similarity(to: [x, y]), calibration: .transformer, offset: 0, alsoBenign: 0..<0, words: words, lean: lean)
        #expect((judgement.crisisCategory != nil) == fires)
        #expect(judgement.lean == lean)
    }
}
