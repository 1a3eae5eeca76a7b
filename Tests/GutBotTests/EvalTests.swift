import Foundation
import GutBotTestSupport
import Testing

/// `gutbot eval` over labeled question sets. No accuracy of the shipped sets is
/// asserted: the numbers are reported, not tested; the gates are tested on a set made here.
@Suite struct EvalTests {
    static let devSet = "Tests/Fixtures/dev-set.tsv"

    /// Questions in the dev set: lines that are neither blank nor comments.
    static func devSetQuestions() throws -> Int {
        let text = try String(contentsOf: TestPackage.root.appendingPathComponent(devSet), encoding: .utf8)
        return text.split(separator: "\n").filter {
            let line = $0.trimmingCharacters(in: .whitespaces)
            return !line.isEmpty && !line.hasPrefix("#")
        }.count
    }

    @Test func theDevSetReportHasItsSummaryLines() throws {
        let result = try GutBotProcess.run(["eval", Self.devSet])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "the dev set has no malformed lines: \(result.stderr)")
        let lines = result.lines
        #expect(lines.first == "evaluated \(try Self.devSetQuestions()) questions from \(Self.devSet)")
        for prefix in ["overall accuracy:", "in-scope accuracy:", "out-of-scope accuracy:", "per plugin", "confusion matrix", "misrouted:"]
        {
            #expect(lines.contains { $0.hasPrefix(prefix) }, "no line starting \(prefix)")
        }
        #expect(lines.contains { $0.contains("fallback (none)") })
        #expect(lines.contains { $0.wholeMatch(of: #/overall accuracy: +\d+\.\d%  \(\d+/\d+\)/#) != nil })
    }

    @Test func theDevSetAsJSON() throws {
        let result = try GutBotProcess.run(["eval", Self.devSet, "--json", "--misrouted", "3"])
        #expect(result.status == 0)
        #expect(result.lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["file", "skipped", "overall", "in_scope", "out_of_scope", "plugins", "confusion", "misrouted", "misrouted_count"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let overall = try #require(object["overall"] as? [String: Any])
        #expect(overall["total"] as? Int == (try Self.devSetQuestions()))
        #expect((object["misrouted"] as? [Any])?.count ?? 99 <= 3)
    }

    @Test func malformedLinesAreReportedAndSkipped() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let file = directory.appendingPathComponent("set.tsv")
        var data = Data("# a small set\ndiet\tdoes fiber help my mood\nno tab on this line\n".utf8)
        data.append(contentsOf: [0x6E, 0x6F, 0x6E, 0x65, 0x09, 0xC3, 0x28, 0x0A])  // "none\t" then invalid UTF-8
        data.append(Data("none\twhat is the capital of peru\ndite\thow much sleep do i need\n".utf8))
        try data.write(to: file)
        let result = try GutBotProcess.run(["eval", file.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(file.path):3: expected labels, a tab, then the question"))
        #expect(result.stderr.contains("\(file.path):4: the line is not valid UTF-8"))
        #expect(result.stderr.contains("\(file.path):6: label 'dite' is not a loaded plugin"))
        #expect(result.lines.first == "evaluated 3 questions from \(file.path) (2 malformed lines skipped)")
        #expect(result.stdout.contains("out-of-scope accuracy: 100.0%  (1/1)"))
    }

    @Test func aMissingFileIsAnErrorNamingIt() throws {
        let result = try GutBotProcess.run(["eval", "/nonexistent/set.tsv"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("/nonexistent/set.tsv"))
    }

    @Test func aSetWithoutQuestionsIsAnError() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let file = directory.appendingPathComponent("empty.tsv")
        try "# nothing here\n\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try GutBotProcess.run(["eval", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no questions"))
    }

    /// A small set written here, so the gates are tested against known
    /// numbers: overall 2/3, in scope 2/2, out of scope 0/1.
    static let gates: [([String], Int32)] = [
        (["--min-accuracy", "0.5"], Int32(0)), (["--min-accuracy", "70%"], 1), (["--min-in-scope", "1"], 0),
        (["--min-out-of-scope", "0.5"], 1), (["--min-in-scope", "100%", "--min-out-of-scope", "0"], 0),
    ]

    @Test(arguments: gates)
    func minimumAccuraciesGateTheExitStatus(flags: [String], status: Int32) throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let set = directory.appendingPathComponent("set.tsv")
        // The out-of-scope question is one diet answers.
        try "diet/fiber\tdoes fiber help my mood\nsleep\thow many hours of sleep should i get\nnone\tdoes fiber help my mood\n"
            .write(to: set, atomically: true, encoding: .utf8)
        let result = try GutBotProcess.run(["eval", set.path] + flags)
        #expect(result.status == status, "\(flags): \(result.stderr)")
        #expect(result.stderr.contains("below the minimum") == (status != 0))
        #expect(result.lines.contains { $0.hasPrefix("per intent") }, "no per-intent table")
        #expect(result.lines.contains { $0.contains("diet/fiber") && $0.contains("100.0%") })
    }

    @Test(arguments: ["2", "-0.1", "ninety", "150%"])
    func aMinimumOutsideZeroToOneIsRefused(value: String) throws {
        let result = try GutBotProcess.run(["eval", Self.devSet, "--min-accuracy", value])
        #expect(result.status != 0 && result.status != 1, "a bad threshold is a usage error, not a failed gate")
    }
}
