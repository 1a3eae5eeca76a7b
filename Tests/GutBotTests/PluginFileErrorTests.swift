import Foundation
import Testing

/// A broken plugin file, from the built binary: `gutbot` refuses to start and
/// `gutbot check` fails, both naming the file, the line and the key, and
/// listing every mistake in a file rather than the first.
@Suite struct PluginFileErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// File name (or folder name, for `directory`) to text.
        var files: [String: String]
        /// What both commands must print: `file:line` (or `file`) and the message after it.
        var expected: [(location: String, message: String)]
        var testDescription: String { name }
    }

    static let header = "id: demo\nname: Demo\nsummary: A demo.\n"
    static let intent = "intents:\n  - id: one\n    examples: [does fiber help my mood]\n    answer: Yes.\n    source: null\n"

    static let cases: [Case] = [
        Case(name: "YAML error", files: ["demo.yml": header + "intents: [unclosed\n"], expected: [("demo.yml:5", "YAML error")]),
        Case(
            name: "wrong types",
            files: ["demo.yml": header + "intents:\n  - id: one\n    examples: fiber\n    answer: [1, 2]\n    source: null\n"],
            expected: [
                ("demo.yml:6", "'examples' in intent 'one' must be a non-empty list"),
                ("demo.yml:7", "'answer' in intent 'one' must be non-empty text"),
            ]),
        Case(
            name: "duplicate ids", files: ["a.yml": header + intent, "b.yml": header + intent],
            expected: [("b.yml:1", "plugin id 'demo' is also used by")]),
        Case(
            name: "duplicate intent ids",
            files: ["demo.yml": header + intent + "  - id: one\n    examples: [hi]\n    answer: Hi.\n    source: null\n"],
            expected: [("demo.yml:9", "intent id 'one' appears twice")]),
        Case(
            name: "unknown keys, every one",
            files: [
                "demo.yml": header
                    + "intents:\n  - id: one\n    exmaples: [hi]\n    answer: Hi.\n    source: null\n    title: One\nsynonym: {}\n"
            ],
            expected: [
                ("demo.yml:5", "intent 'one' is missing the required key 'examples'"),
                ("demo.yml:6", "unknown key 'exmaples' in intent 'one' (did you mean 'examples'?)"),
                ("demo.yml:10", "unknown key 'synonym' in the plugin (did you mean 'synonyms'?)"),
            ]),
        Case(
            name: "duplicate keys", files: ["demo.yml": header + "name: Again\n" + intent],
            expected: [("demo.yml:4", "YAML error: duplicate key name")]),
        Case(
            name: "a directory where a file should be", files: ["demo.yml/": ""],
            expected: [("demo.yml", "this is a directory, where a file should be")]),
    ]

    /// A plugin directory with the shipped safety data (linked, so it is the
    /// base) and `files`.
    private static func directory(_ files: [String: String]) throws -> URL {
        let directory = try GutBotProcess.temporaryDirectory()
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("safety").path,
            withDestinationPath: GutBotProcess.plugins + "/safety")
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            if name.hasSuffix("/") {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } else {
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
        }
        return directory
    }

    @Test(arguments: cases)
    func bothCommandsNameFileLineAndKey(_ row: Case) throws {
        let directory = try Self.directory(row.files)
        let start = try GutBotProcess.run(["--plugins", directory.path], input: "does fiber help my mood\n")
        #expect(start.status != 0, "gutbot started with a broken plugin")
        #expect(start.stdout.isEmpty)
        let check = try GutBotProcess.run(["check", "--plugins", directory.path])
        #expect(check.status != 0)
        for (location, message) in row.expected {
            #expect(start.stderr.contains("\(location): \(message)"), "gutbot: \(start.stderr)")
            #expect(check.stdout.contains("\(location): error: \(message)"), "check: \(check.stdout)")
        }
    }

    @Test func anUnreadableFileIsNamed() throws {
        let directory = try Self.directory(["demo.yml": Self.header + Self.intent])
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: directory.appendingPathComponent("demo.yml").path)
        // Root reads any file, so drop to nobody when the tests run as root.
        let launcher = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let start = try GutBotProcess.run(["--plugins", directory.path], input: "hi\n", launcher: launcher)
        let check = try GutBotProcess.run(["check", "--plugins", directory.path], launcher: launcher)
        #expect(start.status != 0 && check.status != 0)
        #expect(start.stderr.contains("demo.yml: cannot read the file"), "\(start.stderr)")
        #expect(check.stdout.contains("demo.yml: error: cannot read the file"), "\(check.stdout)")
    }

    @Test func aBrokenSafetyFileAlwaysStopsTheStart() throws {
        // Even as a later folder that could only add: broken safety data fails closed.
        let later = try GutBotProcess.temporaryDirectory()
        try FileManager.default.createDirectory(at: later.appendingPathComponent("safety"), withIntermediateDirectories: true)
        try "rules:\n  - id: extra\n    category: suicidal\n    tier: crisis\n    pattern: ['x']\n"
            .write(to: later.appendingPathComponent("safety/safety.yml"), atomically: true, encoding: .utf8)
        let start = try GutBotProcess.run(["--plugins", GutBotProcess.plugins, "--plugins", later.path], input: "hi\n")
        #expect(start.status == 2)
        #expect(
            start.stderr.contains("safety/safety.yml:5: unknown key 'pattern' in rule 'extra' (did you mean 'patterns'?)"),
            "\(start.stderr)")
    }
}
