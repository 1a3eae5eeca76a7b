import CStemmer
import Synchronization

/// The Snowball English stemmer (libstemmer), so "sleeping", "sleeps" and
/// "slept"-style variants meet on one stem.
///
/// libstemmer's state is not thread-safe, so it lives behind a mutex with a
/// cache of words already seen: the vocabulary is small and repeats a lot.
public final class Stemmer: Sendable {
    private struct State: ~Copyable {
        let stemmer: OpaquePointer
        var cache: [String: String] = [:]
    }

    private let state: Mutex<State>

    /// Creates an English stemmer; `nil` only if libstemmer lacks the algorithm.
    public init?() {
        guard let stemmer = sb_stemmer_new("english", "UTF_8") else { return nil }
        state = Mutex(State(stemmer: stemmer))
    }

    deinit {
        state.withLock { sb_stemmer_delete($0.stemmer) }
    }

    /// The stem of one lowercased word.
    public func stem(_ word: String) -> String {
        state.withLock { state in
            if let known = state.cache[word] { return known }
            var bytes = Array(word.utf8)
            let stemmed: String = bytes.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress,
                    let out = sb_stemmer_stem(state.stemmer, base, Int32(buffer.count))
                else { return word }
                let length = Int(sb_stemmer_length(state.stemmer))
                return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
            }
            state.cache[word] = stemmed
            return stemmed
        }
    }
}
