import ArgumentParser
import GutBotCore

/// The `gutbot` command: chat by default, plus one-shot and maintenance tools.
@main
struct GutBot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gutbot",
        abstract: "Answers questions about the gut, serotonin and mental health from one article.",
        discussion: "gutbot is a program, not a clinician. In a crisis, call your local emergency number.",
        version: GutBotVersion.current,
        subcommands: [Chat.self, Ask.self, Replay.self, Check.self, Eval.self, NewPlugin.self, Bench.self],
        defaultSubcommand: Chat.self
    )
}
