import ArgumentParser
import Foundation
import GutBotCore

/// `gutbot replay [PATH ...]`: re-runs recorded transcripts as regression
/// tests, prints a diff for every turn that changed, and with `--update`
/// blesses the new answers.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay transcripts as regression tests.",
        discussion: """
            Each transcript runs in a fresh session. Crisis replies use the transcript's `# region:` header, \
            else --region, else us, so results do not depend on this machine's locale. \
            The last line is `N passed, M failed`, counting files; the exit status is 0 only when none failed. \
            The format is described in Transcripts/README.md.
            """)

    @OptionGroup var options: BotOptions

    @Flag(
        help:
            "Rewrite the routing lines and exact replies that changed to what gutbot answers now; checks such as '~ 988' and comments are kept."
    )
    var update = false

    @Flag(help: "Stop at the first transcript that fails.")
    var failFast = false

    @Argument(
        help: ArgumentHelp("Transcript files, or folders searched recursively for *.chat (default: Transcripts).", valueName: "path"),
        completion: .file(extensions: ["chat"]))
    var paths: [String] = []

    func run() throws {
        Terminal.ignoreBrokenPipes()
        var engines = Engines(options: options)
        var passed = 0
        var failed = 0
        for found in TranscriptFile.find(paths.isEmpty ? ["Transcripts"] : paths) {
            if try check(found, engines: &engines) {
                passed += 1
            } else {
                failed += 1
                if failFast { break }
            }
        }
        Terminal.line("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode.failure }
    }

    /// Replays one file, printing what differs; `true` when it passed (after blessing, with --update).
    private func check(_ found: Result<String, FileError>, engines: inout Engines) throws -> Bool {
        let transcript: Transcript
        do {
            transcript = try TranscriptFile.load(try found.get())
        } catch {
            Terminal.line("FAIL \(error.file)")
            Terminal.line("\(error)")
            return false
        }
        let replayer = try engines.replayer(for: transcript.region)
        let replay = replayer.replay(transcript)
        if replay.passed { return true }
        guard update else {
            DiffPrinter.print(replay)
            return false
        }
        return try bless(replay, replayer: replayer)
    }

    /// Writes the blessed transcript and replays it again, so "passed" means
    /// the file on disk now passes, not that an update was attempted.
    private func bless(_ replay: TranscriptReplay, replayer: Replayer) throws -> Bool {
        let file = replay.transcript.file
        let blessing = TranscriptBlessing(replay)
        if !blessing.changes.isEmpty {
            do {
                try TranscriptFile.replace(file, with: TranscriptFormatter.text(of: blessing.transcript))
            } catch {
                Terminal.line("FAIL \(file)")
                Terminal.line("\(error)")
                return false
            }
            for change in blessing.changes {
                Terminal.line("updated \(file):\(change.line): \(DiffPrinter.quote(change.message)): \(change.before) -> \(change.after)")
            }
        }
        guard let reread = try? TranscriptFile.load(file) else {
            Terminal.line("FAIL \(file)")
            Terminal.line("\(file): the updated transcript no longer parses; this is a bug in gutbot, please report it")
            return false
        }
        let again = replayer.replay(reread)
        if again.passed { return true }
        DiffPrinter.print(again)
        Terminal.line("\(file): checks such as '~ text' are not rewritten by --update; edit them by hand")
        return false
    }
}

/// One engine per help-line region, loaded when first needed.
private struct Engines {
    let options: BotOptions
    private var loaded: [Region: Engine] = [:]

    init(options: BotOptions) {
        self.options = options
    }

    /// A replayer answering with `region`'s help lines: the transcript's own,
    /// else `--region`, else `us` (never the machine's locale).
    mutating func replayer(for region: Region?) throws -> Replayer {
        let region = region ?? options.region.flatMap(Region.init(named:)) ?? .us
        if let engine = loaded[region] { return Replayer(engine: engine, render: ReplyRenderer.text) }
        do {
            let loader = try EngineLoader(
                path: options.searchPath, region: region, extraPlugins: GutBotCLI.plugins,
                minimumSafetyRules: options.minimumSafetyRules, modelDirectories: options.modelSearchPath)
            // Warnings once, not once per region.
            if loaded.isEmpty {
                for warning in loader.warnings { Terminal.error("warning: \(warning)") }
            }
            // Transcripts are chats, recorded where /help works.
            var engine = loader.engine
            engine.helpCommand = "/help"
            loaded[region] = engine
            return Replayer(engine: engine, render: ReplyRenderer.text)
        } catch {
            throw BotOptions.report(error)
        }
    }
}

/// Prints a failed replay: for every difference, `file:line:` and the turn,
/// then the expected lines with `-` and the actual ones with `+`.
private enum DiffPrinter {
    /// Shared lines kept around each change; the rest are folded into `...`.
    static let context = 2

