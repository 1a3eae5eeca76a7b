import Foundation

/// The safety plugin of the design: it screens every message before any
/// topic plugin and answers crisis language with care and real help. It is
/// not a ``Plugin`` (it has no intents and is never routed to), hence its
/// name. It cannot be turned off: the engine requires one, and loading fails
/// (so gutbot does not start) when its data is missing or broken.
///
/// It decides and words what to say (``SafetyResponse``, a reminder, a
/// support line) but never makes a reply: the engine does, so the
/// conversation depends on safety and not the other way round.
public struct SafetyScreen: Sendable {
    /// What to look for: rules, guards and the lexicon.
    public let rulebook: SafetyRulebook
    /// Help lines per region.
    public let helplines: Helplines
    /// What replies say.
    public let wording: SafetyWording
    /// Reminders and the check after a retraction.
    public let followUp: SafetyFollowUp
    /// The semantic net behind the rules.
    public let net: SafetyNet
    /// Words of distress that is not a crisis ("I can't stop crying").
    public let distressPatterns: SafetyPatterns
    /// The region whose numbers replies show.
    public var region: Region
    /// The folders the data came from, base first (empty when built by hand).
    public var origins: [SafetyLayers.Origin] = []
    /// Files a later safety folder held that it may not bring, and were ignored.
    public var warnings: [FileError] = []

    /// The crisis rules, in priority order.
    public var rules: [SafetyRule] { rulebook.rules }

    /// A plugin from its parts.
    public init(
        rulebook: SafetyRulebook, helplines: Helplines, wording: SafetyWording,
        followUp: SafetyFollowUp = SafetyFollowUp(), net: SafetyNet = SafetyNet(lines: []),
        distressPatterns: SafetyPatterns = SafetyPatterns(), region: Region
    ) {
        self.rulebook = rulebook
        self.helplines = helplines
        self.wording = wording
        self.followUp = followUp
        self.net = net
        self.distressPatterns = distressPatterns
        self.region = region
    }

    /// A plugin with only `rules` and generic wording, for tools and tests that
    /// build one by hand.
    public init(rules: [SafetyRule], helplines: Helplines, region: Region) {
        self.init(rulebook: SafetyRulebook(rules: rules), helplines: helplines, wording: .generic, region: region)
    }

    /// Loads the rules and help lines from `directory` (a `Plugins/safety` folder).
    public static func load(directory: String?, region: Region) throws(FileError) -> SafetyScreen {
        try load(directories: directory.map { [$0] } ?? [], region: region)
    }

    /// Loads the safety folders of a search path, in order: the first is the
    /// base and every later one can only add to it (see ``SafetyLayers``).
    /// `prefilterCache` keeps the prefilter's reading of the patterns between
    /// runs (`nil`: read afresh every time); it never changes a verdict.
    /// `validationCache` remembers which exact safety files compiled in full,
    /// so that a start with the same files compiles each pattern on first use
    /// (`nil`: every pattern compiled as it is read, every time); a pattern
    /// that does not compile stops the start either way.
    public static func load(
        directories: [String], region: Region, prefilterCache: SafetyPrefilterCache? = nil,
        validationCache: SafetyValidationCache? = nil
    ) throws(FileError) -> SafetyScreen {
        let layers = try SafetyLayers.load(directories, prefilterCache: prefilterCache, validationCache: validationCache)
        let data = layers.contents
        var plugin = SafetyScreen(
            rulebook: data.rulebook, helplines: data.helplines, wording: data.wording,
            followUp: data.followUp, net: data.net, distressPatterns: data.distressPatterns, region: region)
        plugin.origins = layers.origins
        plugin.warnings = layers.warnings
        return plugin
    }

    /// A plugin from the three safety files' contents held in memory, as
    /// ``load(directory:region:)`` reads them (for fuzzing the parser).
    public static func parse(safety: Data, lexicon: Data, wording: Data, region: Region) throws(FileError) -> SafetyScreen {
        let data = try SafetyFile.parse(safety: safety, lexicon: lexicon, wording: wording, directory: "safety")
        return SafetyScreen(
            rulebook: data.rulebook, helplines: data.helplines, wording: data.wording,
            followUp: data.followUp, net: data.net, distressPatterns: data.distressPatterns, region: region)
    }

