import Foundation

/// Sees every message before any topic plugin and answers crisis language
/// with care and real help. It cannot be turned off: the engine requires one,
/// and loading fails (so gutbot does not start) when its data is missing or broken.
public struct SafetyPlugin: Sendable {
    /// What to look for: rules, guards and the lexicon.
    public let rulebook: SafetyRulebook
    /// Help lines per region.
    public let helplines: Helplines
    /// What replies say.
    public let wording: SafetyWording
    /// Reminders and the check after a retraction.
    public let followUp: SafetyFollowUp
    /// The region whose numbers replies show.
    public var region: Region

    /// The crisis rules, in priority order.
    public var rules: [SafetyRule] { rulebook.rules }

    /// A plugin from its parts.
    public init(rulebook: SafetyRulebook, helplines: Helplines, wording: SafetyWording,
                followUp: SafetyFollowUp = SafetyFollowUp(), region: Region) {
        self.rulebook = rulebook
        self.helplines = helplines
        self.wording = wording
        self.followUp = followUp
        self.region = region
    }

    /// A plugin with only `rules` and generic wording, for tools and tests that
    /// build one by hand.
    public init(rules: [SafetyRule], helplines: Helplines, region: Region) {
        self.init(rulebook: SafetyRulebook(rules: rules), helplines: helplines, wording: .generic, region: region)
    }

    /// Loads the rules and help lines from `directory` (a `Plugins/safety` folder).
    public static func load(directory: String?, region: Region) throws(PluginLoadError) -> SafetyPlugin {
        guard let directory else {
            throw PluginLoadError(file: "Plugins/\(PluginCatalog.safetyFolder)/\(SafetyFile.name)", line: nil,
                                  message: "the safety plugin's data was not found on the plugin path")
        }
        let data = try SafetyFile.load(directory: directory)
        return SafetyPlugin(rulebook: data.rulebook, helplines: data.helplines, wording: data.wording,
                            followUp: data.followUp, region: region)
    }

    /// The verdict on `text` alone, without the session: `nil` when it is not a crisis.
    public func verdict(for text: String) -> SafetyVerdict? {
        rulebook.verdict(for: text)
    }

    /// The help lines replies show.
    public var entry: Helplines.Entry {
        // Loading insists on an international entry; an empty hand-built table still gets words.
        helplines.entry(for: region) ?? Helplines.Entry(emergency: "your local emergency number", crisisLines: [Helplines.directory])
    }

    /// The safety reply to `text`, or `nil` to let topic plugins answer.
    ///
    /// A crisis message gets a crisis reply and starts the session's crisis
    /// memory. Right after one, taking it back ("jk") gets one gentle check;
    /// saying they are safe now shortens the reminders to one.
    public func screen(_ text: String, in session: inout Session) -> Reply? {
        if let verdict = verdict(for: text) {
            session.crisis = CrisisMemory(category: verdict.category)
            return reply(verdict)
        }
        guard var memory = session.crisis else { return nil }
        let forms = rulebook.forms(of: text)
        if !memory.checkedAfterRetraction, followUp.retractions.matches(anyOf: forms) {
            memory.checkedAfterRetraction = true
            session.crisis = memory
            return reply(SafetyVerdict(category: SafetyWording.retractionCategory, tier: SafetyTier.check.rawValue,
                                       rule: "retraction"))
        }
        if followUp.movingOn.matches(anyOf: forms) {
            memory.remindersGiven = max(memory.remindersGiven, followUp.reminderTurns - 1)
            session.crisis = memory
        }
        return nil
    }

    /// `reply` with a short pointer to help added, for a few replies after a
    /// crisis; after the last one the session forgets the crisis.
    public func remind(_ reply: Reply, in session: inout Session) -> Reply {
        guard var memory = session.crisis else { return reply }
        guard memory.remindersGiven < followUp.reminderTurns else {
            session.crisis = nil
            return reply
        }
        memory.remindersGiven += 1
        session.crisis = memory.remindersGiven < followUp.reminderTurns ? memory : nil
        var reminded = reply
        reminded.reminder = wording.reminder(for: memory.category, entry: entry)
        return reminded
    }

    private func reply(_ verdict: SafetyVerdict) -> Reply {
        Reply(text: wording.reply(for: verdict, entry: entry), pluginID: Reply.safetyID, intentID: verdict.category,
              confidence: 1, source: "Practical Risks and When to Seek Help", safety: verdict)
    }
}
