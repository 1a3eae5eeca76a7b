import GutBotCore
import GutBotTestSupport
import Testing

/// Replaying transcripts through the shipped engine, and blessing changes.
/// Expectations are recorded from the engine itself first, so these tests
/// hold whatever the plugins say today.
@Suite struct TranscriptReplayerTests {
    /// Renders like the chat: the reply, its source on its own line, then any reminder.
    static let replayer = Replayer(engine: ShippedEngine.engine) { reply in
        (reply.source.map { reply.text + "\n(Source: \($0))" } ?? reply.text) + (reply.reminder.map { "\n\n" + $0 } ?? "")
    }

    static let messages = ["hello", "does fiber help my mood", "tell me more", "I want to die", "thanks", "bye"]

    /// A transcript of `messages` as the engine answers them now, parsed
    /// from its printed form so entries carry real line numbers.
    static func recorded(_ messages: [String] = messages) throws -> Transcript {
        var session = Session(id: "record")
        var transcript = Transcript(file: "recorded.chat", header: Transcript.recordingHeader(title: "recorded", region: .us))
        for message in messages {
            let reply = ShippedEngine.engine.reply(to: message, in: &session)
            transcript.turns.append(.recorded(message: message, routing: TranscriptRouting(reply), reply: replayer.render(reply)))
        }
        return try TranscriptParser.parse(TranscriptFormatter.text(of: transcript), file: "recorded.chat")
    }

    @Test func aFreshRecordingReplaysGreen() throws {
        let replay = Self.replayer.replay(try Self.recorded())
        #expect(replay.passed, "\(replay.failedTurns)")
        #expect(replay.turns.count == Self.messages.count)
    }

    @Test func eachReplayStartsAFreshSession() throws {
        // The crisis reminder after "I want to die" must not leak into the
        // next transcript: replaying twice gives the same result.
        let transcript = try Self.recorded()
        #expect(Self.replayer.replay(transcript) == Self.replayer.replay(transcript))
    }

    @Test func oneChangedWordFailsThatTurnOnItsLine() throws {
        var transcript = try Self.recorded()
        let reply = try #require(transcript.turns[1].reply)
        let index = try #require(transcript.turns[1].entries.firstIndex { if case .reply = $0.kind { return true } else { return false } })
        let line = transcript.turns[1].entries[index].line
        transcript.turns[1].entries[index].kind = .reply("Edited " + reply)

        let replay = Self.replayer.replay(transcript)
        #expect(!replay.passed)
        #expect(replay.failedTurns.map(\.number) == [2])
        let failure = try #require(replay.failedTurns.first?.failures.first)
        #expect(failure.line == line)
        guard case .reply(let expected, let actual, _) = failure else {
            Issue.record("not a reply failure: \(failure)")
            return
        }
        #expect(expected == "Edited " + reply)
        #expect(actual == reply)
    }

    @Test func aRoutingChangeIsReportedEvenWhenOnlyThePluginIsChecked() throws {
        let transcript = try TranscriptParser.parse("> hello\n< diet\n> hello\n< smalltalk\n", file: "routing.chat")
        let replay = Self.replayer.replay(transcript)
        #expect(replay.failedTurns.count == 1)
        let failure = try #require(replay.failedTurns.first?.failures.first)
        #expect(failure == .routing(expected: TranscriptRouting(plugin: "diet"), actual: replay.turns[0].routing, line: 2))
    }

    @Test func checksSurviveRewordingAndCatchWhatMatters() throws {
        let transcript = try TranscriptParser.parse(
            """
            > I want to die
            < safety
            ~ 988
            ~ findahelpline.com
            /9\\d8/
            !< smalltalk
            > does fiber help? doesn't matter, I want to die
            < safety
            ~ 988
            !~ (Source: 1.
            > I want to die
            ~ this text is not in the reply
            !~ 988
            !< safety
            """, file: "checks.chat")
        let replay = Self.replayer.replay(transcript)
        #expect(replay.turns[0].passed && replay.turns[1].passed, "\(replay.failedTurns)")
        #expect(replay.turns[2].failures.map(\.line) == [12, 13, 14])
    }

    @Test func blessingRewritesRoutingAndTextButKeepsCommentsAndChecks() throws {
        let original = """
            # title: Blessing
            # A comment the update must keep.

            > does fiber help my mood
            < sleep/sleep-hours
            Old wording.
            # why this turn matters

            > I want to die
            < smalltalk
            ~ 988

            """
        let transcript = try TranscriptParser.parse(original, file: "bless.chat")
        let blessing = TranscriptBlessing(Self.replayer.replay(transcript))
        #expect(blessing.remaining.isEmpty)
        #expect(blessing.changes.map(\.line) == [5, 6, 10])

        let text = TranscriptFormatter.text(of: blessing.transcript)
        #expect(text.hasPrefix("# title: Blessing\n# A comment the update must keep.\n\n> does fiber help my mood\n< diet/"))
        #expect(text.contains("# why this turn matters\n"))
        #expect(text.contains("< safety\n~ 988\n"), "a plugin-only routing stays plugin-only")
        #expect(!text.contains("Old wording."))

        let again = Self.replayer.replay(try TranscriptParser.parse(text, file: "bless.chat"))
        #expect(again.passed, "\(again.failedTurns)")
    }

    @Test func blessingLeavesFailingChecksForAPerson() throws {
        let transcript = try TranscriptParser.parse("> hello\n< smalltalk\n~ no such words\n", file: "check.chat")
        let blessing = TranscriptBlessing(Self.replayer.replay(transcript))
        #expect(blessing.changes.isEmpty)
        #expect(blessing.remaining == [.assertion(.contains("no such words"), line: 3)])
        #expect(blessing.transcript == transcript)
    }

    @Test func blessingWorksOnTranscriptsBuiltInMemory() {
        // Entries made in code all have line 0; the blessing must still
        // rewrite the right ones.
        var transcript = Transcript(file: "memory.chat")
        transcript.turns.append(
            .recorded(message: "hello", routing: TranscriptRouting(plugin: "diet", intent: "fiber"), reply: "Old reply."))
        let blessing = TranscriptBlessing(Self.replayer.replay(transcript))
        #expect(blessing.changes.count == 2)
        #expect(blessing.transcript.turns[0].routing?.plugin == "smalltalk")
        #expect(Self.replayer.replay(blessing.transcript).passed)
    }
}
