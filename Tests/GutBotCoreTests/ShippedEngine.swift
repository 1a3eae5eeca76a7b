import Foundation
import GutBotCore

/// The engine over the project's own `Plugins/`, loaded once for all tests.
enum ShippedEngine {
    /// The package root, found from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped plugin directory.
    static let pluginDirectory = packageRoot.appendingPathComponent("Plugins").path

    /// The shipped model folder.
    static let modelDirectory = packageRoot.appendingPathComponent("Models").path

    /// The engine, with US help lines so replies do not depend on the machine's locale.
    static let engine: Engine = {
        do {
            return try EngineLoader(path: PluginSearchPath([pluginDirectory]), region: .us, modelDirectories: [modelDirectory],
                             cacheDirectory: ScratchDirectory.cache).engine
        } catch {
            fatalError("the shipped plugins must load: \(error)")
        }
    }()

    /// The reply to `text` in a fresh session.
    static func reply(_ text: String) -> Reply {
        var session = Session(id: "test")
        return engine.reply(to: text, in: &session)
    }
}
