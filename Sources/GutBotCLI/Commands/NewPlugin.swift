import ArgumentParser
import Foundation
import GutBotCore
import GutBotTools

/// `gutbot new-plugin ID`: writes a commented starter plugin that already
/// loads and passes `gutbot check`.
struct NewPlugin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-plugin",
        abstract: "Write a commented starter topic plugin, DIR/ID.yml.",
        discussion: "The starter loads and passes `gutbot check` as it is. Plugins/README.md explains every key.")

    @Argument(help: "The plugin id: lowercase letters, digits, '-' or '_'.")
    var id: String

    @Option(help: "Where to write the file.")
    var directory = "Plugins"

    @Flag(help: "Overwrite an existing file.")
    var force = false

    func validate() throws {
        if let problem = PluginTemplate.problem(with: id) { throw ValidationError(problem) }
    }

    func run() throws {
        let files = FileManager.default
        let path = (directory as NSString).appendingPathComponent(PluginTemplate.fileName(for: id))
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard force, !isDirectory.boolValue else {
                Terminal.error(
                    "error: \(path) already exists" + (isDirectory.boolValue ? " and is a directory" : "; use --force to overwrite it"))
                throw ExitCode.failure
            }
        }
        do {
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(PluginTemplate.text(for: id).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            Terminal.error("error: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        Terminal.line("wrote \(path)")
        // Outside ./Plugins the default path would miss the file, so name both directories.
        let isDefault = URL(fileURLWithPath: directory).standardizedFileURL == URL(fileURLWithPath: "Plugins").standardizedFileURL
        Terminal.line(
            "next: edit it (Plugins/README.md explains each key), then run: gutbot check"
                + (isDefault ? "" : " --plugins Plugins --plugins \(directory)"))
    }
}
