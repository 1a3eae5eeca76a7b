import ArgumentParser
import Foundation
import GutBotCore

/// gutbot's command line as a library, so that an executable with plugins of
/// its own takes a few lines:
///
/// ```swift
/// import GutBotCLI
/// import MyPlugins
///
/// GutBotCLI.main(plugins: [MyPlugin()])
/// ```
///
/// Every command (the chat, `ask`, `replay`, `check`, `eval`, `bench`, and
/// `/reload` in the chat) loads the YAML plugins on the search path and the
/// plugins given here beside them; see ``Plugin`` for what they must promise.
public enum GutBotCLI {
    /// Runs the `gutbot` command with `arguments` (default: the process's own)
    /// and Swift `plugins` beside the YAML ones, then exits. A plugin that
    /// breaks the ``Plugin`` contract stops the start with a message naming it.
    public static func main(plugins: [any Plugin] = [], arguments: [String]? = nil) -> Never {
        registered.set(plugins)
        GutBot.main(arguments)
        exit(0)
    }

    /// The Swift plugins ``main(plugins:arguments:)`` was given.
    static var plugins: [any Plugin] { registered.get() }

    private static let registered = Registered()

    /// Commands are built by the argument parser, which cannot hand them
    /// anything, so the plugins wait here: written once before parsing, read
    /// after. The lock is what lets a static hold them under Swift 6.
    private final class Registered: @unchecked Sendable {
        private let lock = NSLock()
        private var plugins: [any Plugin] = []

        func set(_ plugins: [any Plugin]) { lock.withLock { self.plugins = plugins } }
        func get() -> [any Plugin] { lock.withLock { plugins } }
    }
}

/// The `gutbot` command: chat by default, plus one-shot and maintenance tools.
struct GutBot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gutbot",
        abstract: "Answers questions about the gut, serotonin and mental health from one article.",
        discussion: "gutbot is a program, not a clinician. In a crisis, call your local emergency number.",
        version: GutBotVersion.current,
        subcommands: [Chat.self, Ask.self, Replay.self, Check.self, Eval.self, NewPlugin.self, Bench.self, Vectors.self],
        defaultSubcommand: Chat.self
    )
}
