/// Named pieces of patterns, so a list such as every medicine name is written
/// once and used as `{meds}` in many rules. A term may use other terms.
struct SafetyTerms {
    /// Pattern text by name.
    var definitions: [String: String] = [:]

    // Deep enough for terms built from terms; a cycle stops here instead of looping.
    private static let maximumDepth = 8

    /// `pattern` with every `{name}` replaced by its definition in a
    /// non-capturing group; quantifiers such as `{0,3}` are left alone.
    /// Throws the unknown name, for the caller to report with a line.
    func expand(_ pattern: String) throws(UnknownTerm) -> String {
        var text = Array(pattern.utf8)
        for _ in 0..<Self.maximumDepth {
            let references = Self.references(in: text)
            guard !references.isEmpty else { return String(decoding: text, as: UTF8.self) }
            let names = references.map { String(decoding: text[$0.name], as: UTF8.self) }
            // The last unknown name is the one reported, as when names were
            // replaced from the end.
            if let unknown = names.last(where: { self.definitions[$0] == nil }) { throw UnknownTerm(name: unknown) }
            let definitions = names.map { self.definitions[$0]! }
            var expanded: [UInt8] = []
            expanded.reserveCapacity(text.count + definitions.reduce(0) { $0 + $1.utf8.count + 4 })
            var copied = 0
            for (reference, definition) in zip(references, definitions) {
                expanded += text[copied..<reference.whole.lowerBound]
                expanded += "(?:\(definition))".utf8
                copied = reference.whole.upperBound
            }
            expanded += text[copied...]
            text = expanded
        }
        throw UnknownTerm(name: "(terms that refer to each other in a loop)")
    }

    /// Every `{name}` in `text` (UTF-8), in order, as byte offsets of the
    /// whole reference and of the name: a lowercase letter, then lowercase
    /// letters and `-`. The same as `\{([a-z][a-z-]*)\}` finds, left to
    /// right and without overlaps; scanned by hand because that regular
    /// expression cost a twentieth of start-up.
    static func references(in text: [UInt8]) -> [(whole: Range<Int>, name: Range<Int>)] {
        func isLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        var found: [(whole: Range<Int>, name: Range<Int>)] = []
        var open = 0
        while let brace = text[open...].firstIndex(of: UInt8(ascii: "{")) {
            var end = brace + 1
            if end < text.count, isLetter(text[end]) {
                end += 1
                while end < text.count, isLetter(text[end]) || text[end] == UInt8(ascii: "-") { end += 1 }
            }
            // A reference needs a name and then `}`; otherwise look again from the next byte.
            if end > brace + 1, end < text.count, text[end] == UInt8(ascii: "}") {
                found.append((brace..<(end + 1), (brace + 1)..<end))
                open = end + 1
            } else {
                open = brace + 1
            }
        }
        return found
    }

    /// A `{name}` with no definition.
    struct UnknownTerm: Error {
        var name: String
    }
}