    /// Where the data came from and how many rules each folder has, for
    /// `gutbot check` and `/help`: `safety: 29 rules from ...; +2 rules from ...`.
    public var originSummary: String {
        guard !origins.isEmpty else { return "safety: \(rulebook.ruleCount) rules, built in" }
        return "safety: " + origins.map(\.description).joined(separator: "; ")
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

    /// The article heading every reply of the screen cites.
    public static let source = "Practical Risks and When to Seek Help"

    /// What to say to `text` instead of any topic answer, or `nil` to let
    /// topic plugins answer. `forms` are the text's
    /// ``SafetyRulebook/forms(of:)``, when the caller has already read them.
    /// `crisis` is the conversation's memory of a recent crisis, which this
    /// reads and updates.
    ///
    /// Rules come first and decide category and tier where they fire; then
    /// the net's `judgement` of the same message, whose hits get the gentle
    /// check-in unless the message is a calm mention (``SafetyRulebook/mentions(forms:)``).
    /// Either starts the crisis memory. Right after one, taking it back
    /// ("jk") gets one gentle check; saying they are safe now shortens the
    /// reminders to one.
    public func screen(
        _ text: String, forms: [String]? = nil, judgement: SafetyNet.Judgement = .none,
        crisis: inout CrisisMemory?
    ) -> SafetyResponse? {
        let forms = forms ?? rulebook.forms(of: text)
        let nearest = judgement == .none ? nil : Double(judgement.nearestCrisis)
        if var verdict = rulebook.verdict(forms: forms) {
            verdict.nearestCrisis = nearest
            crisis = CrisisMemory(category: verdict.category)
            return response(verdict)
        }
        // The net reads meaning, and a calm mention means much what a crisis
        // line about the same subject means; the guard's words decide. So
        // does saying one is safe now, right after a crisis ("thanks, I'm
        // safe, I called my sister"), which reads close to the crisis it
        // answers. Only then: "my boss is coming over" says nothing of safety
        // in a message that asks what cannot be tasted in food.
        if let category = judgement.crisisCategory, !rulebook.mentions(forms: forms),
            crisis == nil || !followUp.movingOn.matches(anyOf: forms)
        {
            let verdict = SafetyVerdict(
                category: category, tier: .checkIn, rule: "net",
                caughtBy: .net, nearestCrisis: nearest)
            let uncertain = category == "red-flag" ? category : SafetyWording.checkInCategory
            crisis = CrisisMemory(category: uncertain)
            return response(verdict)
        }
        guard var memory = crisis else { return nil }
        if !memory.checkedAfterRetraction, followUp.retractions.matches(anyOf: forms) {
            memory.checkedAfterRetraction = true
            crisis = memory
            return response(
                SafetyVerdict(
                    category: SafetyWording.retractionCategory, tier: .check,
                    rule: "retraction"))
        }
        if followUp.movingOn.matches(anyOf: forms) {
            memory.remindersGiven = max(memory.remindersGiven, followUp.reminderTurns - 1)
            crisis = memory
        }
        return nil
    }

    /// The short pointer to help that the next reply after a crisis carries,
    /// counted in `crisis`; `nil` when none is due. After the last one the
    /// memory is cleared, so the conversation forgets the crisis.
    public func reminder(after crisis: inout CrisisMemory?) -> String? {
        guard var memory = crisis else { return nil }
        guard memory.remindersGiven < followUp.reminderTurns else {
            crisis = nil
            return nil
        }
        memory.remindersGiven += 1
        crisis = memory.remindersGiven < followUp.reminderTurns ? memory : nil
        return wording.reminder(for: memory.category, entry: entry)
    }

    /// Whether a message reads as distress that is not a crisis, by the words
    /// of its ``SafetyRulebook/forms(of:)`` or by the net's `judgement`. Only
    /// asked once ``screen(_:forms:judgement:crisis:)`` let it through.
    public func isDistress(forms: [String], judgement: SafetyNet.Judgement) -> Bool {
        judgement.distress || distressPatterns.matches(anyOf: forms)
    }

    /// The warm words for distress that is not a crisis, when no topic
    /// question came with it.
    public func distressResponse(judgement: SafetyNet.Judgement) -> SafetyResponse {
        let verdict = SafetyVerdict(
            category: SafetyTier.distress.rawValue, tier: .distress,
            rule: judgement.distress ? "distress-net" : "distress-words", caughtBy: .distress,
            nearestCrisis: judgement == .none ? nil : Double(judgement.nearestCrisis))
        return SafetyResponse(verdict: verdict, text: wording.distressReply(entry: entry), source: Self.source)
    }

    /// The short support line a topic answer carries when it was asked in
    /// distress or calmly mentions a crisis subject.
    public var supportLine: String {
        wording.supportLine(entry: entry)
    }

    private func response(_ verdict: SafetyVerdict) -> SafetyResponse {
        SafetyResponse(verdict: verdict, text: wording.reply(for: verdict, entry: entry), source: Self.source)
    }
}

/// What the screen says to a message it answers itself: why, and the words
/// to say. The screen words its answers but does not make replies: the
/// engine turns this into one, so that Safety never depends on the
/// conversation that depends on it.
public struct SafetyResponse: Sendable, Equatable {
    /// Why the screen answers: category, tier and what caught the message.
    public var verdict: SafetyVerdict
    /// The words to say, with the help lines of the screen's region.
    public var text: String
    /// The article heading the words rest on.
    public var source: String

    /// A response with the given fields.
    public init(verdict: SafetyVerdict, text: String, source: String) {
        self.verdict = verdict
        self.text = text
        self.source = source
    }
}

/// What the safety screen remembers after a crisis reply. The conversation
/// keeps it and hands it back with every message it screens.
public struct CrisisMemory: Sendable, Equatable {
    /// The category of the crisis that was caught.
    public var category: String
    /// Replies since then that still carried a pointer to help.
    public var remindersGiven = 0
    /// Whether the gentle check after a "just kidding" was already given.
    public var checkedAfterRetraction = false

    /// Memory of a crisis in `category`.
    public init(category: String) {
        self.category = category
    }
}

/// How the safety plugin treats the messages after a crisis reply: a gentle
/// check when the person takes it back ("jk", "lol i'm fine"), a short pointer
/// to help on the next few replies, and an end to both once they clearly move on.
public struct SafetyFollowUp: Sendable {
    /// Messages that take a crisis message back: "jk", "just kidding", "lol i'm fine".
    public var retractions: SafetyPatterns
    /// Messages that clearly move on: "I'm safe now", "I called the line".
    public var movingOn: SafetyPatterns
    /// How many later replies carry a pointer to help.
    public var reminderTurns: Int

    /// Follow-up cues and the number of reminders.
    public init(retractions: SafetyPatterns = SafetyPatterns(), movingOn: SafetyPatterns = SafetyPatterns(), reminderTurns: Int = 3) {
        self.retractions = retractions
        self.movingOn = movingOn
        self.reminderTurns = reminderTurns
    }
}
