/// Which plugin, and optionally which intent, answered a turn: the `< plugin/intent`
/// line of a transcript.
public struct TranscriptRouting: Sendable, Equatable, CustomStringConvertible {
    /// The plugin id: a topic, `safety` or `fallback`.
    public var plugin: String
    /// The intent (for safety, the crisis category); `nil` checks the plugin only.
    public var intent: String?

    /// A routing to `plugin`, and to `intent` when given.
    public init(plugin: String, intent: String? = nil) {
        self.plugin = plugin
        self.intent = intent
    }

    /// The routing a reply actually took.
    public init(_ reply: Reply) {
        self.init(plugin: reply.pluginID, intent: reply.intentID)
    }

    /// Reads `diet/fiber` or `diet`; `nil` when it is empty or has spaces.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.contains(where: \.isWhitespace) else { return nil }
        let parts = trimmed.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let plugin = parts.first, !plugin.isEmpty else { return nil }
        if parts.count == 2 {
            guard !parts[1].isEmpty, !parts[1].contains("/") else { return nil }
            self.init(plugin: plugin, intent: parts[1])
        } else {
            self.init(plugin: plugin)
        }
    }

    /// Whether `actual` satisfies this expectation: a plugin-only routing
    /// accepts any intent of that plugin.
    public func accepts(_ actual: TranscriptRouting) -> Bool {
        plugin == actual.plugin && (intent == nil || intent == actual.intent)
    }

    /// `actual` written at this routing's level of detail, so blessing a
    /// plugin-only line keeps it plugin-only.
    public func updated(to actual: TranscriptRouting) -> TranscriptRouting {
        intent == nil ? TranscriptRouting(plugin: actual.plugin) : actual
    }

    /// `plugin/intent` or `plugin`.
    public var description: String {
        intent.map { "\(plugin)/\($0)" } ?? plugin
    }
}

import Foundation
