import Foundation
import GutBotCore
import Testing

/// What crisis replies say: the region's emergency number, a crisis line,
/// findahelpline.com, that gutbot is a program, and nothing they must not say.
@Suite struct SafetyReplyTests {
    /// One message per category, each known to be caught.
    static let samples: [(category: String, message: String)] = [
        ("suicidal", "I don't want to be here anymore"),
        ("plan", "I've been saving up my pills"),
        ("self-harm", "I cut myself again last night"),
        ("overdose", "how many sertraline would kill me"),
        ("violence", "I want to hurt my coworker"),
        ("danger", "my partner hits me"),
        ("eating-disorder", "I make myself throw up after eating"),
        ("red-flag", "there's blood in my stool"),
        ("psychosis", "the voices say my family would be safer without me"),
    ]

    /// The crisis line each region must show, with its emergency number.
    static let regions: [(region: Region, line: String, emergency: String)] = [
        (.us, "988", "911"), (.ca, "988", "911"), (.uk, "116 123", "999"), (.ie, "116 123", "112"),
        (.au, "13 11 14", "000"), (.eu, "findahelpline.com", "112"), (.international, "988", "112"),
    ]

    @Test(arguments: Region.allCases)
    func everyCrisisReplyPointsToHelp(region: Region) throws {
        let engine = try SafetyFixtures.engine(region: region)
        let entry = try #require(engine.safety.helplines.entry(for: region))
        for line in SafetyFixtures.crisisCases {
            let reply = SafetyFixtures.reply(line.message, engine: engine)
            guard reply.pluginID == Reply.safetyID else { continue }  // recall is SafetyCasesTests' job
            #expect(reply.text.contains(entry.emergency), "\(region): no emergency number for \(line.testDescription)")
            #expect(reply.text.contains("findahelpline.com"), "\(region): no directory for \(line.testDescription)")
            #expect(reply.text.contains("program"), "\(region): does not say it is a program for \(line.testDescription)")
            #expect(reply.text.contains("?"), "\(region): asks nothing for \(line.testDescription)")
        }
    }

    @Test(arguments: regions.map { "\($0.region.rawValue)|\($0.line)|\($0.emergency)" })
    func regionsShowTheirOwnNumbers(_ row: String) throws {
        let parts = row.split(separator: "|").map(String.init)
        let region = try #require(Region(rawValue: parts[0]))
        let engine = try SafetyFixtures.engine(region: region)
        for sample in Self.samples where sample.category != "red-flag" {
            let text = SafetyFixtures.reply(sample.message, engine: engine).text
            #expect(text.contains(parts[1]), "\(region) \(sample.category): \(text)")
            #expect(text.contains(parts[2]), "\(region) \(sample.category): \(text)")
        }
    }

    @Test(arguments: samples.map(\.message))
    func eachCategoryHasItsOwnWording(_ message: String) throws {
        let engine = try SafetyFixtures.usEngine.get()
        let reply = SafetyFixtures.reply(message, engine: engine)
        let expected = try #require(Self.samples.first { $0.message == message }?.category)
        #expect(reply.safety?.category == expected)
        #expect(reply.intentID == expected)
        // What comes before the shared "I'm a program" sentence is the category's own.
        func opening(_ text: String) -> String { text.components(separatedBy: "I'm a program").first ?? text }
        let others = Self.samples.filter { $0.category != expected }
            .map { opening(SafetyFixtures.reply($0.message, engine: engine).text) }
        #expect(!others.contains(opening(reply.text)), "the \(expected) reply opens like another category's")
    }

