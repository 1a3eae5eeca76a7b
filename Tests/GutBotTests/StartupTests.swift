import Foundation
import GutBotCore
import GutBotTestSupport
import Testing

/// Start-up as a user meets it: plain pipes, one-shot questions, and refusing
/// to run without the safety plugin.
@Suite struct StartupTests {
    @Test func pipedInputGetsOneReplyPerLine() throws {
        let result = try GutBotProcess.run([], input: "does fiber help my mood\nwhat is the capital of peru\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("(Source: 1. Eat a Fiber-Rich, Nutrient-Dense Diet)"))
        #expect(result.stdout.contains("I can talk about"))
        #expect(!result.stdout.contains("you>"))
    }

    @Test func badInputGetsRepliesNotCrashes() throws {
        // Invalid UTF-8, control characters and an escape sequence, then a 1 MB line.
        var input = Data("does fiber help\u{1}\u{1B}[31m my mood\n".utf8)
        input.append(contentsOf: [0xFF, 0xFE, 0x0A])
        input.append(Data((String(repeating: "fiber ", count: 200_000) + "\nthanks\n").utf8))
        let result = try GutBotProcess.run(["--region", "us"], bytes: input)
        #expect(result.status == 0)
        #expect(result.stdout.contains("(Source: 1. Eat a Fiber-Rich, Nutrient-Dense Diet)"))
        #expect(result.stdout.contains("I read only its first"))
        #expect(result.stdout.contains("welcome"), "the line after the huge one was answered")
    }

    @Test func askAnswersOnceWithItsSource() throws {
        let result = try GutBotProcess.run(["ask", "--json", "how", "many", "hours", "of", "sleep", "do", "I", "need"])
        let reply = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(reply["plugin"] as? String == "sleep")
    }

    @Test func refusesToStartWithoutSafetyData() throws {
        let empty = try GutBotProcess.temporaryDirectory()
        let result = try GutBotProcess.run(
            ["ask", "I want to die"], directory: empty,
            environment: ["XDG_CONFIG_HOME": empty.path])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("safety"))
    }

    @Test func refusesToStartWithBrokenSafetyData() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let safety = directory.appendingPathComponent("safety")
        try FileManager.default.createDirectory(at: safety, withIntermediateDirectories: true)
        try "checked: [unclosed\n".write(to: safety.appendingPathComponent("safety.yml"), atomically: true, encoding: .utf8)
        let result = try GutBotProcess.run(["--plugins", directory.path, "--json"], input: #"{"text":"hello"}"# + "\n")
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("safety.yml:"))
    }

    /// The safety net needs its crisis classifier: a models folder with both
    /// encoders but no classifier, or a damaged one, stops the start and names
    /// the file, as broken safety data does.
    @Test(arguments: [false, true])
    func refusesToStartWithoutItsCrisisClassifier(damaged: Bool) throws {
        let models = try GutBotProcess.temporaryDirectory()
        let shipped = TestPackage.root.appendingPathComponent("Models")
        for name in [ModelFile.name, TransformerModelFile.name, VectorStore.name] {
            try FileManager.default.createSymbolicLink(
                at: models.appendingPathComponent(name), withDestinationURL: shipped.appendingPathComponent(name))
        }
        if damaged {
            var bytes = try [UInt8](Data(contentsOf: shipped.appendingPathComponent(CrisisClassifier.name)))
            bytes[100] ^= 1
            try Data(bytes).write(to: models.appendingPathComponent(CrisisClassifier.name))
        }
        let result = try GutBotProcess.run(["ask", "--models", models.path, "I want to die"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(CrisisClassifier.name), "\(result.stderr)")
        #expect(result.stderr.contains(damaged ? "checksum" : "cannot read the crisis classifier"), "\(result.stderr)")
    }

    @Test func closedPipeEndsQuietly() throws {
        // `head -1` closes the pipe after one line; gutbot must not crash or print errors.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let lines = String(repeating: "does fiber help my mood\\n", count: 2000)
        process.arguments = [
            "-c",
            "printf '\(lines)' | '\(GutBotProcess.binary.path)' --plugins '\(GutBotProcess.plugins)' | head -1 >/dev/null; echo ${PIPESTATUS[1]:-x}",
        ]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "gutbot's exit status after the reader left")
        #expect(stderr.isEmpty)
    }
}
