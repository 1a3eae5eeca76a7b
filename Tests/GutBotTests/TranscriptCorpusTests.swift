import Foundation
import GutBotCore
import GutBotTestSupport
import Testing

/// Every transcript in `Transcripts/` replayed by the built binary, one test
/// case per file, so a failure names the file and shows the turn's diff.
@Suite struct TranscriptCorpusTests {
    static let folder = TestPackage.root.appendingPathComponent("Transcripts").path

    /// The shipped transcripts, relative to the package root.
    static let files: [String] = TranscriptFile.find([folder]).compactMap { found in
        guard case .success(let path) = found else { return nil }
        return "Transcripts/" + path.dropFirst(folder.count + 1)
    }

    @Test(arguments: files)
    func replays(_ file: String) throws {
        let result = try GutBotProcess.run(["replay", file])
        #expect(
            result.status == 0 && result.lines.last == "1 passed, 0 failed",
            "\(file) no longer replays:\n\(result.stdout)\(result.stderr)")
    }

    @Test func theCorpusIsLargeAndParses() throws {
        #expect(Self.files.count >= 40)
        for file in Self.files {
            #expect(throws: Never.self) { try TranscriptFile.load(TestPackage.root.appendingPathComponent(file).path) }
        }
    }

    @Test func everyIntentOfEveryPluginIsCovered() throws {
        let catalog = PluginCatalog.load(PluginSearchPath([GutBotProcess.plugins]))
        var routed = Set<String>()
        for file in Self.files {
            let transcript = try TranscriptFile.load(TestPackage.root.appendingPathComponent(file).path)
            for turn in transcript.turns {
                if let routing = turn.routing, routing.intent != nil { routed.insert(routing.description) }
            }
        }
        let intents = catalog.topics.flatMap { plugin in plugin.intents.map { "\(plugin.id)/\($0.id)" } }
        let missing = intents.filter { !routed.contains($0) }
        #expect(missing.isEmpty, "intents no transcript reaches: \(missing.joined(separator: ", "))")
        #expect(routed.contains { $0.hasPrefix("safety/") })
        #expect(routed.contains("fallback") || Self.files.contains { $0.contains("fallback") })
    }
}
