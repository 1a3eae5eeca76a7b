import ArgumentParser
import Foundation
import GutBotCore

/// Options every subcommand shares: where plugins come from and whose help
/// lines to show.
struct BotOptions: ParsableArguments {
    @Option(
        name: .customLong("plugins"),
        help: ArgumentHelp(
            "A plugin directory (repeatable); later ones replace earlier plugins with the same id.",
            discussion: "Default: ./Plugins, then <prefix>/share/gutbot/Plugins, then $XDG_CONFIG_HOME/gutbot/plugins.",
            valueName: "dir"), completion: .directory)
    var pluginDirectories: [String] = []

    @Option(
        name: .customLong("models"),
        help: ArgumentHelp(
            "A directory holding the sentence encoders' models (repeatable); for each model, the last one that has it wins.",
            discussion: "Default: ./Models, then <prefix>/share/gutbot/Models, then $XDG_DATA_HOME/gutbot/models.",
            valueName: "dir"), completion: .directory)
    var modelDirectories: [String] = []

    @Option(
        help: "Help lines to show in a crisis: us, ca, uk, ie, au, eu or international (default: from LC_ALL or LANG).",
        completion: .list(Region.allCases.map(\.rawValue)))
    var region: String?

    @Flag(
        help: ArgumentHelp(
            "For testing safety data only: accept a --plugins safety folder with fewer crisis rules than the shipped one, and the risk of missing crisis messages."
        ))
    var allowWeakerSafety = false

    /// The fewest crisis rules the base safety folder may have: the shipped
    /// count when the user names the directories, unless they accept the risk.
    /// (On the standard path the shipped folder is the base by construction.)
    var minimumSafetyRules: Int? {
        pluginDirectories.isEmpty || allowWeakerSafety ? nil : PluginSearchPath.shippedSafetyRules()
    }

    func validate() throws {
        if let region, Region(named: region) == nil {
            throw ValidationError("unknown region '\(region)'; use one of \(Region.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// The plugin search path these options name.
    var searchPath: PluginSearchPath {
        pluginDirectories.isEmpty ? .standard() : PluginSearchPath(pluginDirectories)
    }

    /// The model directories these options name. With `--plugins DIR` and
    /// no `--models`, a `Models` folder beside each plugin folder is looked
    /// in first, so `--plugins /repo/Plugins` finds `/repo/Models`.
    var modelSearchPath: [String] {
        guard modelDirectories.isEmpty else { return modelDirectories }
        let beside = pluginDirectories.map {
            URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent().appendingPathComponent("Models").path
        }
        return beside + ModelFile.standardDirectories()
    }

    /// The engine loaded afresh for `/reload`, or why not. Unlike start-up, a
    /// skipped topic file fails the reload too: the running chat keeps the
    /// plugins it has rather than lose one. Safety loads whole or not at all,
    /// and by the rules of start-up: safety data that start-up would refuse
    /// as weaker than the shipped one cannot come in by a reload either.
    func reloadEngine() -> Result<Engine, ReloadFailure> {
        let environment = ProcessInfo.processInfo.environment
        do {
            let loaded = try EngineLoader(
                path: searchPath, region: Region.resolve(option: region, environment: environment),
                extraPlugins: GutBotCLI.plugins, minimumSafetyRules: minimumSafetyRules,
                modelDirectories: modelSearchPath)
            guard loaded.warnings.isEmpty else {
                return .failure(ReloadFailure(problems: loaded.warnings.map { "\($0)" }))
            }
            return .success(loaded.engine)
        } catch {
            return .failure(ReloadFailure(error))
        }
    }

    /// Loads the engine, printing skipped plugin files as warnings; exits
    /// non-zero when safety cannot load, so gutbot never answers without it.
    func loadEngine() throws -> Engine {
        let environment = ProcessInfo.processInfo.environment
        do {
            let loaded = try EngineLoader(
                path: searchPath, region: Region.resolve(option: region, environment: environment),
                extraPlugins: GutBotCLI.plugins, minimumSafetyRules: minimumSafetyRules,
                modelDirectories: modelSearchPath)
            for warning in loaded.warnings {
                Terminal.error("warning: \(warning)")
            }
            return loaded.engine
        } catch {
            throw Self.report(error)
        }
    }

    /// Prints why gutbot cannot start, every broken file on a line of its
    /// own, and returns the exit code to leave with.
    static func report(_ error: StartupError) -> ExitCode {
        if case .brokenPlugins(let problems) = error {
            for problem in problems { Terminal.error("error: \(problem)") }
            Terminal.error("gutbot will not start until \(problems.count == 1 ? "this is" : "these are") fixed.")
        } else {
            Terminal.error("error: \(error)")
        }
        return ExitCode(error.exitStatus)
    }
}

/// Why `/reload` kept the plugins it had.
struct ReloadFailure: Error {
    /// One line per file that failed, with its line number where known.
    var problems: [String]

    init(problems: [String]) {
        self.problems = problems
    }

    /// The problems behind `error`, worded for a chat that is running:
    /// start-up's own wording ("gutbot will not start until...") would tell
    /// someone mid-conversation that gutbot is not running.
    init(_ error: StartupError) {
        switch error {
        case .brokenPlugins(let problems):
            self.problems = problems.map(\.description)
        case .safetyUnavailable(let problem, _):
            self.problems = ["the safety plugin: \(problem)"]
        case .weakerSafety(let directory, let rules, let shipped):
            self.problems = [
                "\(directory) has \(rules) crisis rule\(rules == 1 ? "" : "s"), fewer than the shipped \(shipped): "
                    + "safety data is never weakened while gutbot runs"
            ]
        case .brokenPlugin(let problem):
            self.problems = ["\(problem)"]
        case .stemmerUnavailable:
            self.problems = ["libstemmer has no English stemmer"]
        case .modelUnavailable(let problem, _):
            self.problems = ["the sentence encoder's model: \(problem)"]
        }
    }
}
