import Foundation
import Yams

/// Reads one `Plugins/<id>.yml` file into a ``TopicPlugin``, checking the
/// schema as it goes so an author hears about every mistake with its line.
public enum TopicPluginFile {
    /// The keys a plugin file may have at the top.
    public static let pluginKeys = ["id", "name", "summary", "intents", "synonyms"]
    /// The keys an intent may have. (`title` is optional text, for tools.)
    public static let intentKeys = ["id", "title", "examples", "answer", "source", "follow_up"]

    /// Loads the plugin at `path`; throws the file's first mistake.
    public static func load(path: String) throws(FileError) -> TopicPlugin {
        let read = read(path: path)
        guard let plugin = read.plugin else { throw read.problems[0] }
        return plugin
    }

    /// Reads the plugin at `path`, collecting every mistake in it (in file
    /// order) rather than stopping at the first, so one run of `gutbot check`
    /// shows all there is to fix. `plugin` is `nil` when there is any.
    public static func read(path: String) -> (plugin: TopicPlugin?, problems: [FileError]) {
        do {
            return parse(try YAMLFile(path: path))
        } catch {
            return (nil, [error])
        }
    }

    /// Parses plugin YAML held in memory; `path` only names it in errors.
    public static func parse(_ text: String, path: String) throws(FileError) -> TopicPlugin {
        let read = parseAll(text, path: path)
        guard let plugin = read.plugin else { throw read.problems[0] }
        return plugin
    }

    /// Like ``parse(_:path:)``, collecting every mistake.
    public static func parseAll(_ text: String, path: String) -> (plugin: TopicPlugin?, problems: [FileError]) {
        do {
            return parse(try YAMLFile(path: path, data: Data(text.utf8)))
        } catch {
            return (nil, [error])
        }
    }

    /// Collects failures so parsing goes on after one; each check that fails
    /// leaves its value out and the next one still runs.
    private struct Problems {
        var list: [FileError] = []

        mutating func attempt<T>(_ body: () throws(FileError) -> T) -> T? {
            do {
                return try body()
            } catch {
                list.append(error)
                return nil
            }
        }
    }

    private static func parse(_ file: YAMLFile) -> (plugin: TopicPlugin?, problems: [FileError]) {
        let root = file.root
        let what = "the plugin"
        var problems = Problems()
        guard problems.attempt({ () throws(FileError) in _ = try file.mapping(root, what: what) }) != nil else {
            return (nil, problems.list)
        }
        problems.list += unknownKeys(in: root, known: pluginKeys, what: what, file: file)
        let id = problems.attempt { () throws(FileError) -> String in
            let id = try file.string("id", in: root, what: what)
            guard id.range(of: "^[a-z][a-z0-9_-]*$", options: .regularExpression) != nil else {
                throw file.fail(root["id"], "the plugin id '\(id)' must be lowercase letters, digits, '-' or '_'")
            }
            guard !CorePluginID.reserved.contains(id) else {
                throw file.fail(root["id"], "the plugin id '\(id)' is reserved for the core")
            }
            return id
        }
        let name = problems.attempt { () throws(FileError) in try file.string("name", in: root, what: what) }
        let summary = problems.attempt { () throws(FileError) in try file.string("summary", in: root, what: what) }
        var seen: Set<String> = []
        var intents: [Intent] = []
        let nodes = problems.attempt { () throws(FileError) in try file.sequence("intents", in: root, what: what) } ?? []
        for (index, node) in nodes.enumerated() {
            guard let intent = parseIntent(node, in: file, index: index + 1, problems: &problems) else { continue }
            guard seen.insert(intent.id).inserted else {
                problems.list.append(file.fail(node, "intent id '\(intent.id)' appears twice in this plugin"))
                continue
            }
            intents.append(intent)
        }
        for intent in intents {
            if let next = intent.followUp, !seen.contains(next) {
                problems.list.append(
                    file.fail(
                        intentNode(intent.id, in: root)?["follow_up"] ?? root["intents"],
                        "intent '\(intent.id)' names follow_up '\(next)', which is not an intent of this plugin"))
            }
        }
        let synonyms = problems.attempt { () throws(FileError) in Lexicon(try file.pairs("synonyms", in: root, what: what)) }
        let sorted = problems.list.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        guard sorted.isEmpty, let id, let name, let summary, let synonyms else { return (nil, sorted) }
        return (TopicPlugin(id: id, name: name, summary: summary, intents: intents, synonyms: synonyms, file: file.path), [])
    }

    private static func intentNode(_ id: String, in root: Node) -> Node? {
        root["intents"]?.sequence?.first { $0["id"]?.scalar?.string == id }
    }

    private static func unknownKeys(in node: Node, known: [String], what: String, file: YAMLFile) -> [FileError] {
        guard let mapping = node.mapping else { return [] }
        return UnknownKey.find(in: mapping, known: known).map {
            FileError(file: file.path, line: $0.line, message: $0.message(what: what, known: known))
        }
    }

    private static func parseIntent(_ node: Node, in file: YAMLFile, index: Int, problems: inout Problems) -> Intent? {
        let what = "intent \(index)"
        guard problems.attempt({ () throws(FileError) in _ = try file.mapping(node, what: what) }) != nil else { return nil }
        let id = problems.attempt { () throws(FileError) in try file.string("id", in: node, what: what) }
        let label = id.map { "intent '\($0)'" } ?? what
        problems.list += unknownKeys(in: node, known: intentKeys, what: label, file: file)
        var examples: [String] = []
        for example in problems.attempt({ () throws(FileError) in try file.sequence("examples", in: node, what: label) }) ?? [] {
            guard let text = example.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                problems.list.append(file.fail(example, "every example of \(label) must be non-empty text"))
                continue
            }
            examples.append(text)
        }
        let answer = problems.attempt { () throws(FileError) in try file.string("answer", in: node, what: label) }
        let source = problems.attempt { () throws(FileError) -> String? in
            _ = try file.required("source", in: node, what: label)
            let source = try file.optionalString("source", in: node, what: label)
            if let source, !ArticleHeadings.contains(source) {
                throw file.fail(node["source"], "source '\(source)' of \(label) is not a heading of the article")
            }
            return source
        }
        let followUp = problems.attempt { () throws(FileError) in try file.optionalString("follow_up", in: node, what: label) }
        let title = problems.attempt { () throws(FileError) -> String? in
            guard let title = try file.optionalString("title", in: node, what: label)?.trimmingCharacters(in: .whitespacesAndNewlines)
            else {
                return nil
            }
            guard !title.isEmpty, title.count <= 60, !title.contains("\n") else {
                throw file.fail(node["title"], "the title of \(label) must be one line of 1 to 60 characters")
            }
            return title
        }
        guard let id, let answer, let source, let followUp, let title else { return nil }
        return Intent(
            id: id, examples: examples, answer: answer,
            source: source.flatMap(ArticleHeadings.canonical), followUp: followUp, title: title)
    }
}
