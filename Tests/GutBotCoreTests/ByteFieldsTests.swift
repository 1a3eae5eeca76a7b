import Testing

@testable import GutBotCore

/// Splitting as bytes gives what splitting a String's Characters gave, for
/// every kind of text the tables and vocabularies hold.
@Suite struct ByteFieldsTests {
    static let texts = [
        "", "\n", "a", "a\nb", "a\n\nb\n", "\nleading", "crisis\tsuicidal\ti want to die", "one\ttwo\tthree\tfour",
        "é\tcafé\t☕️\n👩‍👩‍👧\tx", "tabs\t\t\tonly", "trailing\t",
    ]

    @Test(arguments: texts)
    func linesSplitAsCharactersDid(text: String) {
        let bytes = Array(text.utf8)
        for (separator, maxSplits) in [("\n", Int.max), ("\t", Int.max), ("\t", 2), ("\t", 0)] {
            let byCharacters = text.split(
                separator: Character(separator), maxSplits: maxSplits, omittingEmptySubsequences: false
            ).map(String.init)
            let byBytes = bytes.byteRanges(separatedBy: Array(separator.utf8)[0], maxSplits: maxSplits).map {
                String(decoding: bytes[$0], as: UTF8.self)
            }
            #expect(byBytes == byCharacters, "\(separator.debugDescription) at most \(maxSplits)")
        }
    }

    @Test func aVocabularyIsReadTokenByToken() throws {
        let bytes = Array("[PAD]\n[CLS]\ncafé\n##s\n".utf8)
        let tokens = try bytes.withUnsafeBytes { try $0.newlineTerminatedTokens() }
        #expect(tokens == ["[PAD]", "[CLS]", "café", "##s"])
        let unterminated = Array("[PAD]\n[CLS]".utf8)
        #expect(throws: ModelFormatError.self) { try unterminated.withUnsafeBytes { try $0.newlineTerminatedTokens() } }
    }
}