    static func print(_ replay: TranscriptReplay) {
        let file = replay.transcript.file
        let failed = replay.failedTurns
        Terminal.line("FAIL \(file) (\(failed.count) of \(replay.turns.count) turn\(replay.turns.count == 1 ? "" : "s") differ)")
        for turn in failed {
            for failure in turn.failures {
                Terminal.line("\(file):\(line(of: failure)): turn \(turn.number) \(quote(turn.turn.message)): \(summary(failure))")
                for line in lines(failure, actualText: turn.text) { Terminal.line("  " + line) }
            }
        }
    }

    static func quote(_ message: String) -> String {
        let short = message.count > 60 ? message.prefix(57) + "..." : message
        return "\"\(short)\""
    }

    /// The line to jump to: for a changed reply, its first changed line
    /// (reply lines map one to one onto file lines).
    private static func line(of failure: TurnFailure) -> Int {
        guard case .reply(let expected, let actual, let start) = failure, start > 0 else { return failure.line }
        let diff = LineDiff.lines(from: split(expected), to: split(actual))
        var offset = 0
        for line in diff {
            switch line {
            case .same: offset += 1
            case .removed, .added: return start + offset
            }
        }
        return start
    }

    private static func summary(_ failure: TurnFailure) -> String {
        switch failure {
        case .routing: return "answered by a different plugin or intent"
        case .reply: return "the reply changed"
        case .assertion(let assertion, _): return "the check '\(assertion)' does not hold"
        }
    }

    private static func lines(_ failure: TurnFailure, actualText: String) -> [String] {
        switch failure {
        case .routing(let expected, let actual, _):
            return ["- < \(expected)", "+ < \(actual)"]
        case .reply(let expected, let actual, _):
            let diff = LineDiff.lines(from: split(expected), to: split(actual))
            return folded(diff) + wordChanges(diff)
        case .assertion(let assertion, _):
            return ["- \(assertion)"] + split(TranscriptText.normalized(actualText)).map { "+ " + $0 }
        }
    }

    private static func split(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Replies are paragraphs on one line, so a one-word edit shows as two
    /// long lines; this names the words that changed.
    private static func wordChanges(_ diff: [LineDiff.Line]) -> [String] {
        var removed: [String] = []
        var added: [String] = []
        for line in diff {
            if case .removed(let text) = line { removed.append(text) }
            if case .added(let text) = line { added.append(text) }
        }
        let words = { (lines: [String]) in lines.joined(separator: " ").split(separator: " ").map(String.init) }
        let changes = LineDiff.lines(from: words(removed), to: words(added)).compactMap { word -> String? in
            switch word {
            case .same: return nil
            case .removed(let text): return "-" + text
            case .added(let text): return "+" + text
            }
        }
        guard !changes.isEmpty, changes.count <= 12 else { return [] }
        return ["(words: " + changes.joined(separator: " ") + ")"]
    }

    /// The diff with long runs of unchanged lines folded, as unified diff does.
    private static func folded(_ diff: [LineDiff.Line]) -> [String] {
        let changed = diff.indices.filter { if case .same = diff[$0] { return false } else { return true } }
        var output: [String] = []
        var skipping = false
        for (index, line) in diff.enumerated() {
            let near = changed.contains { abs($0 - index) <= context }
            switch line {
            case .same(let text) where near:
                output.append("  " + text)
                skipping = false
            case .same:
                if !skipping {
                    output.append("  ...")
                    skipping = true
                }
            case .removed(let text):
                output.append("- " + text)
                skipping = false
            case .added(let text):
                output.append("+ " + text)
                skipping = false
            }
        }
        return output
    }
}

/// A line-by-line difference between two texts, as unified diff shows it:
/// what replay prints when a reply changed.
enum LineDiff {
    /// One line of a diff.
    enum Line: Sendable, Equatable {
        /// In both texts.
        case same(String)
        /// Only in the expected text (`-`).
        case removed(String)
        /// Only in the actual text (`+`).
        case added(String)
    }

    /// The lines of `expected` and `actual` in order, shared ones once;
    /// a longest common subsequence, which for replies of a few dozen lines
    /// is instant.
    static func lines(from expected: [String], to actual: [String]) -> [Line] {
        let n = expected.count
        let m = actual.count
        // lengths[i][j]: the common subsequence length of expected[i...] and actual[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = expected[i] == actual[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var result: [Line] = []
        var i = 0
        var j = 0
        while i < n, j < m {
            if expected[i] == actual[j] {
                result.append(.same(expected[i]))
                i += 1
                j += 1
            } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                result.append(.removed(expected[i]))
                i += 1
            } else {
                result.append(.added(actual[j]))
                j += 1
            }
        }
        result += expected[i...].map(Line.removed) + actual[j...].map(Line.added)
        return result
    }
}
