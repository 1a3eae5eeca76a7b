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
