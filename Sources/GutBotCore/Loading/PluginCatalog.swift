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
    /// Every safety folder on the path, in order: the first is the base and
    /// the rest can only add to it (see ``SafetyLayers``). Empty when no
    /// directory that may hold the base has one.
    public var safetyDirectories: [String] = []
    /// The base safety folder.
    public var safetyDirectory: String? { safetyDirectories.first }
    /// Files that could not be loaded; the rest still load.
    public var problems: [FileError] = []
    /// Ids defined by more than one file, with the files, in load order.
    public var replaced: [String: [String]] = [:]

    /// An empty catalog.
    public init() {}

    /// The safety folders on `path`, in order: what ``load(_:)`` puts in
    /// ``safetyDirectories``, found without reading any plugin, so that the
    /// safety data can load while the plugins do.
    public static func safetyDirectories(on path: PluginSearchPath) -> [String] {
        var found: [String] = []
        for (position, directory) in path.directories.enumerated() where isDirectory(directory) {
            let safety = (directory as NSString).appendingPathComponent(safetyFolder)
            // A safety folder where no base may be, with none before it, is
            // left out: it could only add to a base, and there is none.
            if FileManager.default.fileExists(atPath: safety), !found.isEmpty || position < path.safetyBaseDirectories {
                found.append(safety)
            }
        }
        return found
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Loads every directory on `path` that exists.
    public static func load(_ path: PluginSearchPath) -> PluginCatalog {
        var catalog = PluginCatalog()
        catalog.safetyDirectories = safetyDirectories(on: path)
        var byID: [String: TopicPlugin] = [:]
        let files = FileManager.default
        for directory in path.directories where isDirectory(directory) {
            var idsHere: [String: String] = [:]
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
                    let read = TopicPluginFile.read(path: file)
                    guard let plugin = read.plugin else {
                        catalog.problems += read.problems
                        continue
                    }
                    // Only the later file would load, silently: a mistake, not an override.
                    if let twin = idsHere[plugin.id] {
                        catalog.problems.append(
                            FileError(
                                file: file, line: PluginSourceLines(path: file).id,
                                message:
                                    "plugin id '\(plugin.id)' is also used by \(twin) in the same directory; give each plugin its own id"))
                    }
                    idsHere[plugin.id] = file
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

/// Reads a shared `lexicon.yml`: a `synonyms:` mapping of words people type
/// to the words the examples use.
public enum LexiconFile {
    /// Loads the lexicon at `path`.
    public static func load(path: String) throws(FileError) -> Lexicon {
        let file = try YAMLFile(path: path)
        return Lexicon(try file.pairs("synonyms", in: file.root, what: "the lexicon"))
    }
}

/// Reads `out-of-scope.yml`: an `examples:` list of questions gutbot should
/// not answer, which the router learns as the fallback's own examples.
public enum OutOfScopeFile {
    /// The file's name in a plugin directory.
    public static let name = "out-of-scope.yml"

    /// Loads the examples at `path`.
    public static func load(path: String) throws(FileError) -> [String] {
        let file = try YAMLFile(path: path)
        return try file.sequence("examples", in: file.root, what: "the out-of-scope file").map { (node) throws(FileError) -> String in
            guard let text = node.scalar?.string, !text.isEmpty else { throw file.fail(node, "every example must be non-empty text") }
            return text
        }
    }
}
