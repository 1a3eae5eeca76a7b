import Foundation
import GutBotCore
import GutBotTestSupport
import Testing

/// The content rules, checked over every shipped answer: grounded in the
/// article's sections, in the project's own words, and never advising a
/// medication change.
@Suite struct ContentTests {
    static let intents: [(plugin: String, intent: Intent)] = ShippedEngine.engine.plugins.flatMap { plugin in
        plugin.intents.map { (plugin.id, $0) }
    }

    static let answers: [(String, String)] = intents.map { ("\($0.plugin)/\($0.intent.id)", $0.intent.answer) }

    @Test(arguments: ArticleHeadings.all)
    func everyHeadingIsTheSourceOfSomeIntent(heading: String) {
        #expect(Self.intents.contains { $0.intent.source == heading }, "no intent answers from \"\(heading)\"")
    }

    @Test func everySourceIsAHeadingAndOnlySmallTalkHasNone() {
        for (plugin, intent) in Self.intents {
            if let source = intent.source {
                #expect(ArticleHeadings.all.contains(source), "\(plugin)/\(intent.id): \"\(source)\" is not a heading")
            } else {
                #expect(plugin == "smalltalk", "\(plugin)/\(intent.id) has no source")
            }
        }
    }

    @Test func theCarriedArticleHasEveryHeadingInOrderWithText() {
        #expect(Article.sections.map(\.heading) == ArticleHeadings.all)
        for section in Article.sections {
            #expect(section.body.count > 40, "\(section.heading) has almost no text")
        }
        #expect(Article.section("What We Still Don't Know")?.body.contains("Important questions remain") == true)
    }

    /// Words of the article, lowercased, for the copying check.
    static let articleWords: [String] = words(Article.text)

    static func words(_ text: String) -> [String] {
        text.lowercased().replacingOccurrences(of: "’", with: "'")
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    @Test(arguments: answers)
    func noAnswerCopiesEightWordsOfTheArticle(label: String, answer: String) {
        let article = Self.articleWords
        let runs = Set(stride(from: 0, through: max(article.count - 8, -1), by: 1).map { article[$0..<$0 + 8].joined(separator: " ") })
        let mine = Self.words(answer)
        guard mine.count >= 8 else { return }
        for start in 0...(mine.count - 8) {
            let run = mine[start..<start + 8].joined(separator: " ")
            #expect(!runs.contains(run), "\(label) copies \"\(run)\"")
        }
    }

    /// A sentence that tells someone to change a medication, unless it sends
    /// them to a professional for it.
    static let medicationChange = try! NSRegularExpression(
        pattern:
            #"\b(start|stop|quit|switch|change|increase|decrease|reduce|double|skip|come off|taper|swap)\w*\b[^.!?]{0,40}\b(medication|medicine|meds|dose|antidepressant|ssri|pill|tablet|supplement|prescription)"#,
        options: [.caseInsensitive])
    static let professional = try! NSRegularExpression(
        pattern:
            #"\b(doctor|professional|prescriber|clinician|provider|pharmacist|gp|psychiatrist)s?\b|\bnever\b|\bnot\b|\bwithout\b|n't\b"#,
        options: [.caseInsensitive])
    static let dosage = try! NSRegularExpression(
        pattern:
            #"\b\d+(\.\d+)?\s?(mg|mcg|µg|g|iu|ml|milligrams?|micrograms?|units|billion|capsules?|tablets?)\b"#,
        options: [.caseInsensitive])

    @Test(arguments: answers)
    func noAnswerAdvisesAMedicationChangeOrGivesADose(label: String, answer: String) {
        for sentence in answer.split(whereSeparator: { ".!?".contains($0) }).map(String.init) {
            let range = NSRange(sentence.startIndex..., in: sentence)
            if Self.medicationChange.firstMatch(in: sentence, range: range) != nil {
                #expect(
                    Self.professional.firstMatch(in: sentence, range: range) != nil,
                    "\(label): \"\(sentence)\" reads as advice to change a medication")
            }
            #expect(Self.dosage.firstMatch(in: sentence, range: range) == nil, "\(label): \"\(sentence)\" gives a dose")
        }
    }

    @Test(arguments: answers)
    func answersAreTwoToSixSentences(label: String, answer: String) {
        let sentences = answer.split(whereSeparator: { ".!?".contains($0) })
            .filter { $0.contains(where: \.isLetter) }.count
        #expect((2...6).contains(sentences), "\(label) has \(sentences) sentences")
    }

    @Test(arguments: ["hello", "hi there", "thanks!", "thank you so much", "what can you do?", "bye", "goodbye for now", "who are you"])
    func smallTalkIsNeverTheFallback(message: String) {
        let reply = ShippedEngine.reply(message)
        #expect(reply.pluginID == "smalltalk", "\"\(message)\" went to \(reply.pluginID)")
    }

    @Test func whatCanYouDoListsTheTopics() {
        let reply = ShippedEngine.reply("what can you do")
        #expect(!reply.text.contains("{topics}"))
        for plugin in ShippedEngine.engine.topics {
            #expect(reply.text.contains(plugin.name.lowercased()), "does not mention \(plugin.name)")
        }
    }
}
