import Foundation
import GutBotCore

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
let safetyFolder = root.appendingPathComponent("Plugins/safety")
let shippedLexicon = (try? Data(contentsOf: safetyFolder.appendingPathComponent("lexicon.yml"))) ?? Data()
let shippedWording = (try? Data(contentsOf: safetyFolder.appendingPathComponent("wording.yml"))) ?? Data()
/// A small valid safety.yml to pair with a fuzzed lexicon or wording: the
/// shipped one compiles hundreds of patterns, which would slow every run.
let smallSafety = Data(
    """
    checked: "2026-01-01"
    helplines:
      - region: international
        emergency: "112"
        lines: ["a line"]
    terms:
      self: 'myself'
    rules:
      - id: suicidal
        category: suicidal
        tier: crisis
        patterns: ['kill {self}']
    guards:
      - id: idiom
        patterns: ['kill time']
    """.utf8)

/// Feeds arbitrary bytes to one parser, chosen by the first byte: a topic
/// plugin file, each of the three safety files (the other two shipped), a
/// transcript, or a JSON request line. Each must return or throw an error
/// naming its file, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = data.load(as: UInt8.self)
    let body = Data(bytes: data + 1, count: size - 1)
    let text = String(decoding: body, as: UTF8.self)
    switch selector % 6 {
    case 0:
        let read = TopicPluginFile.parseAll(text, path: "fuzz.yml")
        precondition((read.plugin == nil) != read.problems.isEmpty, "a plugin and problems, or neither")
        for problem in read.problems { precondition(problem.file == "fuzz.yml" && (problem.line ?? 1) >= 0) }
    case 1:
        _ = try? SafetyScreen.parse(safety: body, lexicon: shippedLexicon, wording: shippedWording, region: .us)
    case 2:
        _ = try? SafetyScreen.parse(safety: smallSafety, lexicon: body, wording: shippedWording, region: .us)
    case 3:
        _ = try? SafetyScreen.parse(safety: smallSafety, lexicon: shippedLexicon, wording: body, region: .us)
    case 4:
        if let transcript = try? TranscriptParser.parse(body, file: "fuzz.chat") {
            // What the formatter writes must read back as the same turns.
            let again = try? TranscriptParser.parse(TranscriptFormatter.text(of: transcript), file: "fuzz.chat")
            precondition(again?.turns.map(\.message) == transcript.turns.map(\.message), "formatter round trip changed messages")
        }
    default:
        _ = try? JSONParser.parse(Array(body))
    }
    return 0
}

/// SwiftPM links an executable's entry point as `FuzzParsers_main`; with
/// `-parse-as-library` there is none, so this one hands over to libFuzzer.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

@_cdecl("FuzzParsers_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
