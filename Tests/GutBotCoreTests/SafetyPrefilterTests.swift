import Foundation
import GutBotTestSupport
import Testing

@testable import GutBotCore

/// The literal prefilter only ever skips patterns that cannot match: every
/// verdict is the same with it as without it, and every match of every
/// pattern contains one of the literals the prefilter requires.
@Suite struct SafetyPrefilterTests {
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
        var reader = SafetyLiteralReader()
        #expect(reader.required(by: pattern) == expected, "\(pattern)")
    }

    @Test func theIndexFindsEveryOccurrence() {
        let index = SafetyLiteralIndex(literals: ["he", "she", "his", "hers", "kill myself"])
        let present = index.present(in: " | ushers want to kill myself | ")
        #expect(present == [true, true, false, true, true])
    }

    /// Every message of every table and the dev set, with and without the prefilter.
    @Test func verdictsAreTheSameWithoutThePrefilter() throws {
        let plugin = try SafetyFixtures.shippedScreen()
        let plain = SafetyRulebook(
            rules: plugin.rulebook.rules, guards: plugin.rulebook.guards,
            lexicon: plugin.rulebook.lexicon, prefilter: false)
        let messages = SafetyFixtures.cases.map(\.message) + SafetyFixtures.devQuestions
        #expect(messages.count > 1000)
        for message in messages {
            #expect(plugin.rulebook.verdict(for: message) == plain.verdict(for: message), "\(message)")
        }
    }

    /// The literals of each pattern occur in every form it matches, and the
    /// rulebook's prefilter lets it run on every such form.
    @Test func everyMatchContainsARequiredLiteral() throws {
        let rulebook = try SafetyFixtures.shippedScreen().rulebook
        var patterns: [SafetyPatterns] = rulebook.guards.map(\.patterns)
        for rule in rulebook.rules {
            patterns += [rule.patterns, rule.unless] + rule.combinations.flatMap { $0.parts + [$0.unless] }
        }
        let forms = (SafetyFixtures.cases.map(\.message) + SafetyFixtures.devQuestions).flatMap(rulebook.forms(of:))
            .map { SafetyForm($0, guards: [], prefilter: rulebook.prefilter) }
        var reader = SafetyLiteralReader()
        for group in patterns {
            #expect(group.prefilterStart != nil, "every pattern a rulebook runs on forms is numbered")
            for (index, regex) in group.regexes.enumerated() {
                let literals = reader.required(by: regex.pattern)
                for form in forms where regex.firstMatch(in: form.text, range: form.whole) != nil {
                    #expect(group.mayMatch(index, by: form.mayMatch), "\(regex.pattern.prefix(80)) matched \(form.text) but was skipped")
                    guard let literals else { continue }
                    #expect(
                        literals.contains { form.text.contains($0) },
                        "\(regex.pattern.prefix(80)) matched \(form.text) without \(literals.prefix(5))")
                }
            }
        }
    }
}
