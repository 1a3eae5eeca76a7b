import GutBotCore
import GutBotTestSupport
import Testing

/// `/source` passages: the article's own lines, from the answer's section.
@Suite struct ArticlePassageTests {
    @Test(arguments: ["does fiber help my mood", "how is serotonin made", "what are probiotics", "I want to die"])
    func thePassageIsTheArticlesOwnTextFromTheAnswersSection(question: String) throws {
        let reply = ShippedEngine.reply(question)
        let heading = try #require(reply.source)
        let passage = try #require(ArticlePassage.bestMatch(heading: heading, answer: reply.text))
        let section = try #require(Article.section(heading))
        #expect(passage.heading == section.heading)
        #expect(!passage.lines.isEmpty)
        for line in passage.lines {
            #expect(section.body.contains(line), "not the article's text: \(line)")
        }
    }

    @Test func theBestParagraphSharesTheAnswersWords() throws {
        // The stress section: a paragraph with its list, then a paragraph on small daily practices.
        let passage = try #require(
            ArticlePassage.bestMatch(
                heading: "3. Keep Stress in Check",
                answer: "even small daily practices like a short walk or breathing"))
        #expect(!passage.isWholeSection)
        #expect(passage.lines.count == 1 && passage.lines[0].hasPrefix("Even small daily practices"))
        let list = try #require(
            ArticlePassage.bestMatch(
                heading: "3. Keep Stress in Check",
                answer: "chronic stress disrupts the gut barrier and the microbiome"))
        #expect(
            list.lines.first?.hasPrefix("Chronic stress") == true && list.lines.contains("- Meditation and mindfulness"),
            "a list comes with the line that introduces it")
    }

    @Test func theWholeSectionIsEveryLineUnderTheHeading() throws {
        let passage = try #require(ArticlePassage.section("3. Keep Stress in Check"))
        let section = try #require(Article.section("3. Keep Stress in Check"))
        #expect(passage.isWholeSection)
        #expect(
            passage.lines.joined(separator: "\n")
                == section.body.split(separator: "\n").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }.filter { !$0.isEmpty }.joined(separator: "\n"))
    }

    @Test func anUnknownHeadingHasNoPassage() {
        #expect(ArticlePassage.bestMatch(heading: "Not a heading", answer: "x") == nil)
        #expect(ArticlePassage.section("") == nil)
    }
}
