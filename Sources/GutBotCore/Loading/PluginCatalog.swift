import Foundation

/// Everything found on a ``PluginSearchPath``: topic plugins, the shared
/// lexicon, where the safety data lives, and the files that could not be read.
public struct PluginCatalog: Sendable {
    /// The name of the shared synonym file in a plugin directory.
    public static let lexiconFile = "lexicon.yml"
    /// The safety plugin's data folder in a plugin directory.
    public static let safetyFolder = "safety"

    /// Topic plugins by id, sorted so routing ties break the same way every run.
    public var topics: [TopicPlugin] = []
    /// Shared synonyms from every `lexicon.yml`, merged.
    public var lexicon = Lexicon()
    /// Questions to send to the fallback, from every `out-of-scope.yml`.
    public var outOfScope: [String] = []
    /// The last directory on the path holding safety data.
    public var safetyDirectory: String?
    /// Files that could not be loaded; the rest still load.
    public var problems: [PluginLoadError] = []
    /// Ids defined by more than one file, with the files, in load order.
    public var replaced: [String: [String]] = [:]

    /// An empty catalog.
    public init() {}

    /// Loads every directory on `path` that exists.
    public static func load(_ path: PluginSearchPath) -> PluginCatalog {
        var catalog = PluginCatalog()
        var byID: [String: TopicPlugin] = [:]
        let files = FileManager.default
        for directory in path.directories {
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let safety = (directory as NSString).appendingPathComponent(safetyFolder)
            if files.fileExists(atPath: safety) { catalog.safetyDirectory = safety }
            let names = ((try? files.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            for name in names where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
                let file = (directory as NSString).appendingPathComponent(name)
                do {
                    if name == lexiconFile {
                        catalog.lexicon.merge(try LexiconFile.load(path: file))
                        continue
                    }
                    if name == OutOfScopeFile.name {
                        catalog.outOfScope += try OutOfScopeFile.load(path: file)
                        continue
                    }
                    let plugin = try TopicPluginFile.load(path: file)
                    if let earlier = byID[plugin.id] {
                        catalog.replaced[plugin.id, default: [earlier.file ?? "?"]].append(file)
                    }
                    byID[plugin.id] = plugin
                } catch {
                    catalog.problems.append(error)
                }
            }
        }
        catalog.topics = byID.values.sorted { $0.id < $1.id }
        return catalog
    }
}
