import Foundation
import GutBotCore
import GutBotTestSupport
import GutBotTools
import Testing

/// The eval metrics, checked against a small table worked out by hand.
@Suite struct RoutingEvaluationTests {
    /// Ten questions: (labels, plugin that answered). Right: 1, 3, 4, 7, 9.
    static let table: [([String], String)] = [
        (["diet"], "diet"),  // 1 right
        (["diet"], "sleep"),  // 2 wrong
        (["diet", "probiotics"], "probiotics"),  // 3 right: any label counts, scored as probiotics
        (["sleep"], "sleep"),  // 4 right
        (["sleep"], "fallback"),  // 5 wrong
        (["probiotics"], "diet"),  // 6 wrong
        (["none"], "fallback"),  // 7 right
        (["none"], "sleep"),  // 8 wrong
        (["none"], "fallback"),  // 9 right
        (["sleep"], "safety"),  // 10 wrong
    ]

    static let evaluation = RoutingEvaluation(
        table.enumerated().map {
            RoutingOutcome(labels: $0.element.0, answered: $0.element.1, line: $0.offset + 1)
        })

    @Test func accuracies() {
        let evaluation = Self.evaluation
        #expect(evaluation.overall == .init(total: 10, correct: 5))
        #expect(evaluation.overall.accuracy == 0.5)
        #expect(evaluation.inScope == .init(total: 7, correct: 3))
        #expect(evaluation.inScope.accuracy == 3.0 / 7.0)
        #expect(evaluation.outOfScope == .init(total: 3, correct: 2))
        #expect(evaluation.outOfScope.accuracy == 2.0 / 3.0)
    }

    @Test func classesPutTopicsFirstThenFallbackThenSafety() {
        #expect(Self.evaluation.classes == ["diet", "probiotics", "sleep", "fallback", "safety"])
    }

    @Test(arguments: [
        // id, expected, answered, correct, precision, recall
        ("diet", 2, 2, 1, 0.5 as Double?, 0.5 as Double?),
        ("probiotics", 2, 1, 1, 1.0, 0.5),
        ("sleep", 3, 3, 1, 1.0 / 3.0, 1.0 / 3.0),
        ("fallback", 3, 3, 2, 2.0 / 3.0, 2.0 / 3.0),
        ("safety", 0, 1, 0, 0.0, nil),
    ])
    func precisionAndRecall(id: String, expected: Int, answered: Int, correct: Int, precision: Double?, recall: Double?) throws {
        let score = try #require(Self.evaluation.perClass.first { $0.id == id })
        #expect(score.expected == expected)
        #expect(score.answered == answered)
        #expect(score.correct == correct)
        #expect(score.precision == precision)
        #expect(score.recall == recall)
    }

    @Test func confusionMatrix() {
        #expect(
            Self.evaluation.confusion == [
                // diet probiotics sleep fallback safety (answered)
                [1, 0, 1, 0, 0],  // diet expected
                [1, 1, 0, 0, 0],  // probiotics
                [0, 0, 1, 1, 1],  // sleep
                [0, 0, 1, 2, 0],  // fallback (none)
                [0, 0, 0, 0, 0],  // safety
            ])
        #expect(Self.evaluation.count(expected: "fallback", answered: "sleep") == 1)
        #expect(Self.evaluation.confusion.flatMap { $0 }.reduce(0, +) == 10)
    }

    @Test func misroutedKeepsSetOrder() {
        #expect(Self.evaluation.misrouted.map(\.line) == [2, 5, 6, 8, 10])
    }

    @Test func anEmptySetHasNoAccuracyRatherThanACrash() {
        let empty = RoutingEvaluation([])
        #expect(empty.overall.accuracy == nil)
        #expect(empty.classes.isEmpty)
        #expect(empty.confusion.isEmpty)
        #expect(RoutingEvaluationReport(evaluation: empty, file: "empty.tsv").text.contains("overall accuracy:"))
    }

    @Test func theTextReportHasEverySection() {
        let text = RoutingEvaluationReport(evaluation: Self.evaluation, file: "set.tsv", misroutedLimit: 2).text
        for part in [
            "overall accuracy:      50.0%  (5/10)", "in-scope accuracy:     42.9%  (3/7)",
            "out-of-scope accuracy: 66.7%  (2/3)", "per plugin", "fallback (none)", "confusion matrix",
            "misrouted: 5 (showing 2)", "set.tsv:2: expected diet, got sleep",
        ] {
            #expect(text.contains(part), "missing \(part)")
        }
        #expect(!text.contains("set.tsv:6:"))
    }

    @Test func theJSONReportHasTheSameNumbers() throws {
        let json = RoutingEvaluationReport(evaluation: Self.evaluation, file: "set.tsv").json
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let overall = try #require(object["overall"] as? [String: Any])
        #expect(overall["accuracy"] as? Double == 0.5)
        #expect((object["in_scope"] as? [String: Any])?["correct"] as? Int == 3)
        #expect((object["out_of_scope"] as? [String: Any])?["accuracy"] as? Double == 0.6667)
        #expect(object["misrouted_count"] as? Int == 5)
        let plugins = try #require(object["plugins"] as? [[String: Any]])
        #expect(plugins.count == 5)
        #expect(plugins.last?["recall"] is NSNull, "undefined recall is null, not missing")
        let confusion = try #require(object["confusion"] as? [String: Any])
        #expect(confusion["classes"] as? [String] == ["diet", "probiotics", "sleep", "fallback", "safety"])
    }
}

