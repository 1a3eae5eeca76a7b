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

    /// SIGTERM while readline has the terminal gives it back as it was
    /// (echo and line editing on), not in readline's raw mode, and Ctrl-C
    /// clears the line at the very first prompt. Both need the handlers to
    /// see the flag gb_readline sets: a `static` in the shim's header gave each
    /// object file its own copy, and the handlers read one never set.
    @Test func sigtermRestoresTheTerminalAndCtrlCClearsTheFirstLine() throws {
        let home = try GutBotProcess.temporaryDirectory()
        let tmux = try TmuxSession(
            command: "cd '\(TestPackage.root.path)' && HOME='\(home.path)' XDG_STATE_HOME='\(home.path)/state' "
                + "sh -c 'echo $$ > \"\(home.path)/pid\"; exec \"\(GutBotProcess.binary.path)\" --region us'; "
                + "echo \"exit=$?\"; stty -a | tr ' ' '\\n' | grep -x -e '-*icanon' -e '-*echo' | tr '\\n' ' '; echo end; sleep 30")
        defer { tmux.stop() }
        _ = tmux.waitFor("you>")
        try tmux.type("a line never sent")
        _ = tmux.waitFor("never sent")
        try tmux.type("C-c")
        Thread.sleep(forTimeInterval: 0.5)
        try tmux.type("/topics", "Enter")
        #expect(tmux.waitFor("diet: ").contains("diet: "), "Ctrl-C did not clear the line: \(tmux.screen())")

        let pid = try #require(
            Int32(String(contentsOf: home.appendingPathComponent("pid"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(pid, SIGTERM)
        let ended = tmux.waitFor(" end")
        #expect(ended.contains("exit=0"), "\(ended)")
        #expect(ended.contains("icanon echo end"), "the terminal was left in raw mode: \(ended)")
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
        try tmux.typeAtPrompt("C-d", after: "probiotics: ")
        #expect(tmux.waitFor("exit=").contains("exit=0"))
    }
}
