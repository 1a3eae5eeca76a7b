import CTransformerKernels
import Crypto
import Foundation
import GutBotTestSupport
import Testing

@testable import GutBotCore

/// The transformer encoder against the Python reference, and its model file against damage.
@Suite struct TransformerEncoderTests {
    /// One line of `Tests/Fixtures/transformer-fixture.tsv`, written by `Models/build_transformer.py`.
    struct FixtureLine: Sendable, CustomTestStringConvertible {
        var text: String
        /// `[CLS]`, the word pieces, `[SEP]`, as the model reads them.
        var tokenIDs: [Int32]
        /// sentence-transformers' own float32 embedding.
        var reference: [Float]
        /// The same network over the model file's dequantised weights: what Swift must reproduce.
        var dequantised: [Float]
        var line: Int
        var testDescription: String { "line \(line): \"\(text.prefix(60))\"" }
    }

    /// The lowest cosine between the float reference and the dequantised pass over the fixture
    /// (0.996005, printed by `build_transformer.py`), rounded down: int8 weights cost this much.
    static let quantisationCosine: Float = 0.996

    static let modelPath = TestPackage.root.appendingPathComponent("Models/\(TransformerModelFile.name)").path

    static let model: TransformerModelFile = {
        do {
            return try TransformerModelFile.load(path: modelPath)
        } catch {
            fatalError("the shipped transformer model must load: \(error)")
        }
    }()

    static let encoder = TransformerEncoder(model: model)

    static let fixture: [FixtureLine] = {
        let url = TestPackage.root.appendingPathComponent("Tests/Fixtures/transformer-fixture.tsv")
        guard let data = try? Data(contentsOf: url) else { return [] }
        // Split on bytes, not Characters: a text may start with a combining mark,
        // which would join the tab before it into one Character.
        func floats(_ field: ArraySlice<UInt8>) -> [Float] {
            field.split(separator: UInt8(ascii: ",")).compactMap { Float(String(decoding: $0, as: UTF8.self)) }
        }
        return [UInt8](data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
            .compactMap { number, line in
                guard line.first != UInt8(ascii: "#"), !line.isEmpty else { return nil }
                let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                guard fields.count == 4 else { return nil }
                let ids = fields[1].split(separator: UInt8(ascii: " ")).compactMap { Int32(String(decoding: $0, as: UTF8.self)) }
                return FixtureLine(
                    text: String(decoding: fields[0], as: UTF8.self), tokenIDs: ids, reference: floats(fields[2]),
                    dequantised: floats(fields[3]), line: number + 1)
            }
    }()

    static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        var dot: Float = 0
        var aa: Float = 0
        var bb: Float = 0
        for (x, y) in zip(a, b) {
            dot += x * y
            aa += x * x
            bb += y * y
        }
        return dot / (aa * bb).squareRoot()
    }

    @Test func theFixtureHasTheTextsAndTheModelItsShape() {
        #expect(Self.fixture.count >= 150)
        #expect(Self.fixture.allSatisfy { $0.reference.count == 384 && $0.dequantised.count == 384 })
        #expect(Self.encoder.dimensions == 384)
        #expect(Self.encoder.maxTokens == 256)
        #expect(Self.model.layers.count == 6)
        #expect(Self.model.shape.heads == 12)
    }

    @Test(arguments: fixture)
    func tokensAndVectorMatchTheReference(_ line: FixtureLine) throws {
        let unknown = Self.encoder.tokenizer.unknownID
        // The ids minus [CLS] and [SEP]: with no known piece there is no vector.
        let pieces = line.tokenIDs.dropFirst().dropLast()
        guard pieces.contains(where: { $0 != unknown }) else {
            #expect(Self.encoder.modelInput(line.text) == nil)
            #expect(Self.encoder.encode(line.text) == nil)
            return
        }
        #expect(Self.encoder.modelInput(line.text) == line.tokenIDs)
        let vector = try #require(Self.encoder.encode(line.text))
        try #require(vector.count == 384)
        let dequantised = Self.cosine(vector, line.dequantised)
        #expect(dequantised >= 0.9999, "cosine to the dequantised pass \(dequantised)")
        // sentence-transformers' tokenizer reads a typed "[CLS]", "[UNK]"... as the special token;
        // gutbot reads it as text, so those lines only have a reference of their own.
        let typesASpecialToken = ["[CLS]", "[SEP]", "[UNK]", "[PAD]", "[MASK]"].contains { line.text.contains($0) }
        if !typesASpecialToken {
            let reference = Self.cosine(vector, line.reference)
            #expect(reference >= Self.quantisationCosine, "cosine to sentence-transformers \(reference)")
        }
    }

