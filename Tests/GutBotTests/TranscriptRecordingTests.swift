import Foundation
import GutBotCore
import GutBotTestSupport
import Testing

/// Recording survives the process dying, and works from the REPL.
@Suite struct TranscriptRecordingTests {
    @Test func everyCompletedTurnSurvivesKillNine() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let file = directory.appendingPathComponent("killed.chat")
        let process = Process()
        process.executableURL = GutBotProcess.binary
        process.arguments = ["chat", "--record", file.path]
        process.currentDirectoryURL = TestPackage.root
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8"]
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // Two lines, and the pipe left open: gutbot is mid-conversation.
        stdin.fileHandleForWriting.write(Data("does fiber help my mood\nhow much sleep do I need\n".utf8))
        let deadline = Date().addingTimeInterval(30)
        var turns = 0
        while Date() < deadline {
            turns = (try? TranscriptFile.load(file.path))?.turns.count ?? 0
            if turns >= 2 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(turns == 2, "the recording never showed two turns")

        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let transcript = try TranscriptFile.load(file.path)
        #expect(transcript.turns.map(\.message) == ["does fiber help my mood", "how much sleep do I need"])
        for turn in transcript.turns {
            #expect(turn.routing?.intent != nil, "turn without routing: \(turn)")
            #expect(turn.reply?.contains("(Source: ") == true, "turn without its full reply: \(turn)")
        }
        let replay = try GutBotProcess.run(["replay", file.path])
        #expect(replay.status == 0, "\(replay.stdout)")
    }

    @Test(.needsTmux, .terminalTimeLimit) func theREPLRecordsBetweenRecordAndStop() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let session = try TmuxSession(
            command: "cd '\(TestPackage.root.path)' && HOME='\(directory.path)' XDG_STATE_HOME='\(directory.path)/state' "
                + "'\(GutBotProcess.binary.path)' --region us; echo \"exit=$?\"; sleep 5")
        defer { session.stop() }
        func tmux(_ arguments: [String]) throws -> String { try session.run(arguments) }
        func waitFor(_ text: String) throws -> String { session.waitFor(text) }
        _ = try waitFor("you>")  // capture-pane drops trailing spaces

        let file = directory.appendingPathComponent("mid-chat").path
        _ = try tmux(["send-keys", "-t", "repl", "hello", "Enter"])
        _ = try tmux(["send-keys", "-t", "repl", "/record \(file)", "Enter"])
        #expect(try waitFor("Recording to").contains("Recording to \(file).chat"))
        _ = try tmux(["send-keys", "-t", "repl", "does fiber help my mood", "Enter"])
        _ = try waitFor("(Source: 1.")
        _ = try tmux(["send-keys", "-t", "repl", "/stop", "Enter"])
        #expect(try waitFor("Stopped recording").contains("1 turn saved"))
        _ = try tmux(["send-keys", "-t", "repl", "thanks", "Enter"])
        _ = try tmux(["send-keys", "-t", "repl", "/help", "Enter"])
        let help = try waitFor("/stop ")
        #expect(help.contains("/record ") && help.contains("/stop "), "/help lists the commands: \(help)")
        _ = try tmux(["send-keys", "-t", "repl", "C-d"])
        _ = try waitFor("exit=")

        let transcript = try TranscriptFile.load(file + ".chat")
        #expect(transcript.turns.map(\.message) == ["does fiber help my mood"])
        #expect(transcript.region == .us)
        #expect(try GutBotProcess.run(["replay", file + ".chat"]).status == 0)
    }
}