    /// Amounts are never given: no number followed by a unit or a pill word.
    @Test func overdoseRepliesNeverGiveAmounts() throws {
        let amount = try NSRegularExpression(
            pattern: "\\d+\\s*(mg|ml|mcg|g|grams?|pills?|tablets?|capsules?|gummies|doses?|milligrams?|iu)\\b",
            options: .caseInsensitive)
        for region in Region.allCases {
            let engine = try SafetyFixtures.engine(region: region)
            for line in SafetyFixtures.crisisCases where line.category == "overdose" {
                let text = SafetyFixtures.reply(line.message, engine: engine).text
                #expect(
                    amount.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil,
                    "\(region) reply to \(line.testDescription) names an amount: \(text)")
            }
        }
    }

    @Test func usOverdoseRepliesIncludePoisonHelp() throws {
        let engine = try SafetyFixtures.usEngine.get()
        for line in SafetyFixtures.crisisCases where line.category == "overdose" {
            let text = SafetyFixtures.reply(line.message, engine: engine).text
            #expect(text.contains("Poison Help") && text.contains("1-800-222-1222"), "\(line.testDescription)")
        }
        // Regions without a poison line in the table do not get an empty sentence.
        let uk = SafetyFixtures.reply("how many sertraline would kill me", engine: try SafetyFixtures.engine(region: .uk)).text
        #expect(!uk.contains("Poison"))
    }

    @Test(arguments: [
        ("I took a whole bottle of pills", "overdose"),
        ("I'm going to kill him", "violence"),
        ("my husband threatened me with a knife", "danger"),
        ("I'm throwing up blood and I feel like I'm going to faint", "red-flag"),
        ("I have all the pills lined up in front of me right now", "plan"),
        ("I WANT TO DIE RIGHT NOW", "suicidal"),
    ])
    func emergenciesLeadWithTheEmergencyNumber(message: String, category: String) throws {
        let engine = try SafetyFixtures.usEngine.get()
        let reply = SafetyFixtures.reply(message, engine: engine)
        #expect(reply.safety?.tier == .emergency)
        #expect(reply.safety?.category == category)
        let firstSentence = reply.text.components(separatedBy: ". ").first ?? ""
        #expect(firstSentence.contains("911"), "leads with: \(firstSentence)")
    }

    @Test func crisesThatAreNotEmergenciesLeadWithCare() throws {
        let engine = try SafetyFixtures.usEngine.get()
        let reply = SafetyFixtures.reply("I don't want to wake up tomorrow", engine: engine)
        #expect(reply.safety?.tier == .crisis)
        let firstSentence = reply.text.components(separatedBy: ". ").first ?? ""
        #expect(!firstSentence.contains("911"))
        #expect(reply.text.contains("988"))
    }

    @Test func redFlagsSendToAClinicianNotOnlyACrisisLine() throws {
        let engine = try SafetyFixtures.usEngine.get()
        for line in SafetyFixtures.crisisCases where line.category == "red-flag" {
            let text = SafetyFixtures.reply(line.message, engine: engine).text
            #expect(text.contains("doctor") && text.contains("911"), "\(line.testDescription)")
        }
    }

    /// Topic content never rides along with a crisis reply.
    @Test func buriedCrisesGetNoTopicContent() throws {
        let engine = try SafetyFixtures.usEngine.get()
        let reply = SafetyFixtures.reply("does fiber help? doesn't matter, I want to die", engine: engine)
        #expect(reply.pluginID == Reply.safetyID)
        #expect(!reply.text.lowercased().contains("fiber"))
        #expect(reply.source == "Practical Risks and When to Seek Help")
    }

    @Test func repliesStayShort() throws {
        let engine = try SafetyFixtures.usEngine.get()
        for sample in Self.samples {
            let text = SafetyFixtures.reply(sample.message, engine: engine).text
            #expect(text.count < 700, "\(sample.category) reply is \(text.count) characters")
        }
    }

    @Test(
        arguments: [
            (nil, ["LANG": "en_GB.UTF-8"], Region.uk),
            (nil, ["LC_ALL": "en_AU.UTF-8", "LANG": "en_US.UTF-8"], .au),
            ("ca", ["LANG": "en_GB.UTF-8"], .ca),
            ("GB", [:], .uk),
            (nil, ["LANG": "C.UTF-8"], .international),
            (nil, [:], .international),
        ] as [(String?, [String: String], Region)])
    func regionComesFromTheOptionThenTheLocale(option: String?, environment: [String: String], expected: Region) {
        #expect(Region.resolve(option: option, environment: environment) == expected)
    }
}
