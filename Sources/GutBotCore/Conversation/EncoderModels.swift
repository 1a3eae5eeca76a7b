import Foundation

/// The model files the two encoders need (the static table, the transformer
/// and its store of example vectors), found and read together. Nothing in
/// them depends on the plugins or the safety data, so ``EngineLoader`` reads
/// them on a thread of their own while those load.
struct EncoderModels: Sendable {
    /// The static table, and the file it was read from.
    var model: ModelFile
    var modelPath: String
    /// The transformer, and the file it was read from.
    var transformer: TransformerModelFile
    var transformerPath: String
    /// The transformer's vectors of the examples, when a usable store is beside it.
    var vectors: VectorStore?
    /// The safety net's crisis classifier over the transformer's vectors
    /// (`nil` only when it was not required).
    var classifier: CrisisClassifier?
    /// Why there is no usable store, when there is not.
    var warnings: [FileError]

    /// Reads each model from the last of `modelDirectories` that has it.
    /// Both are needed (the safety net reads meaning with them), and so is
    /// the crisis classifier beside the transformer, made with it: a missing
    /// or broken one is a ``StartupError/modelUnavailable(_:searched:)``; the
    /// store of vectors is optional, and a missing or unusable one a warning.
    /// `classifierRequired: false` is for the command that makes the classifier.
    static func load(from modelDirectories: [String], classifierRequired: Bool = true) -> Result<EncoderModels, StartupError> {
        Result { () throws(StartupError) -> EncoderModels in
            let (model, modelPath) = try required(
                ModelFile.name, missing: "the sentence encoder's model", in: modelDirectories, load: ModelFile.load)
            let (transformer, transformerPath) = try required(
                TransformerModelFile.name, missing: "the transformer's model", in: modelDirectories, load: TransformerModelFile.load)
            var warnings: [FileError] = []
            let vectors = vectorStore(beside: transformerPath, modelChecksum: transformer.checksum, warnings: &warnings)
            let classifier =
                classifierRequired
                ? try crisisClassifier(beside: transformerPath, modelChecksum: transformer.checksum, searched: modelDirectories) : nil
            return EncoderModels(
                model: model, modelPath: modelPath, transformer: transformer, transformerPath: transformerPath,
                vectors: vectors, classifier: classifier, warnings: warnings)
        }
    }

    /// The model file `name`, found in `directories` as every model file is
    /// (``ModelFile/find(_:in:)``) and read by `load`, and its path; a missing
    /// one (`missing` says what it is) or a broken one is a
    /// ``StartupError/modelUnavailable(_:searched:)``.
    private static func required<Model>(
        _ name: String, missing: String, in directories: [String], load: (String) throws(FileError) -> Model
    ) throws(StartupError) -> (model: Model, path: String) {
        guard let path = ModelFile.find(name, in: directories) else {
            throw .modelUnavailable(FileError(file: name, line: nil, message: "\(missing) was not found"), searched: directories)
        }
        do {
            return (try load(path), path)
        } catch {
            throw .modelUnavailable(error, searched: directories)
        }
    }

    /// The crisis classifier beside the transformer's model. Safety fails
    /// closed: without it, or with one made for another model, gutbot does
    /// not start (`gutbot vectors` makes one).
    private static func crisisClassifier(
        beside model: String, modelChecksum: String, searched: [String]
    ) throws(StartupError) -> CrisisClassifier {
        let path = URL(fileURLWithPath: model).deletingLastPathComponent().appendingPathComponent(CrisisClassifier.name).path
        let classifier: CrisisClassifier
        do {
            classifier = try CrisisClassifier.load(path: path)
        } catch {
            throw .modelUnavailable(error, searched: searched)
        }
        guard classifier.modelChecksum == modelChecksum else {
            let message = "the crisis classifier was made with another transformer model (`gutbot vectors` makes a new one)"
            throw .modelUnavailable(FileError(file: path, line: nil, message: message), searched: searched)
        }
        return classifier
    }

    /// The store of example vectors beside the transformer's model, if it
    /// is there, sound and made with that model. Without one gutbot still
    /// starts, encoding every example itself (slowly), and says why.
    private static func vectorStore(beside model: String, modelChecksum: String, warnings: inout [FileError]) -> VectorStore? {
        let path = URL(fileURLWithPath: model).deletingLastPathComponent().appendingPathComponent(VectorStore.name).path
        let slow = "every example is read by the transformer at start-up (`gutbot vectors` makes a new store)"
        guard FileManager.default.fileExists(atPath: path) else {
            warnings.append(FileError(file: path, line: nil, message: "there is no store of example vectors, so \(slow)"))
            return nil
        }
        do {
            let store = try VectorStore.load(path: path)
            guard store.modelChecksum == modelChecksum else {
                warnings.append(FileError(file: path, line: nil, message: "these vectors were made with another model, so \(slow)"))
                return nil
            }
            return store
        } catch {
            warnings.append(FileError(file: path, line: nil, message: "\(error.message), so \(slow)"))
            return nil
        }
    }
}
