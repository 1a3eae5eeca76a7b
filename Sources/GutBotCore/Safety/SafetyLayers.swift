import Foundation

/// The one place safety data from several folders on the plugin search path
/// is combined, and the rule it follows: **the first folder holding safety
/// data is the base (the shipped one, by default); every later folder can
/// only add.**
///
/// A later folder's rules are asked only when the base finds nothing, and its
/// guards set aside only its own rules' matches; its crisis lines are added
/// after the base's for their region. It cannot remove, replace or weaken
/// anything the base has: not a rule (a reused id is an error), a guard,
/// slang, wording, an emergency number, or the order in which verdicts win.
/// Data files added to safety folders later (such as a nearest-neighbour net)
/// must follow the same rule and be merged here.
public struct SafetyLayers {
    /// Where one layer came from and what it brought, for `gutbot check` and `/help`.
    public struct Origin: Sendable, Equatable {
        /// The safety folder.
        public var directory: String
        /// Whether this is the base folder every later one adds to.
        public var isBase: Bool
        /// Its crisis rules.
        public var rules: Int
        /// Its guards.
        public var guards: Int
        /// Crisis lines it added (0 for the base, whose table is complete).
        public var addedHelpLines: Int

        /// `29 rules from /path/safety` or `+2 rules, 1 guard, 1 help line from /path/safety`.
        public var description: String {
            var parts = ["\(isBase ? "" : "+")\(rules) rule\(rules == 1 ? "" : "s")"]
            if !isBase && guards > 0 { parts.append("\(guards) guard\(guards == 1 ? "" : "s")") }
            if addedHelpLines > 0 { parts.append("\(addedHelpLines) help line\(addedHelpLines == 1 ? "" : "s")") }
            return parts.joined(separator: ", ") + " from \(directory)"
        }
    }

    /// The rules the shipped `Plugins/safety/safety.yml` has at least. A
    /// base folder with fewer is refused under `--plugins` (unless the risk is
    /// accepted), even when the shipped folder cannot be found to count.
    /// Raise it when rules are added; `SafetyLayersTests` checks it.
    public static let shippedRuleFloor = 96

    /// The combined data.
    var contents: SafetyFile.Contents
    /// Every folder, base first.
    public var origins: [Origin]
    /// Files a later folder holds that it may not bring; loading goes on without them.
    public var warnings: [FileError]

    /// Loads `directories` (safety folders, in search-path order): the first
    /// is the base, the rest add to it. Any folder that does not load stops it.
    /// Each rulebook's prefilter reads its patterns from `prefilterCache` when it can.
    /// Every pattern is compiled as it is read, so that a broken one stops the
    /// start, unless `validationCache` vouches that these exact files compiled
    /// before; then each is compiled on first use (see ``SafetyPattern``).
    static func load(
        _ directories: [String], prefilterCache: SafetyPrefilterCache? = nil, validationCache: SafetyValidationCache? = nil
    ) throws(FileError) -> SafetyLayers {
        guard let baseDirectory = directories.first else {
            throw FileError(
                file: "Plugins/\(PluginCatalog.safetyFolder)/\(SafetyFile.name)", line: nil,
                message: "the safety plugin's data was not found on the plugin path")
        }
        let sources = SafetySourceFiles(directories: directories)
        let vouched = validationCache?.vouches(for: sources) == true
        let compilation: SafetyPattern.Compilation = vouched ? .onFirstUse : .now
        var contents = try SafetyFile.load(
            directory: baseDirectory, sources: sources, compiling: compilation, prefilterCache: prefilterCache)
        var origins = [
            Origin(
                directory: baseDirectory, isBase: true, rules: contents.rulebook.rules.count,
                guards: contents.rulebook.guards.count, addedHelpLines: 0)
        ]
        var warnings: [FileError] = []
        for directory in directories.dropFirst() {
            let addition = try SafetyFile.loadAddition(
                directory: directory, base: contents, sources: sources, compiling: compilation, prefilterCache: prefilterCache)
            // The merge: rules and guards as a separate rulebook asked after
            // the base, crisis lines appended, nothing else taken.
            contents.rulebook.additions.append(addition.rulebook)
            var added = 0
            for (region, lines) in addition.helplines {
                let target: Region = contents.helplines.entries[region] == nil ? .international : region
                guard var entry = contents.helplines.entries[target] else { continue }
                for line in lines where !entry.crisisLines.contains(line) {
                    entry.crisisLines.append(line)
                    added += 1
                }
                contents.helplines.entries[target] = entry
            }
            // The net: a later folder's crisis and distress lines are added;
            // its benign lines are not, since they could only quiet the net.
            let tables = (directory as NSString).appendingPathComponent(SafetyNet.folder)
            if FileManager.default.fileExists(atPath: tables) {
                let lines = try SafetyNet.loadLines(directory: directory)
                let kept = lines.filter { $0.kind != .benign }
                let net = SafetyNet(lines: contents.net.lines + kept)
                for category in net.categories where contents.wording.categories[category] == nil {
                    throw FileError(
                        file: tables, line: nil,
                        message: "the tables use the crisis category '\(category)', which has no reply in the shipped wording")
                }
                contents.net = net
                if kept.count < lines.count {
                    warnings.append(
                        FileError(
                            file: tables, line: nil,
                            message:
                                "ignored: benign lines; a safety folder later on the plugin path can only add crisis and distress lines to the net"
                        ))
                }
            }
            origins.append(
                Origin(
                    directory: directory, isBase: false, rules: addition.rulebook.rules.count,
                    guards: addition.rulebook.guards.count, addedHelpLines: added))
            warnings += addition.ignored
        }
        // Every pattern of these files compiled: the next start may take them on trust.
        if !vouched { validationCache?.record(sources) }
        return SafetyLayers(contents: contents, origins: origins, warnings: warnings)
    }
}
