import Foundation
import GutBotCore

/// The repository the fuzzer was built from: plugins, model and scratch
/// space are found from here, never from the user's own directories.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// The shipped model folder (`GUTBOT_MODELS` to fuzz another).
let modelDirectory =
    ProcessInfo.processInfo.environment["GUTBOT_MODELS"]
    ?? repositoryRoot.appendingPathComponent("Models").path

/// The shipped sentence encoder's table, read once per fuzzing process.
let model: ModelFile = {
    let path = URL(fileURLWithPath: modelDirectory).appendingPathComponent(ModelFile.name).path
    do {
        return try ModelFile.load(path: path)
    } catch {
        fatalError("cannot load the model: \(error)")
    }
}()

/// The encoder fed the raw bytes, apart from the engine's own copy: the
/// engine only ever shows it messages already framed and cut to length.
let encoder = StaticEncoder(model: model)
