import Foundation
import GutBotCore
import GutBotTestSupport
import Testing

/// The REPL as a person sees it, in a real terminal (tmux) of a given width:
/// wrapping, styling, leaving with a word, and `/source`.
@Suite(.needsTmux, .terminalTimeLimit) struct TerminalChatTests {
    /// gutbot in a fresh tmux window; `environment` is prefixed to the command.
    private func start(width: Int, environment: String = "") throws -> TmuxSession {
        let home = try GutBotProcess.temporaryDirectory()
        let tmux = try TmuxSession(
            command: "cd '\(TestPackage.root.path)' && HOME='\(home.path)' XDG_STATE_HOME='\(home.path)/state' "
                + "\(environment) '\(GutBotProcess.binary.path)' --region us; echo \"exit=$?\"; sleep 30", width: width)
        #expect(tmux.waitFor("you>").contains("you>"), "no prompt")
        return tmux
    }

    /// A crisis (help lines, a phone number, a web address), then a long answer
    /// with its source and the reminder, at each width; styled only without NO_COLOR.
    @Test(arguments: [
        (60, "NO_COLOR=1", false), (100, "env -u NO_COLOR TERM=xterm-256color", true),
        (80, "env -u NO_COLOR TERM=dumb", false),
    ])
    func wrapsAtWordsToTheWidthAndStylesOnlyWhenAllowed(width: Int, environment: String, styled: Bool) throws {
        let messages = ["I want to die", "does fiber help my mood"]
        let tmux = try start(width: width, environment: environment)
        defer { tmux.stop() }
        // Each message after the reply before it, so nothing typed ahead is echoed mid-reply.
        try tmux.type(messages[0], "Enter")
        _ = tmux.waitFor("findahelpline")
        try tmux.type(messages[1], "Enter")
        _ = tmux.waitFor("(Source: 1. Eat")
        Thread.sleep(forTimeInterval: 0.3)

        // The same conversation, unwrapped, from the pipe chat.
        let plain = try GutBotProcess.run(["--region", "us"], input: messages.joined(separator: "\n") + "\n")
        let screen = tmux.screen(joined: true)
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        // -J joins what the terminal had to fold: a joined line wider than the window means gutbot overflowed it.
        for line in lines {
            #expect(line.count <= width, "wider than \(width) columns: \(line)")
        }
        // Every word as the pipe chat printed it, in order: a word split across lines would show as two.
        let shown = lines.drop { !$0.hasPrefix("you>") }.filter { !$0.hasPrefix("you>") }
            .flatMap { $0.split(separator: " ") }.map(String.init)
        let expected = plain.stdout.split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(shown == expected, "words differ at width \(width):\n\(screen)")
        #expect(lines.contains { $0.hasPrefix("(Source: 1. Eat a Fiber-Rich, Nutrient-Dense Diet)") }, "the source line was broken")

        let escapes = tmux.screen(styles: true)
        if styled {
            // tmux writes attributes back in its own combinations ("\e[0;1m", "\e[1;36m"): look for the parameter.
            func has(_ parameter: Int) -> Bool {
                escapes.range(of: "\u{1B}\\[([0-9;]*;)?\(parameter)(;[0-9;]*)?m", options: .regularExpression) != nil
            }
            #expect(has(1), "no bold help lines")
            #expect(has(2), "no dim source line")
        } else {
            #expect(!escapes.contains("\u{1B}["), "styled despite NO_COLOR")
        }
    }

    /// A window made narrower mid-chat (SIGWINCH): the next reply fits the new width.
    @Test func aResizedWindowIsHonouredByTheNextReply() throws {
        let tmux = try start(width: 100)
        defer { tmux.stop() }
        try tmux.type("does fiber help my mood", "Enter")
        _ = tmux.waitFor("(Source: ")
        try tmux.run(["resize-window", "-t", "repl", "-x", "50"])
        Thread.sleep(forTimeInterval: 0.3)
        try tmux.type("how many hours of sleep should I get", "Enter")
        _ = tmux.waitFor("(Source: Practical Checklist")
        let lines = tmux.screen(joined: true).split(separator: "\n")
        let after = lines.drop { !$0.contains("how many hours of sleep") }.dropFirst()
        #expect(!after.isEmpty)
        for line in after {
            #expect(line.count <= 50, "wider than the resized window: \(line)")
        }
    }

    @Test(arguments: ["quit", "exit"])
    func aWordLeaves(word: String) throws {
        let tmux = try start(width: 80)
        defer { tmux.stop() }
        try tmux.type(word, "Enter")
        let ended = tmux.waitFor("exit=")
        #expect(ended.contains("exit=0"), "\(word) did not leave: \(ended)")
        #expect(ended.contains("Goodbye"))
    }

    @Test func sourceQuotesTheArticle() throws {
        let tmux = try start(width: 80)
        defer { tmux.stop() }
        try tmux.type("does fiber help my mood", "Enter")
        _ = tmux.waitFor("(Source: ")
        try tmux.type("/source", "Enter")
        let screen = tmux.waitFor("From the article, section")
        #expect(screen.contains("From the article, section \u{201C}1. Eat a Fiber-Rich, Nutrient-Dense Diet\u{201D}:"))
        let quoted = screen.split(separator: "\n").filter { $0.hasPrefix("> ") }.map { String($0.dropFirst(2)) }
        #expect(!quoted.isEmpty, "no quoted lines: \(screen)")
        // Each quoted screen line is a piece of the article, word for word.
        let article = Article.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for line in quoted {
            #expect(article.contains(line.split(separator: " ").joined(separator: " ")), "not the article's words: \(line)")
        }
        try tmux.typeAtPrompt("C-d", after: "From the article, section")
        #expect(tmux.waitFor("exit=").contains("exit=0"))
    }
}
