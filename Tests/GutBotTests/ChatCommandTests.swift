import Foundation
import GutBotTestSupport
import Testing

@testable import GutBotCLI

/// Slash-commands in the pipe chat (the REPL shares them), `/reload` in a real
/// terminal, and `--version`.
@Suite struct ChatCommandTests {
    @Test func slashCommandsRunOrAreRefusedAndAreNeverQuestions() throws {
        let input =
            [
                "/help", "/help sleep", "/bogus thing", "/record x", "/why", "does fiber help my mood", "tell me more",
                "/why", "/source", "/reset", "tell me more", "/quit", "does fiber help my mood",
            ].joined(separator: "\n") + "\n"
        let result = try GutBotProcess.run(["--region", "us"], input: input)
        let out = result.stdout
        #expect(result.status == 0)
        #expect(out.contains("gutbot 0.") && out.contains("/source"), "/help lists the version and commands")
        #expect(out.contains("How many hours of sleep — for example,"), "/help sleep lists the intents by title")
        #expect(out.contains("Unknown command /bogus"))
        #expect(out.contains("/record works only in the interactive chat"))
        #expect(out.contains("Ask something first"))
        #expect(out.contains("That followed up on the previous answer, \u{201C}Fiber and your mood\u{201D} (diet/fiber)"))
        #expect(out.contains("From the article, section \u{201C}1. Eat a Fiber-Rich, Nutrient-Dense Diet\u{201D}:\n> "))
        #expect(out.contains("forgotten our conversation"))
        // No slash line was routed: the fallback comes only from "tell me more" after the reset.
        #expect(out.components(separatedBy: "I'm not sure about that one").count == 2, "\(out)")
        // /quit ends the pipe chat: the last question is not answered again.
        #expect(out.components(separatedBy: "(Source: 1. Eat a Fiber-Rich").count == 3)
    }

    /// A slash is no shield from the safety screen: a crisis typed after one
    /// gets help, not "Unknown command"; an ordinary unknown command is still
    /// only refused, and does not count as a turn of the conversation.
    @Test func aCrisisAfterASlashIsAnsweredBySafety() throws {
        let input = ["does fiber help my mood", "/sleep", "tell me more", "/kill myself", "/ I want to die"].joined(separator: "\n") + "\n"
        let out = try GutBotProcess.run(["--region", "us"], input: input).stdout
        #expect(out.contains("Unknown command /sleep"))
        #expect(out.contains("(Source: 1. Eat a Fiber-Rich"), "the follow-up after /sleep continued the fiber answer")
        #expect(!out.contains("Unknown command /kill") && !out.contains("Unknown command /."), "\(out)")
        #expect(out.components(separatedBy: "988").count >= 3, "no help lines for the crises: \(out)")
    }

    /// `ask` takes a question: a slash-command is refused on standard error
    /// (status 1), never answered as a question; a crisis after the slash is still answered.
    @Test func askRefusesSlashCommandsButNotACrisis() throws {
        let help = try GutBotProcess.run(["ask", "--region", "us", "/help"])
        #expect(help.status == 1 && help.stdout.isEmpty, "\(help.stdout)")
        #expect(help.stderr.contains("slash-commands such as /help work in the chat"), "\(help.stderr)")
        let crisis = try GutBotProcess.run(["ask", "--region", "us", "/kill myself"])
        #expect(crisis.status == 0 && crisis.stdout.contains("988"), "\(crisis.stdout)")
    }

    /// `/why` names a clarifying question's two intents by title, never the
    /// "clarify" pseudo-intent, and promises the transformer's scores only
    /// when it lists some (a follow-up lists none).
    @Test func whyNamesClarifyingChoicesByTitleAndPromisesOnlyScoresItShows() throws {
        let input =
            ["does being anxious change your gut bacteria", "/why", "the first", "tell me more", "/why"].joined(separator: "\n") + "\n"
        let out = try GutBotProcess.run(["--region", "us"], input: input).stdout
        #expect(!out.contains("/clarify"), "\(out)")
        #expect(out.contains("I asked which of two topics you meant"), "\(out)")
        #expect(out.contains("\u{201C}Stress and the gut\u{201D} and "), "\(out)")
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where line.contains("its scores are below") {
            #expect(lines.dropFirst(index + 1).first?.hasPrefix("  1. ") == true, "no scores below: \(out)")
        }
    }

    @Test(.needsTmux, .terminalTimeLimit) func reloadKeepsThePluginsWhenAFileIsBrokenAndTakesGoodOnes() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let plugins = directory.appendingPathComponent("Plugins")
        try FileManager.default.copyItem(atPath: GutBotProcess.plugins, toPath: plugins.path)
        let home = try GutBotProcess.temporaryDirectory()
        let tmux = try TmuxSession(
            command: "cd '\(directory.path)' && HOME='\(home.path)' XDG_STATE_HOME='\(home.path)/state' "
                + "'\(GutBotProcess.binary.path)' --region us --plugins '\(plugins.path)' --models '\(TestPackage.root.path)/Models'; "
                + "echo \"exit=$?\"; sleep 30")
        defer { tmux.stop() }
        _ = tmux.waitFor("you>")

