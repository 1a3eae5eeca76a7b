import Foundation
import GutBotCore
import GutBotTestSupport
import Testing

/// The sentence encoder against the reference implementation, and its model
/// file against damage.
@Suite struct EncoderTests {
    /// One line of `Tests/Fixtures/encoder-fixture.tsv`, written by
    /// `Models/build_model.py` from the Python tokenizer and the shipped table.
    struct FixtureLine: Sendable, CustomTestStringConvertible {
        var text: String
        var tokenIDs: [Int32]
        var vector: [Float]?
        var line: Int
        var testDescription: String { "line \(line): \"\(text.prefix(60))\"" }
    }

    static let modelPath = TestPackage.root.appendingPathComponent("Models/\(ModelFile.name)").path

    static let model: ModelFile = {
        do { return try ModelFile.load(path: modelPath) } catch { fatalError("the shipped model must load: \(error)") }
    }()

    static let encoder = StaticEncoder(model: model)

    static let fixture: [FixtureLine] = {
        let url = TestPackage.root.appendingPathComponent("Tests/Fixtures/encoder-fixture.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { number, line in
            guard !line.hasPrefix("#"), !line.isEmpty else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3 else { return nil }
            let ids = fields[1].split(separator: " ").compactMap { Int32($0) }
            let vector = fields[2].isEmpty ? nil : fields[2].split(separator: ",").compactMap { Float($0) }
            return FixtureLine(text: String(fields[0]), tokenIDs: ids, vector: vector, line: number + 1)
        }
    }()

    @Test func theFixtureHasHundredsOfLines() {
        #expect(Self.fixture.count >= 200)
    }

    @Test(arguments: fixture)
    func tokensAndVectorMatchTheReference(_ line: FixtureLine) throws {
        let known = Self.encoder.tokenizer.tokenIDs(line.text).filter { $0 != Self.encoder.tokenizer.unknownID }
        #expect(known == line.tokenIDs.filter { $0 != Self.encoder.tokenizer.unknownID })
        let vector = Self.encoder.encode(line.text)
        guard let expected = line.vector else {
            #expect(vector == nil)
            return
        }
        let mine = try #require(vector)
        try #require(mine.count == expected.count)
        let cosine =
            zip(mine, expected).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            / (expected.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot())
        #expect(cosine >= 0.9999, "cosine \(cosine)")
    }

    @Test func vectorsAreUnitLengthAndDeterministic() throws {
        let first = try #require(Self.encoder.encode("does fiber help my mood"))
        let second = try #require(Self.encoder.encode("does fiber help my mood"))
        #expect(first == second)
        let length = first.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(length - 1) < 1e-4)
    }

    @Test func paraphrasesAreCloserThanUnrelatedTexts() throws {
        func cosine(_ a: String, _ b: String) throws -> Float {
            let x = try #require(Self.encoder.encode(a))
            let y = try #require(Self.encoder.encode(b))
            return zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
        }
        #expect(
            try cosine("I don't want to be here anymore", "I wish I could disappear forever")
                > cosine("I don't want to be here anymore", "which yogurt has live cultures"))
        #expect(
            try cosine("does jogging help my gut bacteria", "can running change the microbiome")
                > cosine("does jogging help my gut bacteria", "how many hours should I sleep"))
    }

    @Test(arguments: ["", "   ", "\u{0}\u{1}\u{7}", String(repeating: "x", count: 5_000), "🙂🙂🙂", "\u{202E}abc"])
    func oddInputNeverTraps(_ text: String) {
        if let vector = Self.encoder.encode(text) {
            #expect(vector.count == Self.encoder.dimensions)
            let finite = vector.allSatisfy { $0.isFinite }
            #expect(finite)
        }
    }

    /// Ways a model file can be damaged.
    enum Damage: String, CaseIterable, Sendable {
        case empty, wrongMagic, truncated, flippedTableByte, flippedChecksumByte

        func apply(to bytes: [UInt8]) -> [UInt8] {
            var copy = bytes
            switch self {
            case .empty: return []
            case .wrongMagic: copy[0] = UInt8(ascii: "X")
            case .truncated: return Array(bytes.prefix(bytes.count / 2))
            case .flippedTableByte: copy[bytes.count / 2] ^= 0x55
            case .flippedChecksumByte: copy[bytes.count - 1] ^= 0x01
            }
            return copy
        }
    }

    @Test(arguments: Damage.allCases)
    func aDamagedModelIsRefusedWithTheReason(_ damage: Damage) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.modelPath)))
        #expect(throws: ModelFormatError.self) { try ModelFile(bytes: damage.apply(to: bytes)) }
    }

    @Test func theShippedModelIsWhatModelsReadmeRecords() throws {
        let readme = try String(contentsOf: TestPackage.root.appendingPathComponent("Models/README.md"), encoding: .utf8)
        #expect(readme.contains(Self.model.checksum) || readme.contains(Self.fileChecksum()))
    }

    /// `sha256sum` of the whole file, computed by the shell's tool if there is one.
    static func fileChecksum(_ path: String = modelPath) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return "unavailable" }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(output.prefix(64))
    }
}
