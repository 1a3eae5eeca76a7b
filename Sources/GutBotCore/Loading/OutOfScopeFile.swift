/// Reads `out-of-scope.yml`: an `examples:` list of questions gutbot should
/// not answer, which the router learns as the fallback's own examples.
public enum OutOfScopeFile {
    /// The file's name in a plugin directory.
    public static let name = "out-of-scope.yml"

    /// Loads the examples at `path`.
    public static func load(path: String) throws(PluginLoadError) -> [String] {
        let file = try YAMLFile(path: path)
        return try file.sequence("examples", in: file.root, what: "the out-of-scope file").map { (node) throws(PluginLoadError) -> String in
            guard let text = node.scalar?.string, !text.isEmpty else { throw file.fail(node, "every example must be non-empty text") }
            return text
        }
    }
}
