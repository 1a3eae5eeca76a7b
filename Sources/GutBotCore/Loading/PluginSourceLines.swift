import Foundation
import Yams

/// Where a plugin file's parts sit in its YAML. ``TopicPlugin`` keeps only
/// values, so the checker reads the file again to point authors at the exact
/// line of an intent or an example.
public struct PluginSourceLines: Sendable {
    /// The line of the plugin's `id:` value.
    public var id: Int?
    /// Per intent id: the line of the intent and of each of its examples, in order.
    public var intents: [String: (line: Int?, examples: [Int?])] = [:]
    /// The lines of a top-level `examples:` list, as `out-of-scope.yml` has.
    public var examples: [Int?] = []

    /// No lines known: used when the file cannot be read again.
    public init() {}

    /// The lines of the file at `path`; empty when it cannot be parsed, since
    /// the loader has already reported why.
    public init(path: String) {
        guard let file = try? YAMLFile(path: path) else { return }
        id = file.root["id"]?.mark?.line
        examples = Self.lines(of: file.root["examples"])
        for node in file.root["intents"]?.sequence ?? [] {
            guard let intentID = node["id"]?.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines) else { continue }
            // The loader drops nothing from a valid list, so example lines line up with `Intent.examples` by index.
            intents[intentID] = (node.mark?.line, Self.lines(of: node["examples"]))
        }
    }

    /// The line of intent `intentID`.
    public func line(ofIntent intentID: String) -> Int? {
        intents[intentID]?.line
    }

    /// The line of example number `index` (0-based) of intent `intentID`,
    /// falling back to the intent's own line.
    public func line(ofExample index: Int, in intentID: String) -> Int? {
        guard let entry = intents[intentID] else { return nil }
        return entry.examples.indices.contains(index) ? entry.examples[index] : entry.line
    }

    /// The line of item `index` of the top-level `examples:` list.
    public func line(ofExample index: Int) -> Int? {
        examples.indices.contains(index) ? examples[index] : nil
    }

    private static func lines(of list: Node?) -> [Int?] {
        (list?.sequence).map { Array($0).map { $0.mark?.line } } ?? []
    }
}
