import Foundation
import Testing

/// The REPL in a real pseudo-terminal (tmux), typed at as a person would.
@Suite(.serialized) struct REPLTests {
    /// A tmux server of its own, so tests never touch a user's sessions.
    private struct Tmux {
        let socket = "gutbot-test-\(UUID().uuidString.prefix(8))"

        @discardableResult
        func run(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
            process.arguments = ["-L", socket, "-f", "/dev/null"] + arguments
            let out = Pipe()
            process.standardOutput = out
            process.standardError = Pipe()
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }

        func screen() throws -> String { try run(["capture-pane", "-p", "-t", "repl", "-S", "-200"]) }

        /// Waits until the screen satisfies `condition`, up to `seconds`.
        func waitFor(_ seconds: Double = 20, _ condition: (String) -> Bool) throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var text = ""
            while Date() < deadline {
                text = (try? screen()) ?? ""
                if condition(text) { return text }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return text
        }

        func sessionExists() -> Bool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
            process.arguments = ["-L", socket, "has-session", "-t", "repl"]
            process.standardError = Pipe()
            try? process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
    }

    @Test func promptAnswerHistoryAndCtrlD() throws {
        let home = try GutBotProcess.temporaryDirectory()
        let tmux = Tmux()
        defer { _ = try? tmux.run(["kill-server"]) }
        let command = "cd '\(GutBotProcess.packageRoot.path)' && HOME='\(home.path)' XDG_STATE_HOME='\(home.path)/state' "
            + "'\(GutBotProcess.binary.path)'; echo \"exit=$?\"; sleep 30"
        try tmux.run(["new-session", "-d", "-s", "repl", "-x", "120", "-y", "50", command])

        let greeting = try tmux.waitFor { $0.contains("you> ") }
        #expect(greeting.contains("you> "), "no prompt: \(greeting)")

        try tmux.run(["send-keys", "-t", "repl", "does fiber help my mood", "Enter"])
        let answered = try tmux.waitFor { $0.contains("(Source: 1. Eat a Fiber-Rich") }
        #expect(answered.contains("(Source: 1. Eat a Fiber-Rich"), "no answer: \(answered)")

        // Ctrl-C throws away the line being typed and gives a fresh prompt.
        try tmux.run(["send-keys", "-t", "repl", "this line is abandoned"])
        _ = try tmux.waitFor { $0.contains("abandoned") }
        try tmux.run(["send-keys", "-t", "repl", "C-c"])
        try tmux.run(["send-keys", "-t", "repl", "/topics", "Enter"])
        let topics = try tmux.waitFor { $0.contains("diet: ") }
        #expect(topics.contains("diet: "), "Ctrl-C did not clear the line: \(topics)")
        #expect(tmux.sessionExists(), "Ctrl-C ended the REPL")

        try tmux.run(["send-keys", "-t", "repl", "C-d"])
        let ended = try tmux.waitFor { $0.contains("exit=") }
        #expect(ended.contains("exit=0"), "Ctrl-D did not exit cleanly: \(ended)")

        let history = home.appendingPathComponent("state/gutbot/history")
        let attributes = try FileManager.default.attributesOfItem(atPath: history.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let saved = try String(contentsOf: history, encoding: .utf8)
        #expect(saved.contains("does fiber help my mood"))
        #expect(!saved.contains("abandoned"))
    }
}
