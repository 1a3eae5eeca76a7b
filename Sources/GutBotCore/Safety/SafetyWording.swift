/// What safety replies say, per crisis category, and how a reply is put
/// together so that every one of them, whatever the category, says it comes
/// from a program, asks whether the person is safe, and points to real help.
///
/// The sentences live in `wording.yml` so that people who know safe-messaging
/// can review them without reading Swift. They may use the placeholders
/// `{emergency}`, `{lines}`, `{poison}` and `{directory}`.
public struct SafetyWording: Sendable {
    /// The sentences of one category's replies.
    public struct Category: Sendable, Equatable {
        /// The first sentence an emergency-tier reply leads with.
        public var emergency: String
        /// The caring opening, fitted to the category.
        public var opening: String
        /// Where to turn: crisis lines, or a clinician for red flags.
        public var help: String
        /// The short line added to later replies in the same session.
        public var reminder: String
        /// Asked instead of the shared question, when the category needs it.
        public var question: String?
        /// Added only where the region has a poison line.
        public var poison: String?

        /// A category's sentences.
        public init(
            emergency: String, opening: String, help: String, reminder: String,
            question: String? = nil, poison: String? = nil
        ) {
            self.emergency = emergency
            self.opening = opening
            self.help = help
            self.reminder = reminder
            self.question = question
            self.poison = poison
        }
    }

    /// The placeholders a sentence may use.
    public static let placeholders: Set<String> = ["emergency", "lines", "poison", "directory"]

    /// "I'm a program, not a person…": in every reply.
    public var program: String
    /// "Are you safe right now?": in every reply unless the category has its own.
    public var question: String
    /// Points to the emergency number in replies that did not lead with it.
    public var danger: String
    /// Points to the directory of lines in every country.
    public var directory: String
    /// Sentences per category; `retraction-check` is the gentle check after "jk".
    public var categories: [String: Category]

    /// What the reply to distress that is not a crisis says.
    public var distress: Distress

    /// The sentences of the distress reply: warm, pointing to support, and
    /// offering what gutbot can talk about, never alarmist.
    public struct Distress: Sendable, Equatable {
        /// Acknowledges how the person feels.
        public var opening: String
        /// Points to people and lines that can help.
        public var support: String
        /// Offers what the article can talk about.
        public var offer: String
        /// The short line added to a topic answer when the message asked one too.
        public var line: String

        /// Distress wording with the given sentences.
        public init(opening: String, support: String, offer: String, line: String) {
            self.opening = opening
            self.support = support
            self.offer = offer
            self.line = line
        }
    }

    /// The category of the gentle check after a crisis message is taken back.
    public static let retractionCategory = "retraction-check"
    /// The wording of a reply when only the semantic net caught a message.
    public static let checkInCategory = "check-in"

    /// Wording with the given sentences.
    public init(
        program: String, question: String, danger: String, directory: String, categories: [String: Category],
        distress: Distress = SafetyWording.generic.distress
    ) {
        self.program = program
        self.question = question
        self.danger = danger
        self.directory = directory
        self.categories = categories
        self.distress = distress
    }

    /// The reply to distress that is not a crisis.
    public func distressReply(entry: Helplines.Entry) -> String {
        fill([distress.opening, distress.support, distress.offer].joined(separator: " "), entry: entry)
    }

    /// The short support line added to a topic answer.
    public func supportLine(entry: Helplines.Entry) -> String {
        fill(distress.line, entry: entry)
    }

    /// The reply to a message with `verdict`, with help lines from `entry`.
    public func reply(for verdict: SafetyVerdict, entry: Helplines.Entry) -> String {
        // The net is never sure: unless the symptoms are a medical red flag,
        // its hits get the gentle check-in rather than the category's words.
        let uncertain = verdict.tier == .checkIn && verdict.category != "red-flag"
        let chosen = words(for: uncertain ? Self.checkInCategory : verdict.category)
        var sentences: [String] = []
        let emergency = verdict.tier == .emergency
        if emergency { sentences.append(chosen.emergency) }
        sentences += [chosen.opening, program, chosen.question ?? question, chosen.help]
        if entry.poison != nil, let poison = chosen.poison { sentences.append(poison) }
        if !emergency, !chosen.help.contains("{emergency}") { sentences.append(danger) }
        sentences.append(directory)
        return fill(sentences.joined(separator: " "), entry: entry)
    }

    /// The short pointer to help added to later replies after a `category` crisis.
    public func reminder(for category: String, entry: Helplines.Entry) -> String {
        fill(words(for: category).reminder, entry: entry)
    }

    // Loading checks that every rule's category has wording; the generic
    // sentences only serve a plugin built by hand, and still point to help.
    private func words(for category: String) -> Category {
        categories[category] ?? Self.generic.categories["crisis"]!
    }

    /// Plain wording for a plugin built in code rather than loaded.
    public static let generic = SafetyWording(
        program: "I'm a program, not a person, so please reach out to someone who can be with you in this.",
        question: "Are you safe right now?",
        danger: "If you are in immediate danger, call {emergency}.",
        directory: "To find a line in any country: {directory}.",
        categories: ["crisis": genericCategory],
        distress: Distress(
            opening: "I'm sorry things are hard right now.",
            support: "Talking to someone you trust can help, and {lines} is there any time.",
            offer: "I can also share what the article says about sleep, stress, movement and food.",
            line: "If things feel hard, {lines} is there any time."))

    private static let genericCategory = Category(
        emergency: "If you are in danger or may act on this, call {emergency} now.",
        opening: "I'm really glad you told me, and I'm sorry you're going through this.",
        help: "You can talk to someone now: {lines}.",
        reminder: "If things feel hard again, help is there any time: {lines}, or {directory}.")

    private func fill(_ template: String, entry: Helplines.Entry) -> String {
        Placeholders.fill(
            template,
            [
                "emergency": entry.emergency,
                "lines": entry.crisisLines.joined(separator: "; "),
                "poison": entry.poison ?? Helplines.directory,
                "directory": Helplines.directory,
            ])
    }
}
