import Crypto
import Foundation

/// What ``SafetyLiteralReader`` found each safety pattern to require, kept on
/// disk between runs: reading several hundred patterns for their literals
/// was a tenth of start-up, and the answer only changes when a pattern or
/// gutbot itself does.
///
/// A cache file is named by a SHA-256 of the executable (its path, size,
/// modification time and inode: a rebuilt gutbot reads patterns with new
/// code) and of every pattern's text in order (the safety files after their
/// terms are expanded, which is all the answer depends on), so a changed
/// safety file or a new build gives a new name and a stale file is never
/// read. The file also holds a SHA-256 of the answer it stores, checked on
/// reading: a file cut short or damaged is ignored and the answer worked out
/// afresh, never half used. A cache that cannot be written is simply not
/// kept. Files are written as ``CacheFile`` writes them, beside the ``EmbeddingCache``'s.
public struct SafetyPrefilterCache: Sendable {
    /// Where cache files live, by default `$XDG_CACHE_HOME/gutbot`.
    public var directory: URL
    /// Stands for the code that reads the patterns; see ``CacheFile/executableIdentity()``.
    var executable: String

    /// A cache in `directory`, for the running executable.
    public init(directory: URL) {
        self.init(directory: directory, executable: CacheFile.executableIdentity())
    }

    /// A cache in `directory` for code known as `executable` (tests pass their own).
    init(directory: URL, executable: String) {
        self.directory = directory
        self.executable = executable
    }

    /// What each of `patterns` requires (see ``SafetyLiteralReader/required(by:)``),
    /// from the cache when it holds them, else from `read` and stored.
    func requirements(of patterns: [String], read: ([String]) -> [[String]?]) -> [[String]?] {
        let file = self.file(for: patterns)
        if let cached = Self.load(file, count: patterns.count) { return cached }
        let requirements = read(patterns)
        Self.store(requirements, to: file)
        return requirements
    }

    /// The cache file for `patterns`.
    func file(for patterns: [String]) -> URL {
        // One buffer hashed once: a Data per pattern cost more than the hashing.
        var bytes = Array("gutbot safety prefilter 1\u{0}\(executable)".utf8)
        for pattern in patterns {
            bytes.append(0)
            bytes += pattern.utf8
        }
        let key = SignedFile.hex(SHA256.hash(data: bytes).prefix(16))
        return directory.appendingPathComponent("safety-prefilter-\(key).json")
    }

    /// The file's layout.
    struct Contents: Codable {
        /// Per pattern, in order: the literals it requires, or `nil` when it always runs.
        var requirements: [[String]?]
        /// SHA-256 (hex) of `requirements`, see ``digest(_:)``.
        var digest: String
    }

    /// A SHA-256 of `requirements` that tells every list apart (lengths and
    /// `nil`s are hashed too), in hex.
    static func digest(_ requirements: [[String]?]) -> String {
        var bytes: [UInt8] = []
        for literals in requirements {
            guard let literals else {
                bytes.append(0)
                continue
            }
            bytes.append(1)
            bytes += "\(literals.count)".utf8
            for literal in literals {
                bytes.append(2)
                bytes += "\(literal.utf8.count)\u{0}".utf8
                bytes += literal.utf8
            }
        }
        return SignedFile.hex(SHA256.hash(data: bytes))
    }

    /// The requirements stored in `file`, if it is whole and for `count` patterns.
    private static func load(_ file: URL, count: Int) -> [[String]?]? {
        guard let data = try? Data(contentsOf: file), let contents = try? JSONDecoder().decode(Contents.self, from: data),
            contents.requirements.count == count, digest(contents.requirements) == contents.digest
        else { return nil }
        return contents.requirements
    }

    private static func store(_ requirements: [[String]?], to file: URL) {
        guard let data = try? JSONEncoder().encode(Contents(requirements: requirements, digest: digest(requirements))) else { return }
        CacheFile.write(data, to: file)
    }
}
