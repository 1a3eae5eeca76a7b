/// The few terminal styles gutbot uses (SGR escape codes), and how styled
/// spans are written into wrapped text.
enum TextStyle: String, Sendable {
    case bold = "1"
    case dim = "2"
    case prompt = "1;36"

    /// The escape that turns the style on.
    var on: String { "\u{1B}[\(rawValue)m" }
    /// The escape that turns every style off.
    static let off = "\u{1B}[0m"

    /// A span of characters, by offset into the plain text, and its style.
    struct Span: Sendable {
        var range: Range<Int>
        var style: TextStyle
    }

    /// `text` with each span's style turned on and off around it. Styles are
    /// closed before every line break and opened again after it, so a line on
    /// its own (a terminal scrolled, a copy of one line) never bleeds style.
    static func apply(_ spans: [Span], to text: String) -> String {
        guard !spans.isEmpty else { return text }
        var out = ""
        var active: TextStyle?
        for (offset, character) in text.enumerated() {
            let wanted = spans.last { $0.range.contains(offset) }?.style
            if character == "\n" {
                if active != nil { out += off }
                out.append(character)
                active = nil
                continue
            }
            if wanted != active {
                if active != nil { out += off }
                if let wanted { out += wanted.on }
                active = wanted
            }
            out.append(character)
        }
        if active != nil { out += off }
        return out
    }
}
