import Foundation

/// Builds an ``Engine`` from a plugin search path: the one place start-up
/// failures are decided. Safety failing to load is fatal; a broken topic file
/// is reported and skipped.
public struct EngineLoader {
    /// The engine, ready to answer.
    public var engine: Engine
    /// Topic files that could not be loaded, to show as warnings.
    public var warnings: [PluginLoadError]

    /// The model file the encoder was read from.
    public var modelPath: String

    /// Loads everything on `path` and the encoder's model from the last of
    /// `modelDirectories` that has one, with help lines for `region`.
    /// Example vectors are cached in `cacheDirectory` (`nil`: never cached).
    public init(path: PluginSearchPath, region: Region, extraPlugins: [any Plugin] = [],
                modelDirectories: [String] = ModelFile.standardDirectories(),
                cacheDirectory: URL? = XDGDirectories(environment: ProcessInfo.processInfo.environment).cache) throws(StartupError) {
        let catalog = PluginCatalog.load(path)
        let safety: SafetyPlugin
        do {
            safety = try SafetyPlugin.load(directory: catalog.safetyDirectory, region: region)
        } catch {
            throw StartupError.safetyUnavailable(error, searched: path.directories)
        }
        guard let stemmer = Stemmer() else { throw StartupError.stemmerUnavailable }
        // The safety net reads meaning: without the model gutbot does not start.
        guard let found = ModelFile.find(in: modelDirectories) else {
            throw StartupError.modelUnavailable(FileError(file: ModelFile.name, line: nil, message: "the sentence encoder's model was not found"),
                                                searched: modelDirectories)
        }
        let model: ModelFile
        do {
            model = try ModelFile.load(path: found)
        } catch {
            throw StartupError.modelUnavailable(error, searched: modelDirectories)
        }
        modelPath = found
        engine = Engine(safety: safety, plugins: catalog.topics + extraPlugins, lexicon: catalog.lexicon,
                        outOfScope: catalog.outOfScope, stemmer: stemmer, encoder: StaticEncoder(model: model),
                        cache: cacheDirectory.map { (EmbeddingCache(directory: $0), modelChecksum: model.checksum) })
        // TUNING-ONLY
        if let tune = ProcessInfo.processInfo.environment["GUTBOT_TUNE"] {
            for pair in tune.split(separator: ",") {
                let kv = pair.split(separator: "="); let v = Double(kv[1])!
                switch kv[0] {
                case "w": engine.router.semanticWeight = v
                case "floor": engine.router.semanticFloor = v
                case "t": engine.router.threshold = v
                case "gap": engine.router.ambiguityGap = v
                case "ctx": engine.router.contextWeight = v
                case "nc": engine.safety.net.minimumCrisis = Float(v)
                case "nm": engine.safety.net.crisisMargin = Float(v)
                case "dc": engine.safety.net.minimumDistress = Float(v)
                case "dm": engine.safety.net.distressMargin = Float(v)
                default: break
                }
            }
        }
        warnings = catalog.problems
    }
}

/// Why gutbot cannot start.
public enum StartupError: Error, CustomStringConvertible {
    /// The safety plugin could not load: gutbot never answers without it.
    case safetyUnavailable(PluginLoadError, searched: [String])
    /// libstemmer has no English stemmer.
    case stemmerUnavailable
    /// The sentence encoder's model is missing or broken: the safety net needs it.
    case modelUnavailable(FileError, searched: [String])

    /// A message for the person starting gutbot.
    public var description: String {
        switch self {
        case let .safetyUnavailable(error, searched):
            return "gutbot will not start without its safety plugin: \(error)\n"
                + "(looked for \(PluginCatalog.safetyFolder)/ in: \(searched.joined(separator: ", ")))"
        case .stemmerUnavailable:
            return "gutbot cannot start: libstemmer has no English stemmer"
        case let .modelUnavailable(error, searched):
            return "gutbot will not start without its sentence encoder, which the safety net depends on: \(error)\n"
                + "(looked for \(ModelFile.name) in: \(searched.joined(separator: ", ")))"
        }
    }
}
