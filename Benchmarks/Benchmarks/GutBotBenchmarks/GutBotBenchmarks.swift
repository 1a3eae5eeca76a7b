import Benchmark
import Foundation
import GutBotCore

/// The repository's root, found from this file so the benchmarks run from any folder.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

/// The shipped plugins and model, with example vectors cached in a scratch
/// folder of this package (so start-up is measured warm, as people see it
/// from the second run on).
func loadEngine() throws -> Engine {
    try EngineLoader(
        path: PluginSearchPath([root + "/Plugins"]), region: .us, modelDirectories: [root + "/Models"],
        cacheDirectory: URL(fileURLWithPath: root + "/Benchmarks/.build/embedding-cache")
    ).engine
}

/// The question mix: topic questions with typos and out-of-scope ones (the
/// dev set and the third blind set), crisis and benign lines (the first safety
/// blind set) and follow-up turns, in file order. The text after the last tab
/// of each non-comment line.
func questionMix() throws -> [String] {
    let files = ["dev-set.tsv", "blind-set-3.tsv", "safety-blind-1.tsv", "followup-set.tsv"]
    return try files.flatMap { name in
        try String(contentsOfFile: root + "/Tests/Fixtures/" + name, encoding: .utf8)
            .split(separator: "\n")
            .filter { !$0.hasPrefix("#") }
            .dropFirst()  // the header line
            .compactMap { $0.split(separator: "\t", omittingEmptySubsequences: false).last.map(String.init) }
    }
}

/// The engine and inputs, built once, before anything is timed (each
/// benchmark's `setup` touches them first).
struct Inputs: Sendable {
    let engine: Engine
    let questions: [String]
    let transcripts: [[String]]

    static let shared: Inputs = {
        do {
            let names = try FileManager.default.subpathsOfDirectory(atPath: root + "/Transcripts")
                .filter { $0.hasSuffix(".chat") }.sorted()
            let transcripts = try names.map { name in
                try String(contentsOfFile: root + "/Transcripts/" + name, encoding: .utf8)
                    .split(separator: "\n").filter { $0.hasPrefix("> ") }.map { String($0.dropFirst(2)) }
            }
            let inputs = try Inputs(engine: loadEngine(), questions: questionMix(), transcripts: transcripts)
            precondition(inputs.questions.count >= 500, "the mix needs at least 500 questions")
            precondition(inputs.transcripts.count >= 40, "the transcripts were not found")
            return inputs
        } catch {
            fatalError("cannot load gutbot for the benchmarks: \(error)")
        }
    }()
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(10), maxIterations: 100_000)

    // One message in a fresh session, the questions taken in turn: the
    // percentiles are over messages of every kind.
    nonisolated(unsafe) var next = 0
    Benchmark("reply to one message", configuration: .init(maxIterations: 20_000)) { benchmark in
        let inputs = Inputs.shared
        for _ in benchmark.scaledIterations {
            var session = Session(id: "bench")
            blackHole(inputs.engine.reply(to: inputs.questions[next % inputs.questions.count], in: &session))
            next += 1
        }
    } setup: {
        _ = Inputs.shared
    }

    // Start-up: plugins, safety data, the model and the example index (from its cache).
    Benchmark("start-up", configuration: .init(maxDuration: .seconds(20), maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try loadEngine()) }
    }

    // Every turn of every shipped transcript, each transcript in its own session.
    Benchmark("replay Transcripts/", configuration: .init(maxDuration: .seconds(20), maxIterations: 50)) { benchmark in
        let inputs = Inputs.shared
        for _ in benchmark.scaledIterations {
            for transcript in inputs.transcripts {
                var session = Session(id: "replay")
                for turn in transcript { blackHole(inputs.engine.reply(to: turn, in: &session)) }
            }
        }
    } setup: {
        _ = Inputs.shared
    }
}
