import Foundation
import GutBotTestSupport
import Testing

@testable import GutBotCore

/// Model files loaded from disk are used in place in their mapping: what a
/// mapped table holds must be exactly what reading the file into memory
/// gives, and a damaged file must still be refused, with the file and reason.
@Suite struct MappedModelTests {
    static func fileBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: TestPackage.modelDirectory).appendingPathComponent(name)))
    }

    @Test func aMappedStaticModelHoldsWhatReadingItGives() throws {
        let mapped = EncoderTests.model
        let read = try ModelFile(bytes: try Self.fileBytes(ModelFile.name))
        #expect(mapped.checksum == read.checksum)
        #expect(mapped.vocabulary == read.vocabulary)
        #expect(mapped.scales == read.scales)
        #expect(mapped.rows.count == read.rows.count)
        #expect(mapped.rows.elementsEqual(read.rows))
        // And the encoder over each gives the same vectors, bit for bit.
        let fromRead = StaticEncoder(model: read)
        for text in ["does fiber help my mood", "kimchi every day?", "exersize and anxeity", "🙂"] {
            #expect(EncoderTests.encoder.encode(text) == fromRead.encode(text), "\(text)")
        }
    }

    @Test func aMappedTransformerHoldsWhatReadingItGives() throws {
        let mapped = TransformerEncoderTests.model
        let read = try TransformerModelFile(bytes: TransformerEncoderTests.fileBytes)
        #expect(mapped.checksum == read.checksum)
        #expect(mapped.vocabulary == read.vocabulary)
        #expect(mapped.wordEmbeddings.values.elementsEqual(read.wordEmbeddings.values))
        #expect(mapped.wordEmbeddings.scales == read.wordEmbeddings.scales)
        for (mappedLayer, readLayer) in zip(mapped.layers, read.layers) {
            for (left, right) in [
                (mappedLayer.query, readLayer.query), (mappedLayer.intermediate, readLayer.intermediate),
                (mappedLayer.output, readLayer.output),
            ] {
                #expect(left.values.elementsEqual(right.values))
                #expect(left.scales == right.scales)
            }
        }
    }

    @Test func aMappedVectorStoreGivesWhatReadingItGives() throws {
        let path = URL(fileURLWithPath: TestPackage.modelDirectory).appendingPathComponent(VectorStore.name).path
        let mapped = try VectorStore.load(path: path)
        let read = try VectorStore(bytes: try Self.fileBytes(VectorStore.name))
        #expect(mapped.count == read.count)
        // Examples of the shipped plugins, which the shipped store holds.
        let examples = ["does fiber help mood", "mediterranean diet", "plant variety"]
        #expect(examples.contains(where: read.contains))
        for text in examples where read.contains(text) {
            #expect(mapped.vector(for: text) == read.vector(for: text), "\(text)")
        }
    }

    @Test func aDamagedMappedModelIsRefusedWithFileAndReason() throws {
        var bytes = try Self.fileBytes(ModelFile.name)
        bytes[bytes.count / 2] ^= 1
        let path = try ScratchDirectory.path("damaged-model").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: FileError.self) { try ModelFile.load(path: path) }
        #expect(error?.file == path)
        #expect(error?.message.contains("checksum") == true, "\(String(describing: error))")
    }

    @Test func aMissingModelIsRefusedWithFileAndReason() throws {
        let path = try ScratchDirectory.path("missing-model").path
        let error = #expect(throws: FileError.self) { try ModelFile.load(path: path) }
        #expect(error?.file == path)
        #expect(error?.message.contains("cannot read the model") == true, "\(String(describing: error))")
    }

    @Test func anInt8TableCopyReadsLikeAnArray() {
        let values: [Int8] = [-128, -1, 0, 1, 127]
        let table = Int8Table(values)
        #expect(Array(table) == values)
        #expect(Array(table[1..<4]) == [-1, 0, 1])
        #expect(table.withUnsafeBufferPointer { Array($0) } == values)
        #expect(Int8Table([]).isEmpty)
    }
}
