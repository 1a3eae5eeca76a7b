import Foundation

/// Sees every message before any topic plugin and answers crisis language
/// with care and real help. It cannot be turned off: the engine requires one,
/// and loading fails (so gutbot does not start) when its data is missing or broken.
public struct SafetyPlugin: Sendable {
    /// The rules, tried in order.
    public let rules: [SafetyRule]
    /// Help lines per region.
    public let helplines: Helplines
    /// The region whose numbers replies show.
    public var region: Region

    /// Loads the rules and help lines from `directory` (a `Plugins/safety` folder).
    public static func load(directory: String?, region: Region) throws(PluginLoadError) -> SafetyPlugin {
        guard let directory else {
            throw PluginLoadError(file: "Plugins/\(PluginCatalog.safetyFolder)/\(SafetyFile.name)", line: nil,
                                  message: "the safety plugin's data was not found on the plugin path")
        }
        let data = try SafetyFile.load(directory: directory)
        guard !data.rules.isEmpty else {
            throw PluginLoadError(file: directory, line: nil, message: "the safety data has no rules")
        }
        return SafetyPlugin(rules: data.rules, helplines: data.helplines, region: region)
    }

    /// The first rule `text` triggers, in any of its de-disguised forms.
    public func verdict(for text: String) -> SafetyVerdict? {
        let forms = SafetyText.forms(of: text)
        for rule in rules where forms.contains(where: rule.matches) {
            return SafetyVerdict(category: rule.category, tier: rule.tier, rule: rule.id)
        }
        return nil
    }

    /// The crisis reply to `text`, or `nil` when it is not a crisis.
    public func screen(_ text: String, in session: inout Session) -> Reply? {
        guard let verdict = verdict(for: text) else { return nil }
        session.crisis = CrisisMemory(category: verdict.category)
        return Reply(text: message(for: verdict), pluginID: Reply.safetyID, intentID: verdict.category,
                     confidence: 1, source: "Practical Risks and When to Seek Help", safety: verdict)
    }

    /// `reply` with a short pointer to help added, while a crisis is recent.
    public func remind(_ reply: Reply, in session: inout Session) -> Reply {
        guard var crisis = session.crisis, crisis.remindersGiven < 3, let entry = helplines.entry(for: region) else {
            return reply
        }
        crisis.remindersGiven += 1
        session.crisis = crisis
        var reminded = reply
        reminded.text += "\n\nIf things feel hard again, help is there any time: \(entry.crisisLines.first ?? Helplines.directory)."
        return reminded
    }

    private func message(for verdict: SafetyVerdict) -> String {
        let entry = helplines.entry(for: region)
        var parts = ["I'm really glad you told me, and I'm sorry you're going through this. I'm a program, not a person, so please reach out to someone who can be with you in this. Are you safe right now?"]
        if let entry {
            if verdict.tier == "emergency" {
                parts.insert("If you are in danger or may act on this, call \(entry.emergency) now.", at: 0)
            } else {
                parts.append("If you are in immediate danger, call \(entry.emergency).")
            }
            parts.append("You can talk to someone now: " + entry.crisisLines.joined(separator: "; ") + ".")
        }
        parts.append("To find a line in any country: \(Helplines.directory).")
        return parts.joined(separator: " ")
    }
}
