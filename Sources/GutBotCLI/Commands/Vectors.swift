import ArgumentParser
import Foundation
import GutBotCore

/// `gutbot vectors`: writes the store of the transformer's example vectors
/// that start-up reads instead of running the transformer over every example.
struct Vectors: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the transformer's vectors of every example and safety-table line, and the crisis classifier learned from them.",
        discussion: """
            Run it after changing examples or safety tables, or after a new transformer model, and commit both files. \
            Without an up-to-date store gutbot still starts, but reads the missing examples with the transformer first. \
            Without a classifier made with the transformer model in use, gutbot does not start: the safety net needs it. \
            Both are written beside the transformer's model unless --output names the folder.
            """)

    @OptionGroup var options: BotOptions

    @Option(help: "The folder to write both files to (default: the transformer model's).")
    var output: String?

    func run() throws {
        Terminal.ignoreBrokenPipes()
        let environment = ProcessInfo.processInfo.environment
        let loaded: EngineLoader
        do {
            loaded = try EngineLoader(
                path: options.searchPath, region: Region.resolve(option: options.region, environment: environment),
                extraPlugins: GutBotCLI.plugins, minimumSafetyRules: options.minimumSafetyRules,
                modelDirectories: options.modelSearchPath, classifierRequired: false)
        } catch {
            throw BotOptions.report(error)
        }
        let model: TransformerModelFile
        do {
            model = try TransformerModelFile.load(path: loaded.transformerPath)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode.failure
        }
        let folder = URL(fileURLWithPath: output ?? URL(fileURLWithPath: loaded.transformerPath).deletingLastPathComponent().path)
        // Encoded afresh, never read from an older store.
        let encoder = TransformerEncoder(model: model)
        let bytes = VectorStore.file(texts: loaded.engine.meaningTexts, encoder: encoder, modelChecksum: model.checksum)
        let store: VectorStore
        do {
            store = try VectorStore(bytes: bytes)
        } catch {
            Terminal.error("error: the store just made does not read back: \(error.message)")
            throw ExitCode.failure
        }
        // Learned from the stored vectors, which went through int8: the
        // vectors start-up reads, so what it learns is what it meets.
        let examples = loaded.engine.classifierExamples
        let learned = examples.compactMap { example in store.vector(for: example.text).map { (vector: $0, crisis: example.crisis) } }
        let (weights, bias) = CrisisClassifier.train(vectors: learned.map(\.vector), crisis: learned.map(\.crisis))
        let classifier = CrisisClassifier(
            weights: weights, bias: bias, modelChecksum: model.checksum, examplesDigest: CrisisClassifier.digest(of: examples))
        let files = [(VectorStore.name, bytes), (CrisisClassifier.name, classifier.file)]
        for (name, contents) in files {
            let path = folder.appendingPathComponent(name).path
            do {
                // Written whole or not at all: a file cut short would be refused at start-up.
                try Data(contents).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                Terminal.error("error: cannot write \(path): \(error)")
                throw ExitCode.failure
            }
        }
        Terminal.line(
            "wrote \(VectorStore.name) (\(loaded.engine.meaningTexts.count) texts, \(bytes.count) bytes) and \(CrisisClassifier.name) "
                + "(learned from \(learned.count) examples, \(learned.filter(\.crisis).count) of them crisis) to \(folder.path)")
    }
}
