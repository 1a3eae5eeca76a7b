import Foundation
import GutBotTestSupport
import Testing

@testable import GutBotCore

/// Terms are expanded by a hand-written scanner; it must give exactly what
/// the regular expression it replaced gave, on the shipped data and on
/// awkward text, and report the same unknown name.
@Suite struct SafetyTermsTests {
    /// An expansion, or the unknown name it stopped at.
    enum Outcome: Equatable {
        case text(String)
        case unknown(String)
    }

    /// The expansion as it was written with NSRegularExpression, kept here as the reference.
    private static func reference(_ pattern: String, _ terms: SafetyTerms) -> Outcome {
        let regex = try! NSRegularExpression(pattern: "\\{([a-z][a-z-]*)\\}")
        var text = pattern
        for _ in 0..<8 {
            let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
            guard !matches.isEmpty else { return .text(text) }
            for match in matches.reversed() {
                guard let whole = Range(match.range, in: text), let name = Range(match.range(at: 1), in: text) else { continue }
                guard let definition = terms.definitions[String(text[name])] else { return .unknown(String(text[name])) }
                text.replaceSubrange(whole, with: "(?:\(definition))")
            }
        }
        return .unknown("(terms that refer to each other in a loop)")
    }

    private static func expanded(_ pattern: String, _ terms: SafetyTerms) -> Outcome {
        do throws(SafetyTerms.UnknownTerm) {
            return .text(try terms.expand(pattern))
        } catch {
            return .unknown(error.name)
        }
    }

    @Test func everyLineOfTheShippedSafetyDataExpandsAsBefore() throws {
        let terms = try SafetyLayers.load([TestPackage.safetyDirectory]).contents.terms
        #expect(terms.definitions.count > 10)
        var lines: [String] = []
        for file in ["safety.yml", "wording.yml", "lexicon.yml"] {
            lines += try String(contentsOfFile: TestPackage.safetyDirectory + "/" + file, encoding: .utf8)
                .components(separatedBy: "\n")
        }
        lines += terms.definitions.values.map { $0 }
        var expandedSome = 0
        for line in lines {
            let result = Self.expanded(line, terms)
            #expect(result == Self.reference(line, terms), "\(line)")
            if case .text(let text) = result, text != line { expandedSome += 1 }
        }
        #expect(expandedSome > 200)
    }

    @Test(arguments: [
        "", "{", "}", "{}", "{a}", "{ab-c}", "{-a}", "{a-}", "{A}", "{a", "a}", "{{a}}", "{a}{b}", "{a}{", "x{0,3}y",
        "{a{b}}", "{ab-cd-}", "é{a}ü", "\u{1F600}{b}\u{1F600}", "{loop}", "{unknown}", "{a}{unknown}{b}",
        "{unknown}{other-unknown}", "{a }", "{a1}", "{nest}", "\\{a\\}",
    ])
    func awkwardTextExpandsAsBefore(_ pattern: String) {
        let terms = SafetyTerms(definitions: [
            "a": "x|y", "b": "é{0,2}", "ab-c": "z", "a-": "dash", "ab-cd-": "q", "nest": "{a}+{b}", "loop": "{loop}",
        ])
        #expect(Self.expanded(pattern, terms) == Self.reference(pattern, terms))
    }

    /// The one difference: the regular expression's match could not be cut
    /// out of the text when a combining mark followed the `}` (it is not a
    /// character boundary), so the reference stayed and was reported as a
    /// loop, and the data did not load. The scanner expands it.
    @Test func aCombiningMarkAfterAReferenceNoLongerStopsIt() {
        let terms = SafetyTerms(definitions: ["a": "x|y"])
        #expect(Self.reference("{a}\u{301}", terms) == .unknown("(terms that refer to each other in a loop)"))
        #expect(Self.expanded("{a}\u{301}", terms) == .text("(?:x|y)\u{301}"))
    }
}
