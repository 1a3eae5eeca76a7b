import Foundation
import GutBotCore

/// Where the package's own files are, for every test target: found from this
/// file's location, so tests run from any working directory.
public enum TestPackage {
    /// The package root.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped plugin directory.
    public static let pluginDirectory = root.appendingPathComponent("Plugins").path

    /// The shipped model folder.
    public static let modelDirectory = root.appendingPathComponent("Models").path

    /// The shipped safety data folder.
    public static let safetyDirectory = root.appendingPathComponent("Plugins/safety").path
}

/// The engine over the project's own `Plugins/`, loaded the way gutbot loads
/// it, in one place for every test.
public enum ShippedEngine {
    /// The engine with `region`'s help lines; `extraPlugins` (Swift ones) beside the files.
    public static func load(region: Region, extraPlugins: [any Plugin] = []) throws(StartupError) -> Engine {
        try EngineLoader(
            path: PluginSearchPath([TestPackage.pluginDirectory]), region: region, extraPlugins: extraPlugins,
            modelDirectories: [TestPackage.modelDirectory], cacheDirectory: ScratchDirectory.cache
        ).engine
    }

    /// The engine with US help lines, so replies do not depend on the
    /// machine's locale; loaded once for all tests.
    public static let engine: Engine = {
        do {
            return try load(region: .us)
        } catch {
            fatalError("the shipped plugins must load: \(error)")
        }
    }()

    /// The reply to `text` in a fresh session.
    public static func reply(_ text: String) -> Reply {
        var session = Session(id: "test")
        return engine.reply(to: text, in: &session)
    }
}
