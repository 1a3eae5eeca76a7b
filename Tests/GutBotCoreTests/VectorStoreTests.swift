import Foundation
import GutBotCore
import GutBotTestSupport
import Testing

/// The store of example vectors that start-up reads instead of encoding:
/// what goes in comes out, what is missing is encoded, and a damaged file is
/// refused. The static encoder stands in for the transformer: the store does
/// not care which encoder made its vectors, and the static one is fast in
/// debug builds.
@Suite struct VectorStoreTests {
    static let encoder = EncoderTests.encoder
    static let texts = ["does fiber help my mood", "how do i sleep better", "kimchi every day?", "🙂", "does fiber help my mood"]

    static func storeBytes() -> [UInt8] {
        VectorStore.file(texts: texts, encoder: encoder, modelChecksum: String(repeating: "ab", count: 32))
    }

    @Test func storedVectorsComeBackAsEncoded() throws {
        let store = try VectorStore(bytes: Self.storeBytes())
        // "🙂" has no vector (an emoji is no token) and the repeated text is stored once.
        #expect(store.count == 3)
        #expect(store.modelChecksum == String(repeating: "ab", count: 32))
        #expect(!store.contains("🙂"))
        for text in Self.texts where text != "🙂" {
            let stored = try #require(store.vector(for: text))
            let fresh = try #require(Self.encoder.encode(text))
            #expect(zip(stored, fresh).map { $0 * $1 }.reduce(0, +) >= 0.9999, "int8 storage must keep the direction of \(text)")
        }
    }

    @Test func storedVectorsEncodeOnlyWhatTheStoreLacks() throws {
        let store = try VectorStore(bytes: Self.storeBytes())
        let reader = StoredVectors(store: store, encoder: Self.encoder)
        let texts = ["kimchi every day?", "what about probiotics for anxiety", "🙂"]
        let vectors = reader.encode(batch: texts)
        #expect(vectors[0] == store.vector(for: texts[0]))
        #expect(vectors[1] == Self.encoder.encode(texts[1]))
        #expect(vectors[2] == nil)
        #expect(vectors.map { $0 } == texts.map { reader.encode($0) })
    }

    /// Ways a store file gets damaged.
    enum Damage: String, CaseIterable, Sendable {
        case cutShort, oneByteChanged, anotherFormat, empty

        func apply(to bytes: [UInt8]) -> [UInt8] {
            switch self {
            case .cutShort: return Array(bytes.dropLast(40))
            case .oneByteChanged: return bytes.enumerated().map { $0.offset == 60 ? $0.element ^ 1 : $0.element }
            case .anotherFormat: return Array("GBMODEL1".utf8) + bytes.dropFirst(8)
            case .empty: return []
            }
        }
    }

    @Test(arguments: Damage.allCases)
    func damagedStoresAreRefused(damage: Damage) {
        #expect(throws: ModelFormatError.self, "\(damage)") { try VectorStore(bytes: damage.apply(to: Self.storeBytes())) }
    }

    @Test func theShippedStoreMatchesTheShippedTransformer() throws {
        let models = TestPackage.modelDirectory
        let store = try VectorStore.load(path: models + "/" + VectorStore.name)
        let model = try TransformerModelFile.load(path: models + "/" + TransformerModelFile.name)
        #expect(store.modelChecksum == model.checksum, "run `gutbot vectors` after changing the model")
        // Every example and table line the transformer can read is stored, so start-up encodes none.
        let missing = ShippedEngine.engine.meaningTexts.filter { !store.contains($0) }
        let encoder = TransformerEncoder(model: model)
        let unreadable = missing.filter { encoder.modelInput($0) == nil }
        #expect(missing.count == unreadable.count, "run `gutbot vectors` after changing examples: \(missing.prefix(3))")
    }
}
