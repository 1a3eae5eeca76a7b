import Foundation
import GutBotCore
import GutBotTestSupport
import Testing

/// One line of a safety table (`Plugins/safety/tables/safety-cases*.tsv`):
/// `expect<TAB>category<TAB>message`.
struct SafetyCase: Sendable, CustomTestStringConvertible {
    /// `crisis` or `benign`.
    var expect: String
    /// The crisis category the line names, or `benign`.
    var category: String
    /// What the person typed.
    var message: String
    /// The file and line, so a failure says where the case lives.
    var location: String

    var isCrisis: Bool { expect == "crisis" }

    /// Failures name the message itself, which is what a reader needs to see.
    var testDescription: String { "\"\(message)\" (\(location))" }
}

/// The shipped plugins and the safety tables, loaded once for every safety test.
enum SafetyFixtures {
    /// The colleague's table, the later regression table, the blind and
    /// development sets written while broadening the rules, two blind sets
    /// written by people who never saw the rules (A and B), and the author's
    /// own paraphrases and batteries written while generalising their misses;
    /// then blind set C with the author's paraphrases for its misses below it,
    /// and the regression lines of safety rounds 7, 8 and 9.
    static let tableNames = [
        "safety-cases.tsv", "safety-cases-2.tsv", "safety-cases-3.tsv",
        "safety-cases-4.tsv", "safety-cases-5.tsv", "safety-cases-6.tsv", "safety-cases-7.tsv",
        "safety-cases-8.tsv", "safety-cases-9.tsv",
    ]

    /// Tables of training lines for the net, in new voices, written by people
    /// who saw neither the rules nor the other tables. Their categories are
    /// the writers' (someone else at risk is `danger` even where a rule files
    /// it under the person's crisis), and the rules were never tuned on their
    /// benign lines, so only the promise that every crisis is caught holds
    /// for them; README.md gives their false alarms.
    static let trainingTableNames = [
        "safety-cases-10.tsv", "safety-cases-11.tsv", "safety-cases-12.tsv", "safety-cases-13.tsv", "safety-cases-14.tsv",
        "safety-cases-15.tsv", "safety-cases-16.tsv", "safety-cases-17.tsv",
    ]

    /// The crisis lines of the training tables.
    static let trainingCrisisCases: [SafetyCase] = trainingTableNames.flatMap { name in
        read(TestPackage.root.appendingPathComponent("Plugins/safety/tables/\(name)")).filter(\.isCrisis)
    }

    /// Every case of every table, in file order.
    static let cases: [SafetyCase] = tableNames.flatMap { name in
        read(TestPackage.root.appendingPathComponent("Plugins/safety/tables/\(name)"))
    }

    /// The cases of the first table alone, whose size the tests pin down.
    static let firstTable: [SafetyCase] = read(TestPackage.root.appendingPathComponent("Plugins/safety/tables/safety-cases.tsv"))

    /// The routing dev set's questions: ordinary messages, for checks that need many.
    static let devQuestions: [String] = {
        guard let text = try? String(contentsOf: TestPackage.root.appendingPathComponent("Tests/Fixtures/dev-set.tsv"), encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let question = line.split(separator: "\t").last else { return nil }
            return String(question)
        }
    }()

    static var crisisCases: [SafetyCase] { cases.filter(\.isCrisis) }
    static var benignCases: [SafetyCase] { cases.filter { !$0.isCrisis } }

    /// The shipped safety folder alone (rules, wording, tables; no engine),
    /// with US help lines: loaded once for every suite that reads the rules,
    /// rather than once per test case.
    static let shippedScreenLoad: Result<SafetyScreen, FileError> = Result { () throws(FileError) -> SafetyScreen in
        try SafetyScreen.load(directory: TestPackage.safetyDirectory, region: .us)
    }

    /// ``shippedScreenLoad``'s screen, or its load's error.
    static func shippedScreen() throws -> SafetyScreen {
        try shippedScreenLoad.get()
    }

    /// The real engine, the way gutbot builds it, with `region`'s help lines.
    static func engine(region: Region) throws -> Engine {
        try ShippedEngine.load(region: region)
    }

    /// The US engine, loaded once (the tables are run through it hundreds of times).
    static let usEngine: Result<Engine, StartupError> = Result { () throws(StartupError) -> Engine in
        try ShippedEngine.load(region: .us)
    }

    /// The reply to `text` in a fresh session, through `Engine.reply` as gutbot does it.
    static func reply(_ text: String, engine: Engine) -> Reply {
        var session = Session(id: "safety-test")
        return engine.reply(to: text, in: &session)
    }

    private static func read(_ url: URL) -> [SafetyCase] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var result: [SafetyCase] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            // A malformed line becomes a case that fails loudly rather than vanishing.
            guard fields.count == 3 else {
                result.append(
                    SafetyCase(
                        expect: "malformed", category: "", message: String(line),
                        location: "\(url.lastPathComponent):\(index + 1)"))
                continue
            }
            result.append(
                SafetyCase(
                    expect: fields[0], category: fields[1], message: fields[2],
                    location: "\(url.lastPathComponent):\(index + 1)"))
        }
        return result
    }
}
