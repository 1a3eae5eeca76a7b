import Foundation
import GutBotTestSupport
import Testing

/// The REPL in a real pseudo-terminal (tmux), typed at as a person would.
@Suite(.needsTmux, .terminalTimeLimit) struct REPLTests {
    @Test func promptAnswerHistoryCtrlCAndCtrlD() throws {
        let home = try GutBotProcess.temporaryDirectory()
        let tmux = try TmuxSession(
            command: "cd '\(TestPackage.root.path)' && HOME='\(home.path)' XDG_STATE_HOME='\(home.path)/state' "
                + "'\(GutBotProcess.binary.path)' --region us; echo \"exit=$?\"; sleep 30")
        defer { tmux.stop() }

        #expect(tmux.waitFor("you>").contains("you>"), "no prompt")

        try tmux.type("does fiber help my mood", "Enter")
        let answered = tmux.waitFor("(Source: 1. Eat a Fiber-Rich")
        #expect(answered.contains("(Source: 1. Eat a Fiber-Rich"), "no answer: \(answered)")

        // Ctrl-C throws away the line being typed and gives a fresh prompt.
        try tmux.type("this line is abandoned")
        _ = tmux.waitFor("abandoned")
        try tmux.type("C-c")
        Thread.sleep(forTimeInterval: 0.5)  // a person does not type within microseconds of Ctrl-C
        try tmux.type("/topics", "Enter")
        let topics = tmux.waitFor("diet: ")
        #expect(topics.contains("diet: "), "Ctrl-C did not clear the line: \(topics)")
        #expect(tmux.isRunning, "Ctrl-C ended the REPL")

        try tmux.type("C-d")
        let ended = tmux.waitFor("exit=")
        #expect(ended.contains("exit=0"), "Ctrl-D did not exit cleanly: \(ended)")

        let history = home.appendingPathComponent("state/gutbot/history")
        let attributes = try FileManager.default.attributesOfItem(atPath: history.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let saved = try String(contentsOf: history, encoding: .utf8)
        #expect(saved.contains("does fiber help my mood"))
        #expect(!saved.contains("abandoned"))
    }

    @Test func tabCompletesCommandsAndTopics() throws {
        let home = try GutBotProcess.temporaryDirectory()
        let tmux = try TmuxSession(
            command: "cd '\(TestPackage.root.path)' && HOME='\(home.path)' XDG_STATE_HOME='\(home.path)/state' "
                + "'\(GutBotProcess.binary.path)' --region us; echo \"exit=$?\"; sleep 30")
        defer { tmux.stop() }
        _ = tmux.waitFor("you>")
        try tmux.type("/to", "Tab")
        #expect(tmux.waitFor("/topics").contains("you> /topics"), "no completion of /to")
        try tmux.type("Enter")
        #expect(tmux.waitFor("probiotics: ").contains("probiotics: "))
        try tmux.type("C-d")
        #expect(tmux.waitFor("exit=").contains("exit=0"))
    }
}