        let diet = plugins.appendingPathComponent("diet.yml")
        let good = try String(contentsOf: diet, encoding: .utf8)
        try good.replacingOccurrences(of: "id: diet", with: "id: [diet").write(to: diet, atomically: true, encoding: .utf8)
        try tmux.type("/reload", "Enter")
        #expect(tmux.waitFor("Reload failed").contains("diet.yml"), "a broken topic file fails the reload, with its name")
        try tmux.type("does fiber help my mood", "Enter")
        #expect(tmux.waitFor("(Source: 1. Eat").contains("(Source: 1. Eat"), "the old diet plugin was kept")

        let safety = plugins.appendingPathComponent("safety/safety.yml")
        try good.write(to: diet, atomically: true, encoding: .utf8)
        try "rules: [".write(to: safety, atomically: true, encoding: .utf8)
        try tmux.type("/reload", "Enter")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(tmux.screen().components(separatedBy: "Reload failed").count == 3, "broken safety data fails the reload")
        try tmux.type("I want to die", "Enter")
        #expect(tmux.waitFor("988").contains("988"), "the old safety plugin still answers")

        // Safety data with a rule fewer, which start-up refuses, is refused by a reload too.
        let shipped = try String(contentsOfFile: GutBotProcess.plugins + "/safety/safety.yml", encoding: .utf8)
        let rule = try #require(shipped.range(of: "\n  - id: red-flag-serotonin-mix\n"))
        let next = try #require(shipped.range(of: "\n  - id: ", range: rule.upperBound..<shipped.endIndex))
        try shipped.replacingCharacters(in: rule.lowerBound..<next.lowerBound, with: "").write(
            to: safety, atomically: true, encoding: .utf8)
        try tmux.type("/reload", "Enter")
        let weaker = tmux.waitFor("fewer than the shipped")
        let shippedCount = GutBotProcess.shippedRuleCount
        #expect(
            weaker.contains("\(shippedCount - 1) crisis rules, fewer than the shipped \(shippedCount)"),
            "weaker safety data was reloaded: \(weaker)")
        #expect(!weaker.contains("will not start"), "a running chat was told gutbot will not start")

        try FileManager.default.removeItem(at: safety)
        try FileManager.default.copyItem(atPath: GutBotProcess.plugins + "/safety/safety.yml", toPath: safety.path)
        try FileManager.default.removeItem(at: plugins.appendingPathComponent("sleep.yml"))
        try tmux.type("/reload", "Enter")
        #expect(tmux.waitFor("Reloaded:").contains("Reloaded: 7 plugins"), "a good reload takes the files as they are now")
        try tmux.typeAtPrompt("C-d", after: "Reloaded:")
        #expect(tmux.waitFor("exit=").contains("exit=0"))
    }

    /// Out of a pipe `auto` never styles; `always` does, even with NO_COLOR set (the flag is the user's own
    /// choice); `never` never does. JSON is never styled.
    @Test(arguments: [
        (["--color", "always"], [String: String](), true), (["--color", "always"], ["NO_COLOR": "1"], true),
        ([], [:], false), (["--color", "never"], [:], false), (["--color", "auto"], ["TERM": "xterm"], false),
        (["--json", "--color", "always"], [:], false),
    ])
    func colorFollowsTheFlagAndTheEnvironment(flags: [String], environment: [String: String], styled: Bool) throws {
        let input = flags.contains("--json") ? #"{"text": "I want to die"}"# + "\n" : "I want to die\n"
        let result = try GutBotProcess.run(["chat", "--region", "us"] + flags, input: input, environment: environment)
        #expect(result.status == 0)
        #expect(result.stdout.contains("\u{1B}[") == styled, "\(flags) \(environment): \(result.stdout)")
    }

    /// /help's and /why's list items keep their indent when wrapped: each
    /// continuation line sits two columns in under its item, within the width.
    @Test func indentedItemsWrapUnderTheirOwnText() {
        let text =
            "Topics:\n  sleep: Sleep — Sleep routines and hygiene, 7 to 9 hours, bedroom and screens\n"
            + "no indent here at all, wrapped as before"
        let lines = ChatCommands.Block.text(text).rendered(width: 30).split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "Topics:", "  sleep: Sleep — Sleep", "    routines and hygiene, 7 to", "    9 hours, bedroom and",
                "    screens", "no indent here at all, wrapped", "as before",
            ], "\(lines)")
        #expect(ChatCommands.Block.text(text).rendered(width: nil) == text, "unwrapped text is left alone")
    }

    @Test func versionComesFromOnePlace() throws {
        let result = try GutBotProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).wholeMatch(of: #/\d+\.\d+\.\d+/#) != nil, "\(result.stdout)")
    }
}
