/// `{name}` placeholders in sentences people write (`wording.yml`, plugin
/// answers), filled in one pass over the text.
///
/// Foundation's `replacingOccurrences` went through the whole text once per
/// placeholder, bridging to NSString each time: most of the cost of a
/// safety reply.
enum Placeholders {
    /// `template` with every `{name}` that `values` has replaced by its value.
    /// Braces around any other name are left as written, and an inserted
    /// value is never searched again for placeholders.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        let open = UInt8(ascii: "{")
        let close = UInt8(ascii: "}")
        guard template.utf8.contains(open) else { return template }
        var result = ""
        result.reserveCapacity(template.utf8.count)
        var rest = template[...]
        // Braces are ASCII, so every index found here is a character boundary.
        while let start = rest.utf8.firstIndex(of: open) {
            let afterStart = rest.utf8.index(after: start)
            guard let end = rest.utf8[afterStart...].firstIndex(of: close) else { break }
            if let value = values[String(rest[afterStart..<end])] {
                result += rest[..<start]
                result += value
                rest = rest[rest.utf8.index(after: end)...]
            } else {
                // Not a placeholder: keep the brace and look again just after
                // it, so "{a{lines}" still fills "{lines}".
                result += rest[..<afterStart]
                rest = rest[afterStart...]
            }
        }
        result += rest
        return result
    }
}
