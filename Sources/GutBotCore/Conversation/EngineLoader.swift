/// Builds an ``Engine`` from a plugin search path: the one place start-up
/// failures are decided. Safety failing to load is fatal; a broken topic file
/// is reported and skipped.
public struct EngineLoader {
    /// The engine, ready to answer.
    public var engine: Engine
    /// Topic files that could not be loaded, to show as warnings.
    public var warnings: [PluginLoadError]

    /// Loads everything on `path`, with help lines for `region`.
    public init(path: PluginSearchPath, region: Region, extraPlugins: [any Plugin] = []) throws(StartupError) {
        let catalog = PluginCatalog.load(path)
        let safety: SafetyPlugin
        do {
            safety = try SafetyPlugin.load(directory: catalog.safetyDirectory, region: region)
        } catch {
            throw StartupError.safetyUnavailable(error, searched: path.directories)
        }
        guard let stemmer = Stemmer() else { throw StartupError.stemmerUnavailable }
        engine = Engine(safety: safety, plugins: catalog.topics + extraPlugins, lexicon: catalog.lexicon,
                        outOfScope: catalog.outOfScope, stemmer: stemmer)
        warnings = catalog.problems
    }
}

/// Why gutbot cannot start.
public enum StartupError: Error, CustomStringConvertible {
    /// The safety plugin could not load: gutbot never answers without it.
    case safetyUnavailable(PluginLoadError, searched: [String])
    /// libstemmer has no English stemmer.
    case stemmerUnavailable

    /// A message for the person starting gutbot.
    public var description: String {
        switch self {
        case let .safetyUnavailable(error, searched):
            return "gutbot will not start without its safety plugin: \(error)\n"
                + "(looked for \(PluginCatalog.safetyFolder)/ in: \(searched.joined(separator: ", ")))"
        case .stemmerUnavailable:
            return "gutbot cannot start: libstemmer has no English stemmer"
        }
    }
}