    @Test func aBatchEncodesAsOneAtATime() throws {
        // The fixture's texts twice, the second time backwards: more tokens than one
        // pass takes, so each text is packed among different neighbours each time.
        let unique = Self.fixture.map(\.text) + ["", "!!!", "does fibre help my mood"]
        let texts = unique + unique.reversed()
        let single = Dictionary(unique.map { ($0, Self.encoder.encode($0)) }, uniquingKeysWith: { first, _ in first })
        let batch = Self.encoder.encode(batch: texts)
        try #require(batch.count == texts.count)
        for (text, batched) in zip(texts, batch) {
            let alone = single[text] ?? nil
            #expect((alone == nil) == (batched == nil), "\(text)")
            if let alone, let batched {
                let cosine = Self.cosine(alone, batched)
                #expect(cosine >= 0.99999, "\(text): cosine \(cosine)")
            }
        }
        #expect(Self.encoder.encode(batch: []).isEmpty)
    }

    @Test func vectorsAreUnitLengthDeterministicAndSafeToShare() async throws {
        let text = "does fiber help my mood"
        let first = try #require(Self.encoder.encode(text))
        let length = first.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(length - 1) < 1e-4)
        // The same vector from many threads at once: each call has its own buffers.
        let vectors = await withTaskGroup(of: [Float]?.self) { group in
            for _ in 0..<8 { group.addTask { Self.encoder.encode(text) } }
            return await group.reduce(into: [[Float]?]()) { $0.append($1) }
        }
        #expect(vectors.allSatisfy { $0 == first })
    }

    @Test func geluUsesErfToFloatPrecision() {
        var worst: Double = 0
        var x: Float = -8
        while x <= 8 {
            worst = max(worst, abs(Double(TransformerEncoder.erf(x)) - Foundation.erf(Double(x))))
            x += 1 / 1024
        }
        #expect(worst < 5e-7, "largest error \(worst)")
    }

    /// Every kernel this processor can run (AVX-512, AVX2, plain C) computes the same dense
    /// layer, sizes that are not a multiple of any vector's width included: only one of them
    /// runs on a given machine, so the others are checked here against a double-precision product.
    @Test(arguments: [[1, 19, 7], [5, 40, 33], [7, 16, 6], [3, 17, 1], [13, 384, 40], [2, 1536, 9]])
    func everyKernelComputesTheSameLayer(_ shape: [Int]) throws {
        let (rows, inputs, outputs) = (shape[0], shape[1], shape[2])
        let weights = (0..<(outputs * inputs)).map { Int8(truncatingIfNeeded: ($0 * 7919 + 13) % 255 - 127) }
        let input = (0..<(rows * inputs)).map { Float(($0 * 31) % 200 - 100) / 100 }
        let scales = (0..<outputs).map { Float($0 % 7 + 1) / 100 }
        let bias = (0..<outputs).map { Float($0) / 10 }
        // Each product in double precision, and the sum of its terms' sizes, which bounds float rounding.
        var reference = [Double](repeating: 0, count: rows * outputs)
        var size = [Double](repeating: 0, count: rows * outputs)
        for row in 0..<rows {
            for output in 0..<outputs {
                var dot = 0.0
                var terms = 0.0
                for k in 0..<inputs {
                    let term = Double(input[row * inputs + k]) * Double(weights[output * inputs + k])
                    dot += term
                    terms += abs(term)
                }
                reference[row * outputs + output] = Double(bias[output]) + Double(scales[output]) * dot
                size[row * outputs + output] = abs(Double(bias[output])) + Double(scales[output]) * terms
            }
        }
        var ran = 0
        for kernel in [gb_kernel_generic, gb_kernel_avx2, gb_kernel_avx512] {
            var products = [Float](repeating: .nan, count: rows * outputs)
            guard
                gb_linear_q8_on(
                    kernel, input, Int32(rows), Int32(inputs), weights, scales, bias, Int32(outputs), &products) == 1
            else { continue }
            ran += 1
            let worst = products.indices.map { abs(Double(products[$0]) - reference[$0]) / max(1, size[$0]) }.max() ?? 0
            #expect(worst < 1e-5, "kernel \(kernel.rawValue): largest relative error \(worst)")
        }
        #expect(ran >= 1)
    }

    /// A product large enough to be shared with a second core (`gb_linear_q8`
    /// hands the second half of its output features to a helper thread) is
    /// the same, bit for bit, as this processor's kernel computing it alone:
    /// each feature is computed by the same code either way. Repeated, so
    /// that the helper is found both asleep and spinning.
    @Test func aProductOnTwoCoresIsTheProductOnOne() throws {
        let (rows, inputs, outputs) = (16, 384, 390)
        let weights = (0..<(outputs * inputs)).map { Int8(truncatingIfNeeded: ($0 * 7919 + 13) % 255 - 127) }
        let input = (0..<(rows * inputs)).map { Float(($0 * 31) % 200 - 100) / 100 }
        let scales = (0..<outputs).map { Float($0 % 7 + 1) / 100 }
        let bias = (0..<outputs).map { Float($0) / 10 }
        let kernels = ["generic": gb_kernel_generic, "avx2": gb_kernel_avx2, "avx512": gb_kernel_avx512]
        let kernel = try #require(kernels[String(cString: gb_kernel_name())])
        var alone = [Float](repeating: .nan, count: rows * outputs)
        #expect(
            gb_linear_q8_on(kernel, input, Int32(rows), Int32(inputs), weights, scales, bias, Int32(outputs), &alone) == 1)
        for _ in 0..<50 {
            var shared = [Float](repeating: .nan, count: rows * outputs)
            gb_linear_q8(input, Int32(rows), Int32(inputs), weights, scales, bias, Int32(outputs), &shared)
            #expect(shared.map(\.bitPattern) == alone.map(\.bitPattern))
        }
    }

    @Test func meaningComesFromContext() throws {
        func cosine(_ a: String, _ b: String) throws -> Float {
            Self.cosine(try #require(Self.encoder.encode(a)), try #require(Self.encoder.encode(b)))
        }
        #expect(
            try cosine("does jogging help my gut bacteria", "can running change the microbiome")
                > cosine("does jogging help my gut bacteria", "how many hours should I sleep"))
        #expect(
            try cosine("I don't want to be here anymore", "I wish I could disappear forever")
                > cosine("I don't want to be here anymore", "which yogurt has live cultures"))
    }

    @Test(arguments: [
        "", "   ", "\u{0}\u{1}\u{7}", "😀🙂", "\u{200B}", "!!!", "?", "...", "\u{202E}abc", String(repeating: "x", count: 5_000),
        String(repeating: "gut ", count: 25_000), String(repeating: "é!😀 ", count: 20_000),
    ])
    func oddInputNeverTraps(_ text: String) {
        guard let vector = Self.encoder.encode(text) else { return }
        #expect(vector.count == Self.encoder.dimensions)
        let finite = vector.allSatisfy { $0.isFinite }
        #expect(finite)
        let length = vector.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(length - 1) < 1e-4)
    }

    @Test func nothingReadableHasNoVectorAndPunctuationHasOne() throws {
        #expect(Self.encoder.encode("") == nil)
        #expect(Self.encoder.encode("  \n\t ") == nil)
        #expect(Self.encoder.encode("😀") == nil)
        #expect(Self.encoder.encode("!!!") != nil)
        // A 100 KB message is read up to the 254th word piece, like sentence-transformers.
        let huge = String(repeating: "my gut hurts ", count: 8_000)
        #expect(huge.utf8.count > 100_000)
        #expect(Self.encoder.modelInput(huge)?.count == 256)
        let cut = String(repeating: "my gut hurts ", count: 85)
        let hugeVector = try #require(Self.encoder.encode(huge))
        let cutVector = try #require(Self.encoder.encode(cut))
        #expect(Self.cosine(hugeVector, cutVector) > 0.99999)
    }

    /// Ways a model file can be damaged.
    enum Damage: String, CaseIterable, Sendable {
        case empty, wrongMagic, truncated, cutAtTheEnd, flippedWeightByte, flippedHeaderByte, flippedChecksumByte

        func apply(to bytes: [UInt8]) -> [UInt8] {
            var copy = bytes
            switch self {
            case .empty: return []
            case .wrongMagic: copy.replaceSubrange(0..<8, with: Array("GBMODEL1".utf8))
            case .truncated: return Array(bytes.prefix(bytes.count / 2))
            case .cutAtTheEnd: return Array(bytes.dropLast())
            case .flippedWeightByte: copy[bytes.count / 2] ^= 0x55
            case .flippedHeaderByte: copy[12] ^= 0x01
            case .flippedChecksumByte: copy[bytes.count - 1] ^= 0x01
            }
            return copy
        }

        /// What the refusal must say.
        var reason: String {
            switch self {
            case .empty, .wrongMagic: return "GBTRANS1 header"
            default: return "checksum"
            }
        }
    }

    static let fileBytes: [UInt8] = {
        (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: modelPath)))) ?? []
    }()

    @Test(arguments: Damage.allCases)
    func aDamagedModelIsRefusedWithTheReason(_ damage: Damage) throws {
        let error = #expect(throws: ModelFormatError.self) { try TransformerModelFile(bytes: damage.apply(to: Self.fileBytes)) }
        #expect(error?.message.contains(damage.reason) == true, "\(error?.message ?? "")")
    }

    /// Files whose checksum is right but whose contents are not: the checks after the checksum.
    enum BadField: String, CaseIterable, Sendable {
        case version, noHidden, headsThatDoNotDivide, moreTokensThanPositions, fewPositions, epsilonNaN
        case hugeIntermediate, fewerTokensThanListed, oneLayerTooMany, oneLayerTooFew, hugeVocabularyLength
        case scaleNaN

        /// The byte offset and the u32 written there.
        var edit: (offset: Int, value: UInt32) {
            switch self {
            case .version: return (8, 2)
            case .noHidden: return (12, 0)
            case .headsThatDoNotDivide: return (20, 7)
            case .moreTokensThanPositions: return (44, 513)
            case .fewPositions: return (32, 2)
            case .epsilonNaN: return (48, 0x7FC0_0000)
            case .hugeIntermediate: return (24, 1 << 30)
            case .fewerTokensThanListed: return (28, 30521)
            case .oneLayerTooMany: return (16, 7)
            case .oneLayerTooFew: return (16, 5)
            case .hugeVocabularyLength: return (52, .max)
            // The first word-embedding scale, just after the vocabulary.
            case .scaleNaN: return (56 + 231_508, 0x7FC0_0000)
            }
        }

        var reason: String {
            switch self {
            case .version: return "unknown format version"
            case .fewerTokensThanListed: return "declares 30521 tokens but lists 30522"
            case .oneLayerTooMany, .hugeVocabularyLength: return "shorter than its header says"
            case .oneLayerTooFew: return "bytes after the weights"
            case .scaleNaN: return "word embeddings scales has a value that is not a number"
            default: return "sizes are out of range"
            }
        }
    }

    @Test(arguments: BadField.allCases)
    func aWellSignedFileWithBadContentsIsRefusedWithTheReason(_ field: BadField) throws {
        var body = Array(Self.fileBytes.dropLast(32))
        for byte in 0..<4 { body[field.edit.offset + byte] = UInt8(truncatingIfNeeded: field.edit.value >> (8 * byte)) }
        let signed = body + Array(SHA256.hash(data: body))
        let error = #expect(throws: ModelFormatError.self) { try TransformerModelFile(bytes: signed) }
        #expect(error?.message.contains(field.reason) == true, "\(error?.message ?? "")")
    }

    @Test func aDamagedFileOnDiskIsRefusedNamingTheFile() throws {
        let path = try ScratchDirectory.path("broken").appendingPathExtension("gbt").path
        try Data(Damage.flippedWeightByte.apply(to: Self.fileBytes)).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: FileError.self) { try TransformerModelFile.load(path: path) }
        #expect(error?.file == path)
        #expect(error?.message.contains("checksum") == true)
        let missing = #expect(throws: FileError.self) { try TransformerModelFile.load(path: path + ".missing") }
        #expect(missing?.message.contains("cannot read") == true)
    }

    @Test func theModelIsFoundInTheModelsDirectory() {
        #expect(TransformerModelFile.find(in: [TestPackage.modelDirectory]) == Self.modelPath)
        #expect(TransformerModelFile.find(in: ["/nonexistent"]) == nil)
    }

    @Test func theShippedModelIsWhatModelsReadmeRecords() throws {
        let readme = try String(contentsOf: TestPackage.root.appendingPathComponent("Models/README.md"), encoding: .utf8)
        #expect(readme.contains(Self.model.checksum) || readme.contains(EncoderTests.fileChecksum(Self.modelPath)))
    }
}
