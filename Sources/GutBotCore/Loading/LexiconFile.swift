/// Reads a shared `lexicon.yml`: a `synonyms:` mapping of words people type
/// to the words the examples use.
public enum LexiconFile {
    /// Loads the lexicon at `path`.
    public static func load(path: String) throws(PluginLoadError) -> Lexicon {
        let file = try YAMLFile(path: path)
        return Lexicon(try file.pairs("synonyms", in: file.root, what: "the lexicon"))
    }
}
