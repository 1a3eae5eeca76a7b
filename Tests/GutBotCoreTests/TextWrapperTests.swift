import GutBotCore
import Testing

/// Wrapping at word boundaries: no word split, no line too wide, help lines whole.
@Suite struct TextWrapperTests {
    static let crisis =
        "You can talk to someone right now through Samaritans (call 116 123, free, any time). "
        + "If you're somewhere else, findahelpline.com lists free, confidential lines in every country, "
        + "and https://findahelpline.com/countries has them by country."

    @Test(arguments: [12, 20, 33, 40, 60, 80, 100])
    func noWordIsSplitAndNoLineIsTooWide(width: Int) {
        let wrapped = TextWrapper.wrap(Self.crisis, width: width)
        // Only spaces became line breaks: the words, in order, are unchanged.
        #expect(wrapped.replacingOccurrences(of: "\n", with: " ") == Self.crisis)
        for line in wrapped.split(separator: "\n") {
            // A line may overflow only when it is one word (or one phone number) too long to fit.
            let isOneUnit = !line.contains(" ") || line.allSatisfy { $0.isNumber || $0 == " " || $0 == "(" || $0 == "," }
            #expect(line.count <= width || isOneUnit, "line of \(line.count) at width \(width): \(line)")
            #expect(!line.hasPrefix(" ") && !line.hasSuffix(" "))
        }
    }

    @Test(arguments: [10, 15, 22, 30])
    func phoneNumbersStayOnOneLine(width: Int) {
        let wrapped = TextWrapper.wrap("please call 0800 58 58 58 or 116 123 now", width: width)
        #expect(wrapped.split(separator: "\n").contains { $0.contains("0800 58 58 58") }, "\(wrapped)")
        #expect(wrapped.split(separator: "\n").contains { $0.contains("116 123") }, "\(wrapped)")
    }

    @Test func anUnbreakableRangeIsKeptWhole() {
        let text = "An answer.\n(Source: 1. Eat a Fiber-Rich, Nutrient-Dense Diet)"
        let start = text.distance(from: text.startIndex, to: text.firstIndex(of: "(")!)
        // The source line is 50 characters: at 45 columns it is kept whole only when asked.
        let wrapped = TextWrapper.wrap(text, width: 45, unbreakable: [start..<text.count])
        #expect(wrapped.hasSuffix("\n(Source: 1. Eat a Fiber-Rich, Nutrient-Dense Diet)"))
        #expect(!TextWrapper.wrap(text, width: 45).hasSuffix("\n(Source: 1. Eat a Fiber-Rich, Nutrient-Dense Diet)"))
    }

    /// Two spaces in a row at the edge: the line ends at the first, so no
    /// trailing space pushes it past the width (the /why table has such gaps).
    @Test(arguments: [5, 6, 7, 8, 9, 10])
    func aRunOfSpacesAtTheEdgeDoesNotOverflow(width: Int) {
        let wrapped = TextWrapper.wrap("abcde  fgh  ij", width: width)
        for line in wrapped.split(separator: "\n") {
            #expect(line.count <= width, "\(width): \(wrapped.debugDescription)")
        }
        #expect(wrapped.replacingOccurrences(of: "\n", with: " ") == "abcde  fgh  ij")
    }

    /// Wide characters take two columns on a terminal: a line of them is
    /// measured as drawn, so text a user typed (echoed by /help) cannot
    /// overflow the window where counting characters said it fit.
    @Test(arguments: [10, 20, 33, 60])
    func wideCharactersAreMeasuredInColumns(width: Int) {
        let text = "I have no topic called \"睡眠 について 知りたい です 🙂🙂 腸内 細菌\" or café or 조용한 밤."
        let wrapped = TextWrapper.wrap(text, width: width)
        #expect(wrapped.replacingOccurrences(of: "\n", with: " ") == text)
        for line in wrapped.split(separator: "\n") {
            let columns = line.reduce(0) { $0 + TextWrapper.columns(of: $1) }
            #expect(columns <= width, "\(columns) columns at width \(width): \(line)")
        }
        #expect(TextWrapper.columns(of: "睡") == 2 && TextWrapper.columns(of: "🙂") == 2 && TextWrapper.columns(of: "é") == 1)
        #expect(TextWrapper.columns(of: "—") == 1 && TextWrapper.columns(of: "a") == 1)
    }

    @Test func lineBreaksAreKeptAndWidthZeroChangesNothing() {
        #expect(TextWrapper.wrap("one\n\ntwo three", width: 5) == "one\n\ntwo\nthree")
        #expect(TextWrapper.wrap("one two three", width: 0) == "one two three")
        #expect(TextWrapper.wrap("", width: 10) == "")
    }
}