/// Reading `labels<TAB>question` files: good lines are kept, bad ones are
/// reported with their line and skipped.
@Suite struct LabeledQuestionFileTests {
    @Test func readsGoodLinesAndReportsBadOnes() {
        var data = Data()
        let lines = [
            "# a comment",  // 1
            "diet\tdoes fiber help",  // 2
            "",  // 3
            "diet, probiotics\tis kefir good",  // 4
            "none\twhat's the weather",  // 5
            "no tab here",  // 6
            "\tno labels",  // 7
            "diet\t   ",  // 8
            "none,diet\tmixed",  // 9
            "INVALID\tbroken bytes",  // 10
            "Sleep\tupper-case label",  // 11
            "sleep\tcarriage return\r",  // 12
            "di et\tspace in a label",  // 13
        ]
        for (index, line) in lines.enumerated() {
            if index > 0 { data.append(UInt8(ascii: "\n")) }
            data.append(contentsOf: line == "INVALID\tbroken bytes" ? [0x64, 0xC3, 0x28, 0x09, 0x78] : Array(line.utf8))
        }
        let contents = LabeledQuestionFile.parse(data, path: "set.tsv")
        #expect(
            contents.questions == [
                LabeledQuestion(line: 2, labels: ["diet"], text: "does fiber help"),
                LabeledQuestion(line: 4, labels: ["diet", "probiotics"], text: "is kefir good"),
                LabeledQuestion(line: 5, labels: ["none"], text: "what's the weather"),
                LabeledQuestion(line: 11, labels: ["sleep"], text: "upper-case label"),
                LabeledQuestion(line: 12, labels: ["sleep"], text: "carriage return"),
            ])
        #expect(contents.problems.map(\.line) == [6, 7, 8, 9, 10, 13])
        #expect(contents.problems.allSatisfy { $0.file == "set.tsv" })
        #expect(contents.problems.first { $0.line == 10 }?.message.contains("UTF-8") == true)
        #expect(contents.questions[2].isOutOfScope)
    }

    @Test func aMissingFileIsAnError() {
        #expect {
            _ = try LabeledQuestionFile.load(path: "/nonexistent/set.tsv")
        } throws: { error in
            (error as? FileError)?.description == "/nonexistent/set.tsv: no such file"
        }
    }

    /// Intent labels (`plugin/intent`), worked out by hand: fiber is expected
    /// twice and answered twice, one of each right; sleep-hours once, right.
    @Test func perIntentPrecisionRecallAndF1() throws {
        let evaluation = RoutingEvaluation([
            RoutingOutcome(labels: ["diet/fiber"], answered: "diet", intentID: "fiber"),
            RoutingOutcome(labels: ["diet/fiber"], answered: "diet", intentID: "plant-variety"),
            RoutingOutcome(labels: ["diet/plant-variety"], answered: "diet", intentID: "fiber"),
            RoutingOutcome(labels: ["sleep/sleep-hours"], answered: "sleep", intentID: "sleep-hours"),
            RoutingOutcome(labels: ["diet"], answered: "diet", intentID: "fiber"),  // no intent label: not counted per intent
        ])
        let scores = Dictionary(uniqueKeysWithValues: evaluation.perIntent.map { ($0.id, $0) })
        let fiber = try #require(scores["diet/fiber"])
        #expect((fiber.expected, fiber.answered, fiber.correct) == (2, 2, 1))
        #expect(fiber.precision == 0.5 && fiber.recall == 0.5 && fiber.f1 == 0.5)
        let variety = try #require(scores["diet/plant-variety"])
        #expect(variety.correct == 0 && variety.f1 == 0)
        #expect(scores["sleep/sleep-hours"]?.f1 == 1)
        // Plugin-level scoring reads `diet/fiber` as `diet`.
        #expect(evaluation.overall == .init(total: 5, correct: 5))
        #expect(RoutingEvaluation.ClassScore(id: "x", expected: 0, answered: 3, correct: 0).f1 == nil)
    }
}
