import Foundation
import GutBotCore

/// Feeds arbitrary bytes through the message path as the front ends do:
/// framed into bounded lines, decoded (repairing bad UTF-8), then one
/// conversation through the engine (normalising, safety, the sentence
/// encoder, routing), checking what must hold for every message. The whole
/// input, newlines and all, also goes straight to the tokenizer and encoder.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    checkEncoder(on: String(decoding: bytes, as: UTF8.self))
    var framer = LineFramer(limit: Engine.readLimit * 4)
    var lines = framer.feed(bytes)
    if let last = framer.finish() { lines.append(last) }
    var session = Session(id: "fuzz")
    for line in lines.prefix(8) {
        let text = String(decoding: line.bytes, as: UTF8.self)
        let crisis = engine.safety.verdict(for: String(text.prefix(Engine.readLimit)))
        let reply = engine.reply(to: text, in: &session)
        // A non-empty reply from exactly one plugin that exists.
        precondition(!reply.text.isEmpty, "empty reply to \(text.debugDescription)")
        precondition(pluginIDs.contains(reply.pluginID), "reply from unknown plugin \(reply.pluginID)")
        // A crisis the safety check sees is never lost to a later stage.
        if let crisis {
            precondition(reply.pluginID == Reply.safetyID, "crisis \(crisis.rule) answered by \(reply.pluginID): \(text.debugDescription)")
        }
        // So is one the safety net reads from the encoder's vector.
        if let category = reply.screening?.crisisCategory {
            precondition(reply.pluginID == Reply.safetyID, "net crisis \(category) answered by \(reply.pluginID): \(text.debugDescription)")
        }
        // Front ends show the help lines and category from the verdict.
        precondition(reply.pluginID != Reply.safetyID || reply.safety != nil, "a safety reply without its verdict")
        precondition(reply.confidence >= 0 && reply.confidence <= 1.000001, "confidence \(reply.confidence)")
    }
    return 0
}

/// SwiftPM links an executable's entry point as `FuzzMessage_main`; with
/// `-parse-as-library` there is none, so this one hands over to libFuzzer.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

@_cdecl("FuzzMessage_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
