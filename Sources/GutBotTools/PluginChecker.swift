import Foundation
import GutBotCore

/// What `gutbot check` does: loads every plugin file on a search path the way
/// gutbot would, then looks for what makes routing break or go fragile.
///
/// Errors: files that do not load, two files with one id in one directory,
/// examples with no words, safety data that does not load, and examples the
/// real engine answers with another plugin, the fallback or a clarifying
/// question that does not offer their plugin. Warnings: a plugin replaced by a
/// later directory, intents with too few examples, examples the safety plugin
/// catches first, examples too close to call between two topics or reaching
/// another intent of their own plugin, out-of-scope examples a topic answers,
/// and near-duplicate examples across plugins.
public struct PluginChecker: Sendable {
    /// Fewer examples than this and an intent only hears the phrasings its author thought of.
    public static let minimumExamples = 8

    /// The directories to check, in load order.
    public var path: PluginSearchPath
    /// Whether a directory on the path that does not exist is an error; true
    /// when the user named the directories, so a typo does not pass silently.
    public var requireDirectories: Bool
    /// The fewest crisis rules the base safety folder may have, as at start-up.
    public var minimumSafetyRules: Int?
    /// Where the sentence encoders' models are looked for, as at start-up.
    public var modelDirectories: [String] = ModelFile.standardDirectories()
    /// Plugins written in Swift, loaded beside the files as at start-up:
    /// their examples must reach them like any file's.
    public var extraPlugins: [any Plugin] = []

    /// A checker over `path`.
    public init(path: PluginSearchPath, requireDirectories: Bool = false) {
        self.path = path
        self.requireDirectories = requireDirectories
    }

    /// One example and where it is written, for messages.
    private struct Located {
        /// The plugin id, or the fallback's id for an out-of-scope example.
        var group: String
        /// The intent; `nil` for an out-of-scope example.
        var intentID: String?
        var text: String
        var file: String?
        var line: Int?

        /// `plugin/intent`, or what out-of-scope examples are.
        var owner: String {
            intentID.map { "\(group)/\($0)" } ?? "the out-of-scope examples"
        }

        /// `file:line`, or nothing when neither is known.
        var location: String? {
            file.map { $0 + (line.map { ":\($0)" } ?? "") }
        }
    }

    /// Runs every check.
    public func check() -> PluginCheckReport {
        let catalog = PluginCatalog.load(path)
        var findings = directoryFindings()
        findings += catalog.problems.map(CheckFinding.init)
        findings += duplicateIDFindings(catalog)
        let engine = loadEngine(catalog, findings: &findings)
        let lines = Dictionary(
            catalog.topics.map { ($0.id, $0.file.map(PluginSourceLines.init(path:)) ?? PluginSourceLines()) },
            uniquingKeysWith: { first, _ in first })
        let plugins: [any Plugin] = catalog.topics + extraPlugins
        let topicExamples = plugins.flatMap { plugin in
            plugin.intents.flatMap { intent in
                intent.examples.enumerated().map { index, text in
                    Located(
                        group: plugin.id, intentID: intent.id, text: text, file: (plugin as? TopicPlugin)?.file,
                        line: lines[plugin.id]?.line(ofExample: index, in: intent.id))
                }
            }
        }
        let outOfScope = outOfScopeExamples()
        findings += contentFindings(catalog.topics, lines: lines)
        if let engine {
            findings += topicExamples.compactMap { routingFinding(for: $0, engine: engine) }
            findings += outOfScope.compactMap { outOfScopeFinding(for: $0, engine: engine) }
        }
        if let stemmer = Stemmer() {
            findings += overlapFindings(topicExamples + outOfScope, overlap: ExampleOverlap(stemmer: stemmer))
        }
        let intents = plugins.map(\.intents.count).reduce(0, +)
        var report = PluginCheckReport(
            findings: Self.ordered(findings), plugins: plugins.count, intents: intents,
            examples: topicExamples.count)
        report.safety = engine?.safety.originSummary
        return report
    }

    private func directoryFindings() -> [CheckFinding] {
        let existing = path.directories.filter(Self.isDirectory)
        if requireDirectories {
            return path.directories.filter { !existing.contains($0) }.map {
                CheckFinding(.error, file: $0, line: nil, "not a directory, so nothing was loaded from it")
            }
        }
        guard existing.isEmpty else { return [] }
        return [
            CheckFinding(
                .error, file: nil, line: nil,
                "none of the plugin directories exist: \(path.directories.joined(separator: ", "))")
        ]
    }

