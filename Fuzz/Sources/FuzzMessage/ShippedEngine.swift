import Foundation
import GutBotCore

/// The engine over the shipped plugins and model, loaded once per fuzzing
/// process as the front ends load it.
///
/// Example vectors are cached under `Fuzz/.build`, not `~/.cache`: the first
/// run encodes every example once, later runs (and replays of a crash) start
/// in a second, and fuzzing never writes to the user's own directories.
let engine: Engine = {
    let plugins = ProcessInfo.processInfo.environment["GUTBOT_PLUGINS"] ?? repositoryRoot.appendingPathComponent("Plugins").path
    let cache = repositoryRoot.appendingPathComponent("Fuzz/.build/cache/gutbot")
    do {
        return try EngineLoader(
            path: PluginSearchPath([plugins]), region: .us, modelDirectories: [modelDirectory],
            cacheDirectory: cache
        ).engine
    } catch {
        fatalError("cannot load \(plugins) with the model in \(modelDirectory): \(error)")
    }
}()

/// Every plugin id a reply may carry: the topics and the safety plugin's
/// own replies (crisis, support for distress) and the fallback.
let pluginIDs = Set(engine.plugins.map(\.id) + [Reply.safetyID, Reply.supportID, Reply.fallbackID])
