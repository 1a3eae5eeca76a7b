import Foundation

/// The directories plugins come from, earliest first; a later file with the
/// same plugin id replaces an earlier one, so a user's own copy wins.
public struct PluginSearchPath: Sendable, Equatable {
    /// Directories in load order.
    public var directories: [String]

    /// How many directories, from the first, may hold the base safety data
    /// (see ``SafetyLayers``); a safety folder further on can only add to one
    /// found before it. The standard path leaves out the user's config
    /// directory, so a `safety/` folder there can never replace the shipped one.
    public var safetyBaseDirectories: Int

    /// A search path over `directories`, any of which may hold the base safety data.
    public init(_ directories: [String]) {
        self.directories = directories
        self.safetyBaseDirectories = directories.count
    }

    /// How many rules the shipped safety data has: the base safety folder of
    /// the standard path (`./Plugins` or the installed share directory), and
    /// never fewer than ``SafetyLayers/shippedRuleFloor``. A `--plugins`
    /// folder with fewer is refused unless the user accepts the risk.
    public static func shippedSafetyRules(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        let standard = standard(environment: environment)
        let found = standard.directories.prefix(standard.safetyBaseDirectories).lazy
            .compactMap { SafetyFile.ruleCount(directory: ($0 as NSString).appendingPathComponent(PluginCatalog.safetyFolder)) }
            .first
        return max(found ?? 0, SafetyLayers.shippedRuleFloor)
    }

    /// `./Plugins`, then the installed share directory beside the binary
    /// (`<prefix>/share/gutbot/Plugins`), then `$XDG_CONFIG_HOME/gutbot/plugins`.
    public static func standard(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String = CommandLine.arguments.first ?? "gutbot"
    ) -> PluginSearchPath {
        let directories = localThenInstalled("Plugins", executable: executable)
        var path = PluginSearchPath(directories)
        path.directories.append(XDGDirectories(environment: environment).config.appendingPathComponent("plugins").path)
        return path
    }

    /// `./folder`, then the installed share directory beside the binary
    /// (`<prefix>/share/gutbot/folder`) when that is another place: the
    /// start of every search path, for plugins and models alike.
    static func localThenInstalled(_ folder: String, executable: String) -> [String] {
        let cwd = FileManager.default.currentDirectoryPath
        var directories = [URL(fileURLWithPath: cwd).appendingPathComponent(folder).path]
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        let share = binary.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/gutbot/\(folder)").path
        if !directories.contains(share) { directories.append(share) }
        return directories
    }
}
