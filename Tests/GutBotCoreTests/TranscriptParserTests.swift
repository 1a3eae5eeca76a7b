import Foundation
import GutBotCore
import Testing

/// Reading and writing the transcript format by itself, no engine involved.
@Suite struct TranscriptParserTests {
    static let sample = """
        # title: Fiber and mood
        # region: us
        # Comments start with '#'.

        > does fiber help my mood
        < diet/fiber
        Fiber feeds the helpful bacteria.

        \\# not a comment, a reply line
        (Source: 1. Eat a Fiber-Rich, Nutrient-Dense Diet)

        > I want to die
        < safety/suicidal
        ~ 988
        !~ fiber
        /find\\w+line/i
        !/^Fiber/
        # a note after the checks

        > this workout is killing me
        !< safety
        >
        < fallback

        """

    @Test func readsHeaderTurnsAndEntries() throws {
        let transcript = try TranscriptParser.parse(Self.sample, file: "sample.chat")
        #expect(transcript.title == "Fiber and mood")
        #expect(transcript.region == .us)
        #expect(transcript.turns.map(\.message) == ["does fiber help my mood", "I want to die", "this workout is killing me", ""])
        #expect(transcript.turns.map(\.line) == [5, 12, 20, 22])

        let fiber = transcript.turns[0]
        #expect(fiber.routing == TranscriptRouting(plugin: "diet", intent: "fiber"))
        // A blank line inside the reply belongs to it; the escape is removed.
        #expect(
            fiber.reply
                == "Fiber feeds the helpful bacteria.\n\n# not a comment, a reply line\n(Source: 1. Eat a Fiber-Rich, Nutrient-Dense Diet)")

        let crisis = transcript.turns[1]
        #expect(crisis.reply == nil)
        #expect(crisis.assertions.map(\.line) == [14, 15, 16, 17])
        #expect(crisis.assertions.map(\.assertion.description) == ["~ 988", "!~ fiber", "/find\\w+line/i", "!/^Fiber/"])

        #expect(transcript.turns[2].assertions.first?.assertion == .notRouted(TranscriptRouting(plugin: "safety")))
        #expect(transcript.turns[3].routing == TranscriptRouting(plugin: "fallback"))
    }

    @Test func printsBackWhatItRead() throws {
        let transcript = try TranscriptParser.parse(Self.sample, file: "sample.chat")
        #expect(TranscriptFormatter.text(of: transcript) == Self.sample)
    }

    @Test func recordedTurnsRoundTripWhateverTheReplySays() throws {
        // Reply lines that look like markers must come back as text.
        let reply = "# Heading\n> quoted\n< angle\n~ tilde\n/slash\n! bang\n\\ backslash\n\nplain\n(Source: X)"
        var transcript = Transcript(file: "r.chat", header: Transcript.recordingHeader(title: "r", region: .uk))
        transcript.turns.append(
            .recorded(message: "hello", routing: TranscriptRouting(plugin: "smalltalk", intent: "greeting"), reply: reply))
        transcript.turns.append(.recorded(message: "", routing: TranscriptRouting(plugin: "fallback"), reply: "Sorry."))
        let text = TranscriptFormatter.text(of: transcript)
        let parsed = try TranscriptParser.parse(text, file: "r.chat")
        #expect(parsed.region == .uk)
        #expect(parsed.turns.map(\.reply) == [reply, "Sorry."])
        #expect(parsed.turns.map(\.message) == ["hello", ""])
        #expect(TranscriptFormatter.text(of: parsed) == text)
    }

    @Test func toleratesWindowsLineEndingsTrailingSpacesAndNoFinalNewline() throws {
        let text = "# title: t\r\n> hello  \r\n< smalltalk/greeting\r\nHi there.   \r\n\r\nSecond paragraph."
        let transcript = try TranscriptParser.parse(text, file: "t.chat")
        #expect(transcript.turns.first?.reply == "Hi there.\n\nSecond paragraph.")
    }

    @Test(arguments: [
        ("< diet/fiber\n> hi\n", 1, "no message before it"),
        ("# title: x\nFiber is good.\n", 2, "no message before it"),
        ("> hi\n/(unclosed/\n", 2, "does not compile"),
        ("> hi\n< smalltalk\n/[z-a]/i\n", 3, "does not compile"),
        ("> hi\n> hello\n< smalltalk\n", 1, "no expected reply"),
        ("> hi\n", 1, "no expected reply"),
        ("> hi\n< smalltalk\n< diet\n", 3, "second routing"),
        ("> hi\n<\n", 2, "routing line"),
        ("> hi\n< a b\n", 2, "routing line"),
        ("> hi\nHello.\n# note\nMore.\n", 4, "second reply text"),
        ("> hi\n~\n", 2, "needs the text"),
        ("> hi\n!? what\n", 2, "is not a check"),
        ("> hi\n/no closing slash\n", 2, "regular expression reads"),
        ("# region: mars\n> hi\n< smalltalk\n", 1, "unknown region"),
    ])
    func reportsMistakesWithTheirLine(text: String, line: Int, message: String) {
        #expect {
            _ = try TranscriptParser.parse(text, file: "bad.chat")
        } throws: { error in
            guard let error = error as? FileError else { return false }
            return error.file == "bad.chat" && error.line == line && error.message.contains(message)
        }
    }

    @Test func reportsInvalidUTF8WithItsLine() {
        let bytes = Data("> hi\n< smalltalk\n~ caf".utf8) + Data([0xE9, 0x0A])
        #expect(throws: FileError(file: "latin1.chat", line: 3, message: "not valid UTF-8: transcripts are UTF-8 text")) {
            _ = try TranscriptParser.parse(bytes, file: "latin1.chat")
        }
    }

    @Test func routingAcceptsAnyIntentWhenOnlyThePluginIsGiven() throws {
        let pluginOnly = try #require(TranscriptRouting(parsing: "diet"))
        #expect(pluginOnly.accepts(TranscriptRouting(plugin: "diet", intent: "fiber")))
        #expect(!pluginOnly.accepts(TranscriptRouting(plugin: "sleep", intent: "fiber")))
        #expect(pluginOnly.updated(to: TranscriptRouting(plugin: "sleep", intent: "x")) == TranscriptRouting(plugin: "sleep"))
        let exact = try #require(TranscriptRouting(parsing: "diet/fiber"))
        #expect(!exact.accepts(TranscriptRouting(plugin: "diet", intent: "plant-variety")))
        #expect(TranscriptRouting(parsing: "diet/") == nil)
        #expect(TranscriptRouting(parsing: "/fiber") == nil)
    }
}
