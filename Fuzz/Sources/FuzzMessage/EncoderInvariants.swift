import GutBotCore

/// Checks the tokenizer and encoder on `text`: what the router and the
/// safety net take for granted about every vector (see ``SentenceEncoder``).
func checkEncoder(on text: String) {
    let ids = encoder.tokenizer.tokenIDs(text)
    // An id past the table would read another token's row, or past the end.
    for id in ids {
        precondition(id >= 0 && Int(id) < model.vocabulary.count, "token id \(id) outside the vocabulary of \(model.vocabulary.count)")
    }
    let vector = encoder.encode(text)
    precondition(vector == encoder.encode(tokenIDs: ids), "encode(text) differs from encoding its own tokens")
    guard let vector else {
        // `nil` is only for text with nothing the table can read.
        precondition(!ids.contains(where: hasMeaning), "no vector for \(text.debugDescription), which has known tokens")
        return
    }
    precondition(!ids.isEmpty, "a vector for text without tokens: \(text.debugDescription)")
    precondition(vector.count == encoder.dimensions, "\(vector.count) components, not \(encoder.dimensions)")
    // Cosines are plain dot products: a NaN or a vector off unit length skews every score.
    var squares: Float = 0
    for component in vector {
        precondition(component.isFinite, "a component that is not finite for \(text.debugDescription)")
        squares += component * component
    }
    precondition(abs(squares.squareRoot() - 1) < 1e-3, "length \(squares.squareRoot()) for \(text.debugDescription)")
}

/// Whether token `id` adds anything to a sum: known, with a scale and a row that is not all zero.
private func hasMeaning(_ id: Int32) -> Bool {
    guard id != encoder.tokenizer.unknownID, model.scales[Int(id)] != 0 else { return false }
    let start = Int(id) * model.dimensions
    return model.rows[start..<(start + model.dimensions)].contains { $0 != 0 }
}
