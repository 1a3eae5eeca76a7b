import Foundation

/// Builds an ``Engine`` from a plugin search path: the one place start-up
/// failures are decided. Safety failing to load is fatal; a broken topic file
/// is reported and skipped.
public struct EngineLoader {
    /// The engine, ready to answer.
    public var engine: Engine
    /// Files that were ignored, to show as warnings (such as wording in a
    /// later safety folder, which may only add rules).
    public var warnings: [FileError]

    /// The model file the encoder was read from.
    public var modelPath: String
    /// The transformer's model file, for the deep reading.
    public var transformerPath: String

    /// Loads everything on `path` (and `extraPlugins`, written in Swift), with help lines for `region`, each
    /// encoder's model from the last of `modelDirectories` that has it, and the
    /// transformer's vector store from beside its model. Any
    /// plugin file that does not load stops the start, with every mistake
    /// listed: a bot quietly missing a topic answers its questions with the fallback.
    ///
    /// `minimumSafetyRules`: the base safety folder must have at least this
    /// many rules (front ends pass the shipped count under `--plugins`), so a
    /// stripped-down copy cannot stand in for the real one by accident.
    /// Example vectors, the safety prefilter's reading of the patterns and
    /// which safety files compiled in full are cached in `cacheDirectory`
    /// (`nil`: never cached). Only `gutbot vectors`, which makes the crisis
    /// classifier, loads without one (`classifierRequired: false`).
    public init(
        path: PluginSearchPath, region: Region, extraPlugins: [any Plugin] = [],
        minimumSafetyRules: Int? = nil, modelDirectories: [String] = ModelFile.standardDirectories(),
        cacheDirectory: URL? = XDGDirectories(environment: ProcessInfo.processInfo.environment).cache,
        classifierRequired: Bool = true
    ) throws(StartupError) {
        // The models, the topic plugins and the safety data do not depend on
        // one another: the models are read (and their checksums checked) and
        // the plugins parsed on threads of their own while the safety rules
        // compile here, which takes about the longest of the three instead of
        // all of them. Failures are still reported in the order they were
        // when all of it ran in turn: safety, plugins, stemmer, then the models.
        let models = BackgroundWork { EncoderModels.load(from: modelDirectories, classifierRequired: classifierRequired) }
        let plugins = BackgroundWork { PluginCatalog.load(path) }
        let safety: SafetyScreen
        do {
            safety = try SafetyScreen.load(
                directories: PluginCatalog.safetyDirectories(on: path), region: region,
                prefilterCache: cacheDirectory.map { SafetyPrefilterCache(directory: $0) },
                validationCache: cacheDirectory.map { SafetyValidationCache(directory: $0) })
        } catch {
            _ = (models.result(), plugins.result())
            throw StartupError.safetyUnavailable(error, searched: path.directories)
        }
        let catalog = plugins.result()
        let loaded = models.result()
        if let minimumSafetyRules, let base = safety.origins.first, base.rules < minimumSafetyRules {
            throw StartupError.weakerSafety(directory: base.directory, rules: base.rules, shipped: minimumSafetyRules)
        }
        guard catalog.problems.isEmpty else { throw StartupError.brokenPlugins(catalog.problems) }
        guard let stemmer = Stemmer() else { throw StartupError.stemmerUnavailable }
        // The safety net reads meaning: without both models gutbot does not start.
        let encoderModels = try loaded.get()
        modelPath = encoderModels.modelPath
        transformerPath = encoderModels.transformerPath
        let model = encoderModels.model
        do {
            engine = try Engine(
                safety: safety, plugins: catalog.topics + extraPlugins, lexicon: catalog.lexicon,
                outOfScope: catalog.outOfScope, stemmer: stemmer, encoder: StaticEncoder(model: model),
                cache: cacheDirectory.map { (EmbeddingCache(directory: $0), modelChecksum: model.checksum) },
                deepEncoder: TransformerEncoder(model: encoderModels.transformer), deepVectors: encoderModels.vectors,
                deepClassifier: encoderModels.classifier)
        } catch {
            throw StartupError.brokenPlugin(error)
        }
        self.warnings = safety.warnings + encoderModels.warnings
    }
}

/// Why gutbot cannot start.
public enum StartupError: Error, CustomStringConvertible {
    /// The safety plugin could not load: gutbot never answers without it.
    case safetyUnavailable(FileError, searched: [String])
    /// The base safety folder has fewer rules than the shipped one.
    case weakerSafety(directory: String, rules: Int, shipped: Int)
    /// Plugin files that do not load, every mistake in each.
    case brokenPlugins([FileError])
    /// A plugin (a Swift one: files are checked as they load) breaks the ``Plugin`` contract.
    case brokenPlugin(PluginContractError)
    /// libstemmer has no English stemmer.
    case stemmerUnavailable
    /// A sentence encoder's model (the static table or the transformer) is
    /// missing or broken: the safety net needs both.
    case modelUnavailable(FileError, searched: [String])

    /// The exit status a front end should use: 2 for safety, 1 otherwise.
    public var exitStatus: Int32 {
        switch self {
        case .safetyUnavailable, .weakerSafety, .modelUnavailable: return 2
        case .brokenPlugins, .brokenPlugin, .stemmerUnavailable: return 1
        }
    }

    /// A message for the person starting gutbot.
    public var description: String {
        switch self {
        case .safetyUnavailable(let error, let searched):
            return "gutbot will not start without its safety plugin: \(error)\n"
                + "(looked for \(PluginCatalog.safetyFolder)/ in: \(searched.joined(separator: ", ")))"
        case .weakerSafety(let directory, let rules, let shipped):
            return "gutbot will not start with weaker safety data: \(directory) has \(rules) crisis rule\(rules == 1 ? "" : "s"), "
                + "the shipped data has \(shipped). Use the shipped Plugins directory first on the path; "
                + "only for testing, --allow-weaker-safety accepts the risk of missing crisis messages."
        case .brokenPlugins(let problems):
            return problems.map(\.description).joined(separator: "\n")
                + "\ngutbot will not start until \(problems.count == 1 ? "this is" : "these are") fixed (`gutbot check` lists them too)."
        case .brokenPlugin(let error):
            return "gutbot will not start: \(error)"
        case .stemmerUnavailable:
            return "gutbot cannot start: libstemmer has no English stemmer"
        case .modelUnavailable(let error, let searched):
            return "gutbot will not start without its sentence encoder, which the safety net depends on: \(error)\n"
                + "(looked for \(ModelFile.name) and \(TransformerModelFile.name) in: \(searched.joined(separator: ", ")))"
        }
    }
}
