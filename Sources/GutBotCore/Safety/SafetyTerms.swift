import Foundation

/// Named pieces of patterns, so a list such as every medicine name is written
/// once and used as `{meds}` in many rules. A term may use other terms.
struct SafetyTerms {
    /// Pattern text by name.
    var definitions: [String: String] = [:]

    private static let reference = try! NSRegularExpression(pattern: "\\{([a-z][a-z-]*)\\}")
    // Deep enough for terms built from terms; a cycle stops here instead of looping.
    private static let maximumDepth = 8

    /// `pattern` with every `{name}` replaced by its definition in a
    /// non-capturing group; quantifiers such as `{0,3}` are left alone.
    /// Throws the unknown name, for the caller to report with a line.
    func expand(_ pattern: String) throws(UnknownTerm) -> String {
        var text = pattern
        for _ in 0..<Self.maximumDepth {
            let matches = Self.reference.matches(in: text, range: NSRange(text.startIndex..., in: text))
            guard !matches.isEmpty else { return text }
            for match in matches.reversed() {
                guard let whole = Range(match.range, in: text), let name = Range(match.range(at: 1), in: text) else { continue }
                guard let definition = definitions[String(text[name])] else { throw UnknownTerm(name: String(text[name])) }
                text.replaceSubrange(whole, with: "(?:\(definition))")
            }
        }
        throw UnknownTerm(name: "(terms that refer to each other in a loop)")
    }

    /// A `{name}` with no definition.
    struct UnknownTerm: Error {
        var name: String
    }
}
