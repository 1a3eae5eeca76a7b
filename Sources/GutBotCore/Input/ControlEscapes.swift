/// Writes control characters (ESC, BEL, backspace, NUL, CSI and the rest of
/// C0 and C1, except tab) as visible `\u{1B}` escapes, and reads them back.
/// Text a user typed is never written raw to a terminal or a transcript: an
/// escape sequence could recolour, retitle or rewrite the screen of whoever
/// reads it later.
public enum ControlEscapes {
    /// Whether `scalar` is written escaped.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09) || (0x7F...0x9F).contains(value)
    }

    /// `text` with every control character as `\u{HEX}`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `text` with every `\u{HEX}` that names a control character turned back
    /// into it; anything else is left as written.
    public static func unescaped(_ text: String) -> String {
        guard text.contains("\\u{") else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\\", index + 3 < scalars.count, scalars[index + 1] == "u", scalars[index + 2] == "{",
                let close = scalars[(index + 3)...].prefix(3).firstIndex(of: "}"), close > index + 3,
                let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 3)..<close])), radix: 16),
                let scalar = Unicode.Scalar(value), needsEscape(scalar)
            {
                result.append(scalar)
                index = close + 1
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
