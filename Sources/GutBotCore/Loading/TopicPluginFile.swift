import Foundation
import Yams

/// Reads one `Plugins/<id>.yml` file into a ``TopicPlugin``, checking the
/// schema as it goes so an author hears about a mistake with its line.
public enum TopicPluginFile {
    /// Loads the plugin at `path`.
    public static func load(path: String) throws(PluginLoadError) -> TopicPlugin {
        try parse(YAMLFile(path: path))
    }

    /// Parses plugin YAML held in memory; `path` only names it in errors.
    public static func parse(_ text: String, path: String) throws(PluginLoadError) -> TopicPlugin {
        try parse(YAMLFile(path: path, data: Data(text.utf8)))
    }

    private static func parse(_ file: YAMLFile) throws(PluginLoadError) -> TopicPlugin {
        let root = file.root
        let what = "the plugin"
        _ = try file.mapping(root, what: what)
        let id = try file.string("id", in: root, what: what)
        guard id.range(of: "^[a-z][a-z0-9_-]*$", options: .regularExpression) != nil else {
            throw file.fail(root["id"], "the plugin id '\(id)' must be lowercase letters, digits, '-' or '_'")
        }
        guard id != "safety", id != "fallback" else {
            throw file.fail(root["id"], "the plugin id '\(id)' is reserved for the core")
        }
        let name = try file.string("name", in: root, what: what)
        let summary = try file.string("summary", in: root, what: what)
        var seen: Set<String> = []
        var intents: [Intent] = []
        for node in try file.sequence("intents", in: root, what: what) {
            let intent = try parseIntent(node, in: file, index: intents.count + 1)
            guard seen.insert(intent.id).inserted else {
                throw file.fail(node, "intent id '\(intent.id)' appears twice in this plugin")
            }
            intents.append(intent)
        }
        for intent in intents {
            if let next = intent.followUp, !seen.contains(next) {
                throw file.fail(root["intents"], "intent '\(intent.id)' names follow_up '\(next)', which is not an intent of this plugin")
            }
        }
        let synonyms = Lexicon(try file.pairs("synonyms", in: root, what: what))
        return TopicPlugin(id: id, name: name, summary: summary, intents: intents, synonyms: synonyms, file: file.path)
    }

    private static func parseIntent(_ node: Node, in file: YAMLFile, index: Int) throws(PluginLoadError) -> Intent {
        let what = "intent \(index)"
        _ = try file.mapping(node, what: what)
        let id = try file.string("id", in: node, what: what)
        let label = "intent '\(id)'"
        var examples: [String] = []
        for example in try file.sequence("examples", in: node, what: label) {
            guard let text = example.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                throw file.fail(example, "every example of \(label) must be non-empty text")
            }
            examples.append(text)
        }
        let answer = try file.string("answer", in: node, what: label)
        _ = try file.required("source", in: node, what: label)
        let source = try file.optionalString("source", in: node, what: label)
        if let source, !ArticleHeadings.contains(source) {
            throw file.fail(node["source"], "source '\(source)' of \(label) is not a heading of the article")
        }
        let followUp = try file.optionalString("follow_up", in: node, what: label)
        let title = try file.optionalString("title", in: node, what: label)?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let title, title.isEmpty || title.count > 60 || title.contains("\n") {
            throw file.fail(node["title"], "the title of \(label) must be one line of 1 to 60 characters")
        }
        return Intent(id: id, examples: examples, answer: answer,
                      source: source.flatMap(ArticleHeadings.canonical), followUp: followUp, title: title)
    }
}

