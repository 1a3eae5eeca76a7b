import Foundation
import GutBotTestSupport
import Testing

@testable import GutBotCore

/// The literal prefilter only ever skips patterns that cannot match: every
/// verdict is the same with it as without it, and every match of every
/// pattern contains one of the literals the prefilter requires.
@Suite struct SafetyPrefilterTests {
    private static func plugin() throws -> SafetyScreen {
        try SafetyScreen.load(directory: TestPackage.safetyDirectory, region: .us)
    }

    @Test(
        arguments: [
            ("\\bkill(?:s|ed)? (?:myself|my self)\\b", ["my self", "myself"]),
            ("\\b(?:i|me) (?:want|wish) to die\\b", [" to die"]),
            ("\\bfoo(?: \\w+){0,3} (?:bar|bazz)\\b", ["foo"]),
            ("\\bpills? (?:and|or) (?:rope|gun)\\b", ["pill"]),
            ("\\b(?:a|b)\\w+", nil),
            ("(?:abc)?def", ["def"]),
            ("x[sz]y", nil),
            ("(?i)kill", nil),
            ("kill(?= \\|)", ["kill"]),
            ("(?<!not )die", ["die"]),
            // An everyday word says little, so a rarer piece wins even if shorter.
            ("\\b(?:with|holding) (?:knife|gun)\\b", ["gun", "knife"]),
            ("\\bi (?:want|need) to die\\b", [" to die"]),
        ] as [(String, [String]?)])
    func requirementsAreWorkedOut(pattern: String, expected: [String]?) {
        let found = SafetyLiterals.required(by: pattern).map {
            Array(Set($0.map { String($0.prefix(SafetyPatterns.longestLiteral)) })).sorted()
        }
        #expect(found == expected, "\(pattern)")
    }

    @Test func theIndexFindsEveryOccurrence() {
        let index = SafetyLiteralIndex(literals: ["he", "she", "his", "hers", "kill myself"])
        let present = index.present(in: " | ushers want to kill myself | ")
        #expect(present == [true, true, false, true, true])
    }

    /// Every message of every table and the dev set, with and without the prefilter.
    @Test func verdictsAreTheSameWithoutThePrefilter() throws {
        let plugin = try Self.plugin()
        let plain = SafetyRulebook(
            rules: plugin.rulebook.rules, guards: plugin.rulebook.guards,
            lexicon: plugin.rulebook.lexicon, prefilter: false)
        let messages = SafetyFixtures.cases.map(\.message) + SafetyFixtures.devQuestions
        #expect(messages.count > 1000)
        for message in messages {
            #expect(plugin.rulebook.verdict(for: message) == plain.verdict(for: message), "\(message)")
        }
    }

    /// The literals of each pattern occur in every form it matches.
    @Test func everyMatchContainsARequiredLiteral() throws {
        let rulebook = try Self.plugin().rulebook
        var patterns: [SafetyPatterns] = rulebook.guards.map(\.patterns)
        for rule in rulebook.rules {
            patterns += [rule.patterns, rule.unless] + rule.combinations.flatMap { $0.parts + [$0.unless] }
        }
        let forms = (SafetyFixtures.cases.map(\.message) + SafetyFixtures.devQuestions).flatMap(rulebook.forms(of:))
        for group in patterns {
            for (regex, literals) in zip(group.regexes, group.requirements) {
                guard let literals else { continue }
                for form in forms where regex.firstMatch(in: form, range: NSRange(location: 0, length: (form as NSString).length)) != nil {
                    #expect(
                        literals.contains { form.contains($0) }, "\(regex.pattern.prefix(80)) matched \(form) without \(literals.prefix(5))"
                    )
                }
            }
        }
    }
}
