import Foundation
import GutBotTestSupport
import Testing

/// What gutbot keeps about a conversation, from the binary in a real terminal.
@Suite(.needsTmux, .terminalTimeLimit) struct PrivacyTests {
    /// gutbot in tmux with its own HOME, `environment` set and `arguments`
    /// passed; its process id lands in `home/pid`.
    private static func start(home: URL, arguments: String = "", environment: String = "") throws -> TmuxSession {
        try TmuxSession(
            command: "cd '\(TestPackage.root.path)' && HOME='\(home.path)' XDG_STATE_HOME='\(home.path)/state' \(environment) "
                + "sh -c 'echo $$ > \"\(home.path)/pid\"; exec \"\(GutBotProcess.binary.path)\" --region us \(arguments)'; echo \"exit=$?\"; sleep 30"
        )
    }

    private static func history(_ home: URL) -> String? {
        try? String(contentsOf: home.appendingPathComponent("state/gutbot/history"), encoding: .utf8)
    }

    @Test func crisisMessagesNeverReachTheHistoryAndSIGTERMEndsCleanly() throws {
        let home = try GutBotProcess.temporaryDirectory()
        let tmux = try Self.start(home: home)
        defer { tmux.stop() }
        _ = tmux.waitFor("you>")
        try tmux.type("does fiber help my mood", "Enter")
        try tmux.typeAtPrompt("I want to kill myself", "Enter", after: "(Source: 1. Eat")
        try tmux.typeAtPrompt("/topics", "Enter", after: "988")
        // /help says where the safety data in force came from.
        try tmux.typeAtPrompt("/help", "Enter", after: "diet: ")
        #expect(tmux.waitFor("safety: ").contains("safety: \(GutBotProcess.shippedRuleCount) rules from \(GutBotProcess.plugins)/safety"))
        // SIGTERM at the prompt: a clean exit, with everything already saved.
        let pid = try #require(
            Int32(String(contentsOf: home.appendingPathComponent("pid"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(pid, SIGTERM)
        let ended = tmux.waitFor("exit=")
        #expect(ended.contains("exit=0"), "\(ended)")
        #expect(!ended.contains("Fatal error"))
        let saved = try #require(Self.history(home))
        #expect(saved.contains("does fiber help my mood"))
        #expect(saved.contains("/topics") && saved.contains("/help"))
        #expect(!saved.contains("kill myself"), "a crisis message was written to the history file")
    }

    @Test(arguments: [("--no-history", ""), ("", "GUTBOT_NO_HISTORY=1")])
    func historyCanBeTurnedOff(argument: String, environment: String) throws {
        let home = try GutBotProcess.temporaryDirectory()
        let tmux = try Self.start(home: home, arguments: argument, environment: environment)
        defer { tmux.stop() }
        _ = tmux.waitFor("you>")
        try tmux.type("does fiber help my mood", "Enter")
        _ = tmux.waitFor("(Source: 1. Eat")
        try tmux.typeAtPrompt("C-d", after: "(Source: 1. Eat")
        #expect(tmux.waitFor("exit=").contains("exit=0"))
        #expect(Self.history(home) == nil, "history was written with \(argument)\(environment)")
    }

    @Test(arguments: ["missing", "full"])
    func anUnusableHistoryWarnsAndTheChatGoesOn(kind: String) throws {
        let home = try GutBotProcess.temporaryDirectory()
        let state = home.appendingPathComponent("state/gutbot")
        if kind == "full" {
            // /dev/full refuses every write with ENOSPC, as a full disk does.
            try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: state.appendingPathComponent("history").path, withDestinationPath: "/dev/full")
        } else {
            // A file where the state directory should be: it cannot be created.
            try FileManager.default.createDirectory(at: home.appendingPathComponent("state"), withIntermediateDirectories: true)
            try Data().write(to: state)
        }
        let tmux = try Self.start(home: home)
        defer { tmux.stop() }
        _ = tmux.waitFor("you>")
        try tmux.type("does fiber help my mood", "Enter")
        let screen = tmux.waitFor("(Source: 1. Eat")
        #expect(screen.contains("warning: cannot"), "\(screen)")
        #expect(screen.contains("the chat goes on without saving history"))
        try tmux.type("how much sleep do I need", "Enter")
        #expect(tmux.waitFor("(Source: Practical Checklist").contains("you> how much sleep"), "the chat did not go on")
        try tmux.typeAtPrompt("C-d", after: "(Source: Practical Checklist")
        #expect(tmux.waitFor("exit=").contains("exit=0"))
    }
}