    /// A later directory replacing a plugin is how users override one, so it
    /// is only worth a warning; two files with one id in one directory is a
    /// mistake, since only the later name alphabetically loads.
    private func duplicateIDFindings(_ catalog: PluginCatalog) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        for (id, files) in catalog.replaced.sorted(by: { $0.key < $1.key }) {
            guard let winner = files.last else { continue }
            for file in files.dropLast() {
                let line = PluginSourceLines(path: file).id
                // One id twice in one directory is already an error from the catalog.
                if Self.directory(of: file) != Self.directory(of: winner) {
                    findings.append(
                        CheckFinding(
                            .warning, file: file, line: line,
                            "plugin '\(id)' is replaced by \(winner), later on the plugin path"))
                }
            }
        }
        return findings
    }

    /// The engine from the same loader gutbot starts with, so "the safety
    /// data loads" means what it means at start-up; `nil` when it cannot
    /// start. Broken topic files are findings of their own, so routing is
    /// still checked over the files that load.
    private func loadEngine(_ catalog: PluginCatalog, findings: inout [CheckFinding]) -> Engine? {
        do {
            let loaded = try EngineLoader(
                path: path, region: .international, extraPlugins: extraPlugins, minimumSafetyRules: minimumSafetyRules,
                modelDirectories: modelDirectories)
            findings += loaded.warnings.map { CheckFinding(.warning, file: $0.file, line: $0.line, $0.message) }
            return loaded.engine
        } catch StartupError.brokenPlugins {
            guard let safety = try? SafetyScreen.load(directories: catalog.safetyDirectories, region: .international),
                let stemmer = Stemmer(), let found = ModelFile.find(in: modelDirectories),
                let model = try? ModelFile.load(path: found)
            else { return nil }
            findings += safety.warnings.map { CheckFinding(.warning, file: $0.file, line: $0.line, $0.message) }
            return try? Engine(
                safety: safety, plugins: catalog.topics + extraPlugins, lexicon: catalog.lexicon, outOfScope: catalog.outOfScope,
                stemmer: stemmer, encoder: StaticEncoder(model: model))
        } catch {
            if case .safetyUnavailable(let problem, _) = error {
                let hint = catalog.safetyDirectory == nil ? "; add the shipped Plugins directory with another --plugins" : ""
                findings.append(
                    CheckFinding(
                        .error, file: problem.file, line: problem.line,
                        "the safety data does not load, so gutbot will not start and routing was not checked: "
                            + problem.message + hint))
            } else if case .weakerSafety(let directory, _, _) = error {
                findings.append(CheckFinding(.error, file: directory, line: nil, "\(error); routing was not checked"))
            } else {
                findings.append(CheckFinding(.error, file: nil, line: nil, "\(error); routing was not checked"))
            }
            return nil
        }
    }

    /// Every `out-of-scope.yml` on the path, example by example.
    private func outOfScopeExamples() -> [Located] {
        path.directories.filter(Self.isDirectory).flatMap { directory -> [Located] in
            let file = (directory as NSString).appendingPathComponent(OutOfScopeFile.name)
            // A file that does not load is already a finding from the catalog.
            guard FileManager.default.fileExists(atPath: file), let examples = try? OutOfScopeFile.load(path: file) else { return [] }
            let lines = PluginSourceLines(path: file)
            return examples.enumerated().map { index, text in
                Located(group: Router.outOfScopeID, intentID: nil, text: text, file: file, line: lines.line(ofExample: index))
            }
        }
    }

    private func contentFindings(_ topics: [TopicPlugin], lines: [String: PluginSourceLines]) -> [CheckFinding] {
        let normalizer = TextNormalizer()
        var findings: [CheckFinding] = []
        for plugin in topics {
            let sourceLines = lines[plugin.id] ?? PluginSourceLines()
            for intent in plugin.intents {
                if intent.examples.count < Self.minimumExamples {
                    findings.append(
                        CheckFinding(
                            .warning, file: plugin.file, line: sourceLines.line(ofIntent: intent.id),
                            "intent '\(intent.id)' has \(intent.examples.count) example\(intent.examples.count == 1 ? "" : "s"); "
                                + "write at least \(Self.minimumExamples) varied phrasings so differently worded questions still reach it"))
                }
                for (index, example) in intent.examples.enumerated() where normalizer.words(example).isEmpty {
                    findings.append(
                        CheckFinding(
                            .error, file: plugin.file, line: sourceLines.line(ofExample: index, in: intent.id),
                            "example '\(example)' of intent '\(intent.id)' has no words to match on"))
                }
                // The loader already insists on this for YAML files; a plugin built in Swift gets the same check.
                if let source = intent.source, !ArticleHeadings.contains(source) {
                    findings.append(
                        CheckFinding(
                            .error, file: plugin.file, line: sourceLines.line(ofIntent: intent.id),
                            "source '\(source)' of intent '\(intent.id)' is not a heading of the article"))
                }
            }
        }
        return findings
    }

    /// An example, asked as a question in a fresh session, should reach its
    /// own intent: if the author's own phrasing goes elsewhere, a user's will too.
    private func routingFinding(for example: Located, engine: Engine) -> CheckFinding? {
        // Wordless examples are reported as errors already; routing them says nothing more.
        guard let intentID = example.intentID, !TextNormalizer().words(example.text).isEmpty else { return nil }
        var session = Session(id: "check")
        let reply = engine.reply(to: example.text, in: &session)
        let subject = "example '\(example.text)' of \(example.owner)"
        func finding(_ severity: CheckFinding.Severity, _ message: String) -> CheckFinding {
            CheckFinding(severity, file: example.file, line: example.line, "\(subject) \(message)")
        }
        if reply.pluginID == Reply.safetyID {
            return finding(
                .warning,
                "is caught by the safety plugin (\(reply.intentID ?? "a crisis rule")), "
                    + "so it can never reach this intent; reword or drop it")
        }
        if reply.intentID == Reply.clarifyIntent {
            let offered = reply.choices.map { "\($0.pluginID)/\($0.intentID)" }.joined(separator: " and ")
            if reply.choices.contains(where: { $0.pluginID == example.group }) {
                return finding(.warning, "is too close to call between \(offered), so gutbot asks which; make it more specific")
            }
            return finding(.error, "gets a question between \(offered) instead of its own answer")
        }
        switch reply.pluginID {
        case Reply.fallbackID:
            if reply.candidates.first?.pluginID == Router.outOfScopeID {
                return finding(.error, "gets the fallback: an out-of-scope example matches it better than any topic does")
            }
            return finding(
                .error,
                "gets the fallback: its best score \(Self.format(reply.confidence)) "
                    + "is below the threshold \(Self.format(engine.router.threshold))")
        case example.group where reply.intentID != intentID:
            // The right plugin but another of its intents: the user still gets a wrong answer.
            return finding(
                .warning,
                "reaches \(reply.pluginID)/\(reply.intentID ?? "?") (confidence \(Self.format(reply.confidence))); "
                    + "make the two intents' examples more distinct")
        case example.group:
            return nil
        default:
            return finding(
                .error,
                "is answered by \(reply.pluginID)/\(reply.intentID ?? "?") "
                    + "(confidence \(Self.format(reply.confidence))); make it more specific, or move it there")
        }
    }

    /// An out-of-scope example that a topic answers teaches the router
    /// nothing, and shows where a topic's examples reach too far.
    private func outOfScopeFinding(for example: Located, engine: Engine) -> CheckFinding? {
        var session = Session(id: "check")
        let reply = engine.reply(to: example.text, in: &session)
        guard reply.pluginID != Reply.fallbackID, reply.pluginID != Reply.safetyID else { return nil }
        return CheckFinding(
            .warning, file: example.file, line: example.line,
            "out-of-scope example '\(example.text)' is answered by \(reply.pluginID)/\(reply.intentID ?? "?") "
                + "(confidence \(Self.format(reply.confidence))); that plugin's examples reach too far, or this one is in scope")
    }

    private func overlapFindings(_ examples: [Located], overlap: ExampleOverlap) -> [CheckFinding] {
        let pairs = overlap.pairs(in: examples.map { ExampleOverlap.Example(group: $0.group, text: $0.text) })
        return pairs.map { pair in
            let here = examples[pair.first]
            let there = examples[pair.second]
            let how = pair.sameWords ? "has the same words as" : "is nearly the same as (stem overlap \(Self.format(pair.similarity)))"
            return CheckFinding(
                .warning, file: here.file, line: here.line,
                "example '\(here.text)' of \(here.owner) \(how) '\(there.text)' of \(there.owner)"
                    + (there.location.map { " (\($0))" } ?? "") + "; questions like these could go either way")
        }
    }

    private static func ordered(_ findings: [CheckFinding]) -> [CheckFinding] {
        findings.enumerated().sorted { lhs, rhs in
            (lhs.element.file ?? "", lhs.element.line ?? 0, lhs.offset) < (rhs.element.file ?? "", rhs.element.line ?? 0, rhs.offset)
        }.map(\.element)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func directory(of file: String) -> String {
        URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL.path
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
