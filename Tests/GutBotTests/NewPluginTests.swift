import Foundation
import GutBotCore
import Testing

/// `gutbot new-plugin`: a starter that loads and passes `gutbot check`.
@Suite struct NewPluginTests {
    @Test func theStarterLoadsAndPassesTheCheck() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let written = try GutBotProcess.run(["new-plugin", "gut-facts", "--directory", directory.path])
        #expect(written.status == 0)
        let file = directory.appendingPathComponent("gut-facts.yml").path
        #expect(written.stdout.contains("wrote \(file)"))
        let plugin = try TopicPluginFile.load(path: file)
        #expect(plugin.id == "gut-facts")

        // Whatever the shipped plugins' own state, nothing the check says may be about the starter.
        let checked = try GutBotProcess.run(["check", "--plugins", GutBotProcess.plugins, "--plugins", directory.path])
        let own = checked.lines.filter { $0.contains(file) || $0.contains("gut-facts/") }
        #expect(own.isEmpty, "\(own)")
        let summary = try #require(checked.lines.last)
        #expect(summary.hasPrefix("checked "))
        #expect(checked.status == (summary.contains(": 0 errors,") ? 0 : 1))
    }

    @Test func itRefusesToOverwriteWithoutForce() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let file = directory.appendingPathComponent("myths.yml")
        try "# my own work\n".write(to: file, atomically: true, encoding: .utf8)
        let refused = try GutBotProcess.run(["new-plugin", "myths", "--directory", directory.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("already exists"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "# my own work\n")

        let forced = try GutBotProcess.run(["new-plugin", "myths", "--directory", directory.path, "--force"])
        #expect(forced.status == 0)
        #expect(try TopicPluginFile.load(path: file.path).id == "myths")
    }

    @Test(arguments: ["Bad", "has space", "../escape", "safety", "lexicon"])
    func badIDsWriteNothing(id: String) throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let result = try GutBotProcess.run(["new-plugin", id, "--directory", directory.path])
        #expect(result.status != 0)
        #expect(!result.stderr.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func theDefaultDirectoryIsPluginsHere() throws {
        let directory = try GutBotProcess.temporaryDirectory()
        let result = try GutBotProcess.run(["new-plugin", "resources-extra"], directory: directory)
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Plugins/resources-extra.yml").path))
    }
}
