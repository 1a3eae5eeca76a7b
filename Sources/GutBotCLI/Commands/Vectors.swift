import ArgumentParser
import Foundation
import GutBotCore

/// `gutbot vectors`: writes the store of the transformer's example vectors
/// that start-up reads instead of running the transformer over every example.
struct Vectors: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the transformer's vectors of every example and safety-table line, for fast start-up.",
        discussion: """
            Run it after changing examples or safety tables, or after a new transformer model, and commit the file. \
            Without an up-to-date store gutbot still starts, but reads the missing examples with the transformer first. \
            The store is written beside the transformer's model unless --output says where.
            """)

    @OptionGroup var options: BotOptions

    @Option(help: "Where to write the store (default: beside the transformer's model).")
    var output: String?

    func run() throws {
        Terminal.ignoreBrokenPipes()
        let environment = ProcessInfo.processInfo.environment
        let loaded: EngineLoader
        do {
            loaded = try EngineLoader(
                path: options.searchPath, region: Region.resolve(option: options.region, environment: environment),
                extraPlugins: GutBotCLI.plugins, minimumSafetyRules: options.minimumSafetyRules,
                modelDirectories: options.modelSearchPath)
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
        let path =
            output
            ?? URL(fileURLWithPath: loaded.transformerPath).deletingLastPathComponent().appendingPathComponent(VectorStore.name).path
        // Encoded afresh, never read from an older store.
        let encoder = TransformerEncoder(model: model)
        let bytes = VectorStore.file(texts: loaded.engine.meaningTexts, encoder: encoder, modelChecksum: model.checksum)
        do {
            // Written whole or not at all: a store cut short would be refused at start-up.
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            Terminal.error("error: cannot write \(path): \(error)")
            throw ExitCode.failure
        }
        Terminal.line("wrote \(path): \(loaded.engine.meaningTexts.count) texts, \(bytes.count) bytes")
    }
}
