import Foundation
import GutBotCore
import Testing

/// `gutbot chat --record` and `gutbot replay`, driven through the built binary.
@Suite struct ReplayCommandTests {
    static let conversation = "hello\ndoes fiber help my mood\nI want to die\nthanks\n"

    /// Records `input` piped into `chat --record` as `name` in `directory`.
    static func record(_ input: String = conversation, as name: String = "round.chat", in directory: URL) throws -> URL {
        let file = directory.appendingPathComponent(name)
        let result = try GutBotProcess.run(["chat", "--record", file.path], input: input)
        #expect(result.status == 0, "recording failed: \(result.stderr)")
        return file
    }

    @Test func recordReplayBreakAndBless() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let file = try Self.record(in: directory)
        let recorded = try String(contentsOf: file, encoding: .utf8)

        let green = try GutBotProcess.run(["replay", file.path])
        #expect(green.status == 0)
        #expect(green.lines.last == "1 passed, 0 failed", "\(green.stdout)")

        // Change one word of the fiber reply.
        var lines = recorded.components(separatedBy: "\n")
        let index = try #require(
            lines.firstIndex { $0.hasPrefix("Fiber ") || $0.contains(" fiber") && !$0.hasPrefix(">") && !$0.hasPrefix("<") })
        let edited = lines[index].replacingOccurrences(of: " the ", with: " THE ", options: [], range: lines[index].range(of: " the "))
        #expect(edited != lines[index])
        let original = lines[index]
        lines[index] = edited
        try lines.joined(separator: "\n").write(to: file, atomically: false, encoding: .utf8)

        let red = try GutBotProcess.run(["replay", file.path])
        #expect(red.status == 1)
        #expect(red.lines.last == "0 passed, 1 failed")
        #expect(red.stdout.contains("\(file.path):\(index + 1):"), "names the file and line: \(red.stdout)")
        #expect(red.stdout.contains("- " + edited))
        #expect(red.stdout.contains("+ " + original))

        let update = try GutBotProcess.run(["replay", "--update", file.path])
        #expect(update.status == 0, "\(update.stdout)")
        #expect(update.stdout.contains("updated \(file.path):\(index + 1):"))
        #expect(update.lines.last == "1 passed, 0 failed")
        #expect(try String(contentsOf: file, encoding: .utf8) == recorded)
        #expect(try GutBotProcess.run(["replay", file.path]).status == 0)
        // The update's temporary file is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["round.chat"])
    }

    @Test func brokenTranscriptsAreReportedAndTheRestStillRun() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        _ = try Self.record("hello\n", as: "b-good.chat", in: directory)
        try Data("< smalltalk\n> hello\n".utf8).write(to: directory.appendingPathComponent("a-orphan.chat"))
        try Data("> hello\n< smalltalk\n/(unclosed/\n".utf8).write(to: directory.appendingPathComponent("c-regex.chat"))
        try (Data("> hello\n< smalltalk\n~ caf".utf8) + Data([0xE9, 0x0A])).write(to: directory.appendingPathComponent("d-latin1.chat"))
        let nested = directory.appendingPathComponent("nested")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        _ = try Self.record("thanks\n", as: "e-good.chat", in: nested)
        try Data("not a transcript".utf8).write(to: directory.appendingPathComponent("ignored.txt"))

        let result = try GutBotProcess.run(["replay", directory.path])
        #expect(result.status == 1)
        #expect(result.lines.last == "2 passed, 3 failed", "\(result.stdout)")
        #expect(result.stdout.contains("a-orphan.chat:1: "))
        #expect(result.stdout.contains("c-regex.chat:3: "))
        #expect(result.stdout.contains("d-latin1.chat:3: "))

        let fast = try GutBotProcess.run(["replay", "--fail-fast", directory.path])
        #expect(fast.status == 1)
        #expect(fast.lines.last == "0 passed, 1 failed")

        let missing = try GutBotProcess.run(["replay", directory.appendingPathComponent("nope.chat").path])
        #expect(missing.status == 1)
        #expect(missing.lines.last == "0 passed, 1 failed")
    }

    @Test func recordingNeverOverwritesATranscript() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let file = try Self.record("hello\n", in: directory)
        let before = try Data(contentsOf: file)
        let again = try GutBotProcess.run(["chat", "--record", file.path], input: "thanks\n")
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists"))
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func crisisRepliesReplayWithTheTranscriptsRegionNotTheMachines() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let plain = directory.appendingPathComponent("plain.chat")
        try "> I want to die\n< safety\n~ 988\n".write(to: plain, atomically: true, encoding: .utf8)
        let british = directory.appendingPathComponent("british.chat")
        try "# region: uk\n> I want to die\n< safety\n~ 116 123\n".write(to: british, atomically: true, encoding: .utf8)

        // No header: us, whatever the locale says.
        let gb = try GutBotProcess.run(["replay", directory.path], environment: ["LANG": "en_GB.UTF-8"])
        #expect(gb.lines.last == "2 passed, 0 failed", "\(gb.stdout)")
        // --region sets transcripts without a header; a header still wins.
        let uk = try GutBotProcess.run(["replay", "--region", "uk", directory.path])
        #expect(uk.lines.last == "1 passed, 1 failed", "\(uk.stdout)")
        #expect(uk.stdout.contains("plain.chat:3:"))
    }

    @Test func replayWithoutPathsReadsTheTranscriptsFolder() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let transcripts = directory.appendingPathComponent("Transcripts")
        try FileManager.default.createDirectory(at: transcripts, withIntermediateDirectories: true)
        _ = try Self.record("hello\n", as: "hello.chat", in: transcripts)
        let result = try GutBotProcess.run(["replay", "--plugins", GutBotProcess.plugins], directory: directory)
        #expect(result.lines.last == "1 passed, 0 failed", "\(result.stdout)\(result.stderr)")
    }
}
