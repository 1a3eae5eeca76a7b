import GutBotCore
import Testing

/// The pieces that read untrusted input: line framing, the JSON reader and
/// control-character escapes.
@Suite struct InputTests {
    @Test func overlongLinesAreCutAndTheRestSkipped() {
        var framer = LineFramer(limit: 4)
        var lines = framer.feed(Array("abcdefgh".utf8))
        #expect(lines.isEmpty)
        lines = framer.feed(Array("ij\nxy\r\n\nlast".utf8))
        #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == ["abcd", "xy", ""])
        #expect(lines.map(\.truncated) == [true, false, false])
        #expect(lines.map(\.number) == [1, 2, 3])
        let last = framer.finish()
        #expect(last.map { String(decoding: $0.bytes, as: UTF8.self) } == "last")
        #expect(framer.finish() == nil)
    }

    @Test(arguments: [
        (#"{"text": "a\u00e9\ud83d\ude00"}"#, JSONValue.object([(key: "text", value: .string("aé😀"))])),
        (#"{"text": "lone \ud800 x"}"#, .object([(key: "text", value: .string("lone \u{FFFD} x"))])),
        (#" [1, -2.5e3, true, null] "#, .array([.number("1"), .number("-2.5e3"), .bool(true), .null])),
    ])
    func validJSONReads(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(Array(text.utf8)) == expected)
    }

    @Test(arguments: [
        (#"{"a": 1, "a": 2}"#, "appears twice"),
        (String(repeating: "[", count: 100_000), "nested more than 64"),
        (#"{"a": 01}"#, "cannot start with 0"),
        (#"{"a": "\x"}"#, "unknown escape"),
        ("{\"a\": \"tab\there\"}", "control character"),
        (#"{"a": 1} x"#, "after the JSON value"),
        (#"{"a" 1}"#, "expected ':'"),
    ])
    func invalidJSONNamesTheProblem(text: String, problem: String) {
        #expect {
            _ = try JSONParser.parse(Array(text.utf8))
        } throws: { error in
            (error as? JSONParser.Failure)?.message.contains(problem) == true
        }
    }

    @Test(arguments: ["plain", "esc \u{1B}[31m red \u{7}", "nul \u{0} del \u{7F} c1 \u{9B}", #"a literal \u{41} stays"#, "tab\tstays"])
    func controlEscapesRoundTrip(text: String) {
        let escaped = ControlEscapes.escaped(text)
        #expect(!escaped.unicodeScalars.contains(where: ControlEscapes.needsEscape))
        #expect(ControlEscapes.unescaped(escaped) == text)
    }
}
