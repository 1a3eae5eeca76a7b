import Foundation

/// The directories plugins come from, earliest first; a later file with the
/// same plugin id replaces an earlier one, so a user's own copy wins.
public struct PluginSearchPath: Sendable, Equatable {
    /// Directories in load order.
    public var directories: [String]

    /// A search path over `directories`.
    public init(_ directories: [String]) {
        self.directories = directories
    }

    /// `./Plugins`, then the installed share directory beside the binary
    /// (`<prefix>/share/gutbot/Plugins`), then `$XDG_CONFIG_HOME/gutbot/plugins`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment,
                                executable: String = CommandLine.arguments.first ?? "gutbot") -> PluginSearchPath {
        let cwd = FileManager.default.currentDirectoryPath
        var directories = [URL(fileURLWithPath: cwd).appendingPathComponent("Plugins").path]
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        let share = binary.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/gutbot/Plugins").path
        if !directories.contains(share) { directories.append(share) }
        directories.append(XDGDirectories(environment: environment).config.appendingPathComponent("plugins").path)
        return PluginSearchPath(directories)
    }
}
