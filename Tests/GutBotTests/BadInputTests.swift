import Foundation
import GutBotTestSupport
import Testing

/// The bad-input table of issue 9, row by row, from the built binary: a
/// reply or a clear message, bounded time and memory, and never a crash.
@Suite struct BadInputTests {
    private static func objects(_ result: GutBotProcess.Result) -> [[String: Any]] {
        result.lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// No crash trace or raw control character in what gutbot wrote.
    private static func expectClean(_ result: GutBotProcess.Result, _ comment: Comment? = nil) {
        for text in [result.stdout, result.stderr] {
            #expect(!text.contains("Fatal error") && !text.contains("Stack dump") && !text.contains("Illegal instruction"), comment)
            #expect(
                !text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F },
                "raw control character: \(comment?.rawValue ?? "")")
        }
    }

    // MARK: invalid UTF-8, NUL bytes, lone surrogates

    @Test func brokenEncodingsGetARepairedReplyOrAnError() throws {
        var input = Data(#"{"text":"does fiber help \ud800 my mood"}"#.utf8) + Data([0x0A])
        input += Data(#"{"text":"fiber "#.utf8) + Data([0xFF, 0xFE, 0xC3]) + Data(#" mood"}"#.utf8) + Data([0x0A])
        input += Data(#"{"text":"raw "#.utf8) + Data([0x00]) + Data(#" nul"}"#.utf8) + Data([0x0A])
        input += Data(#"{"text":"escaped \u0000 nul"}"#.utf8) + Data([0x0A])
        input += Data(#"{"text":"does fiber help my mood"}"#.utf8) + Data([0x0A])
        let result = try GutBotProcess.run(["--json"], bytes: input)
        #expect(result.status == 0)
        let replies = Self.objects(result)
        #expect(replies.count == 5)
        #expect(replies[0]["plugin"] as? String == "diet", "the lone surrogate was repaired and the text answered")
        #expect(replies[1]["text"] is String, "invalid UTF-8 repaired")
        #expect((replies[2]["error"] as? String)?.contains("control character (byte 0)") == true)
        #expect(replies[3]["text"] is String)
        #expect(replies[4]["plugin"] as? String == "diet")
        Self.expectClean(result)

        var piped = Data("does fiber\u{0} help my mood\n".utf8)
        piped += Data([0xC0, 0xAF, 0xED, 0xA0, 0x80, 0x0A]) + Data("thanks\n".utf8)
        let pipe = try GutBotProcess.run([], bytes: piped)
        #expect(pipe.status == 0)
        #expect(pipe.stdout.contains("(Source: 1. Eat a Fiber-Rich"))
        #expect(pipe.stdout.contains("welcome"))
        Self.expectClean(pipe)
    }

    // MARK: terminal control sequences

    @Test func controlSequencesAreNeverEchoedAndRecordingsStoreThemEscaped() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let file = directory.appendingPathComponent("escapes.chat")
        let nasty = "does fiber \u{1B}[2J\u{1B}]0;pwned\u{7} help\u{8}\u{8} my \u{9B}31m mood\u{7F}"
        let result = try GutBotProcess.run(["chat", "--record", file.path], input: nasty + "\n/\u{1B}[31mbogus\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("(Source: 1. Eat a Fiber-Rich"))
        Self.expectClean(result)
        let recorded = try String(contentsOf: file, encoding: .utf8)
        #expect(!recorded.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x08 || $0.value == 0x9B })
        #expect(recorded.contains(#"> does fiber \u{1B}[2J\u{1B}]0;pwned\u{7} help\u{8}\u{8} my \u{9B}31m mood\u{7F}"#), "\(recorded)")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600, "recordings are private")
        let replay = try GutBotProcess.run(["replay", file.path])
        #expect(replay.status == 0, "the escaped message replays as the original: \(replay.stdout)")
    }

    // MARK: long, huge, many, empty

    @Test func aHugeStreamWithNoNewlineIsReadInBoundedTimeAndMemory() throws {
        // 100 MiB from a generator, never held by the test.
        let chunk = Data(String(repeating: "fiber mood ", count: 6_000).utf8.prefix(64 * 1024))
        let started = Date()
        let result = try GutBotProcess.run(["--region", "us"], launcher: ["/usr/bin/time", "-v"]) { handle in
            for _ in 0..<(100 * 16) { handle.write(chunk) }
        }
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == 0)
        #expect(result.stdout.contains("I read only its first"))
        #expect(seconds < 120, "took \(seconds) s")
        let rss =
            result.stderr.split(separator: "\n").first { $0.contains("Maximum resident set size") }
            .flatMap { Int($0.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)) } ?? 0
        #expect(rss > 0 && rss < 200_000, "peak memory \(rss) KiB for a 100 MiB line")
    }

    @Test(arguments: [
        ("a 1 MiB line", String(repeating: "fiber ", count: 174_763) + "\nthanks\n", ["I read only its first", "welcome"]),
        ("a 10,000-line paste", String(repeating: "does fiber help my mood\n", count: 10_000), ["(Source: 1. Eat a Fiber-Rich"]),
        ("an empty line and whitespace only", "\n   \t  \nthanks\n", ["welcome"]),
    ])
    func longManyAndEmptyLinesAreAnswered(name: String, input: String, expected: [String]) throws {
        // Every line gets its reply; how fast is the benchmark's business
        // (Benchmarks/, release build), not a wall-clock bound in a debug test.
        let result = try GutBotProcess.run([], input: input)
        #expect(result.status == 0)
        for text in expected { #expect(result.stdout.contains(text), "\(name)") }
        if name.hasPrefix("a 10,000") { #expect(result.stdout.components(separatedBy: "(Source: 1. Eat").count - 1 == 10_000) }
        Self.expectClean(result)
    }

    @Test func aJSONLineOverTheLimitIsRefusedAndTheNextAnswered() throws {
        let long = #"{"text":""# + String(repeating: "a", count: 1 << 20) + "\"}\n"
        let result = try GutBotProcess.run(["--json"], input: long + #"{"text":"does fiber help my mood"}"# + "\n")
        let replies = Self.objects(result)
        #expect((replies.first?["error"] as? String)?.contains("longer than 1048576 bytes") == true)
        #expect(replies.last?["plugin"] as? String == "diet")
    }

    // MARK: JSON that is not a request

    @Test(arguments: [
        ("[1, 2]", "must be a JSON object, not an array"),
        (#""just text""#, "must be a JSON object, not a string"),
        (#"{"session": "a"}"#, #"missing \"text\""#),
        (#"{"text": 42}"#, #"\"text\" must be a string, not a number"#),
        (#"{"text": ["a"]}"#, #"\"text\" must be a string, not an array"#),
        (#"{"text": "a", "text": "b"}"#, #"the key \"text\" appears twice"#),
        (#"{"text": "a", "session": 7}"#, #"\"session\" must be a string"#),
        (String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000), "nested more than 64 levels deep"),
        (
            #"{"text": "# + String(repeating: #"{"a":"#, count: 10_000) + "1" + String(repeating: "}", count: 10_001),
            "nested more than 64 levels deep"
        ),
        ("{\"text\": \"unterminated", "the line ends inside a string"),
        ("", "the line ends where a value was expected"),
    ])
    func jsonThatIsNotARequestGetsAnErrorNamingTheProblem(line: String, problem: String) throws {
        let result = try GutBotProcess.run(["--json"], input: line + "\n" + #"{"text":"does fiber help my mood"}"# + "\n")
        #expect(result.status == 0)
        let replies = Self.objects(result)
        #expect(replies.count == 2)
        let error = replies.first?["error"] as? String ?? ""
        #expect(error.contains(problem.replacingOccurrences(of: "\\\"", with: "\"")), "\(error)")
        #expect(replies.first?["line"] as? Int == 1)
        #expect(replies.last?["plugin"] as? String == "diet")
    }

    // MARK: stdout closed early

    @Test(arguments: [
        "'BIN' ask does fiber help my mood | head -c1",
        "yes 'does fiber help my mood' | 'BIN' | head -1",
        "yes '{\"text\":\"hi\"}' | 'BIN' --json | head -c10",
    ])
    func aClosedStdoutEndsQuietly(pipeline: String) throws {
        // bash runs the pipeline with gutbot's path as "$0" (the launcher puts it there).
        let command = pipeline.replacingOccurrences(of: "'BIN'", with: "\"$0\"")
        // PIPESTATUS: gutbot's own status, wherever it stands in the pipeline.
        let index = pipeline.hasPrefix("yes") ? 1 : 0
        let result = try GutBotProcess.run([], launcher: ["/bin/bash", "-c", "\(command) >/dev/null; echo ${PIPESTATUS[\(index)]}"])
        let (stdout, stderr) = (result.stdout, result.stderr)
        #expect(stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(stderr.isEmpty, "\(stderr)")
    }

    // MARK: signals

    @Test(arguments: [SIGTERM, SIGHUP])
    func aSignalEndsCleanlyWithTheRecordingSaved(signal: Int32) throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let file = directory.appendingPathComponent("signal.chat")
        let process = Process()
        process.executableURL = GutBotProcess.binary
        process.arguments = ["chat", "--record", file.path]
        process.currentDirectoryURL = TestPackage.root
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8"]
        let stdin = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        stdin.fileHandleForWriting.write(Data("does fiber help my mood\n".utf8))
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !((try? String(contentsOf: file, encoding: .utf8))?.contains("(Source:") ?? false) {
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).isEmpty)
        let replay = try GutBotProcess.run(["replay", file.path])
        #expect(replay.status == 0, "\(replay.stdout)")
    }

    // MARK: transcripts

    @Test(arguments: [
        ("CRLF line ends and a BOM", "\u{FEFF}# region: us\r\n\r\n> does fiber help my mood\r\n< diet/fiber\r\n", 0, "1 passed"),
        (
            "a truncated last turn", "# region: us\n\n> does fiber help my mood\n< diet/fiber\n\n> how much sleep", 1,
            ":6: the message has no expected reply"
        ),
        ("binary content", "# region: us\n\n> \u{0}\u{1}\n", 1, ":4: not valid UTF-8"),
    ])
    func oddTranscriptsReplayOrAreRejectedWithFileAndLine(name: String, text: String, status: Int32, expected: String) throws {
        let file = try GutBotProcess.temporaryDirectory().appendingPathComponent("odd.chat")
        var data = Data(text.utf8)
        if name == "binary content" { data += Data([0xFF, 0x00, 0xC3, 0x28, 0x0A]) }
        try data.write(to: file)
        let result = try GutBotProcess.run(["replay", file.path])
        #expect(result.status == status, "\(name): \(result.stdout)")
        #expect(result.stdout.contains(expected), "\(name): \(result.stdout)")
        Self.expectClean(result)
    }

    // MARK: history and recording paths

    @Test func anUnwritableOrFullRecordingWarnsAndTheChatGoesOn() throws {
        let unwritable = try GutBotProcess.run(["chat", "--record", "/proc/gutbot.chat"], input: "does fiber help my mood\n")
        #expect(unwritable.status == 0)
        #expect(unwritable.stderr.contains("warning: not recording: cannot create /proc/gutbot.chat"))
        #expect(unwritable.stdout.contains("(Source: 1. Eat a Fiber-Rich"))

        // A file size limit stands in for a full disk: writes past 1 KiB fail.
        let directory = try GutBotProcess.temporaryDirectory()
        let lines = String(repeating: "does fiber help my mood\\n", count: 5)
        let script = "trap '' XFSZ; ulimit -f 1; printf '\(lines)' | \"$0\" chat --record '\(directory.path)/full.chat'"
        let result = try GutBotProcess.run([], launcher: ["/bin/bash", "-c", script])
        let (stdout, stderr) = (result.stdout, result.stderr)
        #expect(result.status == 0)
        #expect(stderr.contains("recording to \(directory.path)/full.chat failed"), "\(stderr)")
        #expect(stdout.components(separatedBy: "(Source: 1. Eat").count - 1 == 5, "every line still answered")
    }

    // MARK: any language

    @Test(arguments: [
        "¿La fibra ayuda a mi estado de ánimo?",
        "食物繊維は気分に良いですか",
        "هل الألياف تساعد مزاجي؟",
        "האם סיבים עוזרים למצב הרוח",
        "\u{202E}doom ym pleh rebif seod",
        String(repeating: "😀", count: 5_000),
        String(repeating: "👩🏽‍🚀", count: 5_000),
        "Z̷̢̛a̸̡͝l̶̛͜g̵̨͠o̷̧͝ text",
    ])
    func anyScriptGetsANormalReply(text: String) throws {
        let result = try GutBotProcess.run(["--json"], input: "{\"text\": \"\(text)\"}\n")
        #expect(result.status == 0)
        let reply = try #require(Self.objects(result).first)
        #expect((reply["text"] as? String)?.isEmpty == false)
        #expect(reply["plugin"] is String)
        Self.expectClean(result)
    }
}
