import Testing

@testable import GutBotCore

/// Filling `{name}` placeholders in one pass, as safety wording and plugin
/// answers use them.
struct PlaceholdersTests {
    @Test(arguments: [
        ("Call {emergency} now.", "Call 911 now."),
        ("{lines}; or {directory}", "988; or findahelpline.com"),
        ("no placeholders at all", "no placeholders at all"),
        ("{unknown} stays, {lines} fills", "{unknown} stays, 988 fills"),
        ("{a{lines}", "{a988"),
        ("an open brace { with no end {lines", "an open brace { with no end {lines"),
        ("{emergency}{emergency}", "911911"),
        ("{}", "{}"),
        ("héllo — {lines} ✓", "héllo — 988 ✓"),
    ])
    func placeholdersAreFilled(template: String, expected: String) {
        let values = ["emergency": "911", "lines": "988", "directory": "findahelpline.com"]
        #expect(Placeholders.fill(template, values) == expected)
    }

    @Test func anInsertedValueIsNotFilledAgain() {
        #expect(Placeholders.fill("{a} {b}", ["a": "{b}", "b": "x"]) == "{b} x")
    }
}
