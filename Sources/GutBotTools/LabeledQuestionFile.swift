import Foundation
import GutBotCore

/// Reads an evaluation set: `labels<TAB>question` lines, labels
/// comma-separated plugin ids or `none`; `#` comments and blank lines are
/// skipped. A bad line is reported with its file and line and skipped, so one
/// typo does not throw away a whole set.
public enum LabeledQuestionFile {
    /// The questions read and the lines that could not be.
    public struct Contents: Sendable, Equatable {
        /// Questions in file order.
        public var questions: [LabeledQuestion]
        /// One error per skipped line.
        public var problems: [FileError]
    }

    /// Reads the set at `path`; throws only when the file cannot be read at all.
    public static func load(path: String) throws(FileError) -> Contents {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FileError(file: path, line: nil, message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw FileError(file: path, line: nil, message: "is a directory, not a question set")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(file: path, line: nil, message: "cannot read the file")
        }
        return parse(data, path: path)
    }

    /// Parses set data read from `path` (which only names it in messages).
    public static func parse(_ data: Data, path: String) -> Contents {
        var contents = Contents(questions: [], problems: [])
        // Split bytes, not text, so invalid UTF-8 costs one line rather than the file.
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (offset, bytes) in lines.enumerated() {
            let number = offset + 1
            guard var line = String(data: Data(bytes), encoding: .utf8) else {
                contents.problems.append(FileError(file: path, line: number, message: "the line is not valid UTF-8"))
                continue
            }
            if number == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.hasSuffix("\r") { line.removeLast() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            switch question(from: line, number: number) {
            case .success(let question): contents.questions.append(question)
            case .failure(let problem): contents.problems.append(FileError(file: path, line: number, message: problem.message))
            }
        }
        return contents
    }

    private struct LineProblem: Error {
        var message: String
    }

    private static func question(from line: String, number: Int) -> Result<LabeledQuestion, LineProblem> {
        guard let tab = line.firstIndex(of: "\t") else {
            return .failure(LineProblem(message: "expected labels, a tab, then the question"))
        }
        let labels = line[..<tab].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let text = line[line.index(after: tab)...].trimmingCharacters(in: .whitespaces)
        guard !labels.isEmpty, !labels.contains(where: \.isEmpty) else {
            return .failure(LineProblem(message: "no labels before the tab; use plugin ids separated by commas, or 'none'"))
        }
        guard !text.isEmpty else {
            return .failure(LineProblem(message: "no question after the tab"))
        }
        if let bad = labels.first(where: { $0.range(of: "^[a-z][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)?$", options: .regularExpression) == nil })
        {
            return .failure(LineProblem(message: "'\(bad)' is not a plugin id or plugin/intent"))
        }
        if labels.contains(LabeledQuestion.outOfScope), labels.count > 1 {
            return .failure(LineProblem(message: "'none' cannot be combined with plugin ids"))
        }
        return .success(LabeledQuestion(line: number, labels: labels, text: text))
    }
}

/// One line of an evaluation set: a question and the plugins that may answer it.
public struct LabeledQuestion: Sendable, Equatable {
    /// The label for questions gutbot should not answer: the fallback is right.
    public static let outOfScope = "none"

    /// The 1-based line it was read from, for messages.
    public var line: Int
    /// Plugin ids any of which is a right answer, first the most expected;
    /// `["none"]` for an out-of-scope question. A label may name the intent
    /// too (`diet/fiber`): the question then also counts towards that
    /// intent's precision and recall.
    public var labels: [String]
    /// The question, as a user would type it.
    public var text: String

    /// A labeled question.
    public init(line: Int, labels: [String], text: String) {
        self.line = line
        self.labels = labels
        self.text = text
    }

    /// Whether the right answer is the fallback.
    public var isOutOfScope: Bool { labels.contains(Self.outOfScope) }
}
