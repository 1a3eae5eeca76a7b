import Crypto
import Foundation

/// Remembers, between starts, which exact safety files have loaded with
/// every pattern compiled, so that a later start with the same files may
/// compile each pattern on first use (see ``SafetyPattern``): compiling them
/// all was a third of start-up, and a message runs only a few.
///
/// An entry is a file in the cache folder named by a SHA-256 of the bytes of
/// every safety file on the search path, of the executable (by path, size,
/// modification time and inode, see ``CacheFile/identity(ofFileAt:)``) and
/// of the regular-expression engine's version. An edited safety file, a new
/// build or a new ICU gives a new name, and then every pattern is compiled as
/// it is read, so a broken one still stops the start with its file and line.
/// An entry holds its whole key and counts only when the key reads back
/// exactly, so a damaged file vouches for nothing. It is written only after a
/// load that compiled every pattern.
public struct SafetyValidationCache: Sendable {
    /// Where cache files live, by default `$XDG_CACHE_HOME/gutbot`.
    public var directory: URL
    /// Stands for the code that reads and compiles the patterns; `nil` when
    /// the regular-expression library cannot be found, and then nothing is
    /// vouched for and every start compiles every pattern.
    var code: String?

    /// A cache in `directory`, for the running executable and its regular-expression library.
    public init(directory: URL) {
        let library = Self.regexLibraryVersion()
        self.init(directory: directory, code: library.map { CacheFile.executableIdentity() + "\u{0}" + $0 })
    }

    /// A cache in `directory` for code known as `code` (tests pass their own).
    init(directory: URL, code: String?) {
        self.directory = directory
        self.code = code
    }

    /// Whether an entry vouches that `sources` compiled in full with this code.
    func vouches(for sources: SafetySourceFiles) -> Bool {
        guard let (file, key) = entry(for: sources), let stored = try? Data(contentsOf: file) else { return false }
        return stored == key
    }

    /// Records that `sources` loaded with every pattern compiled.
    func record(_ sources: SafetySourceFiles) {
        guard let (file, key) = entry(for: sources) else { return }
        CacheFile.write(key, to: file)
    }

    /// The entry's file for `sources` and the contents that vouch for them,
    /// or `nil` when nothing can be vouched for (a file unread, no library).
    private func entry(for sources: SafetySourceFiles) -> (file: URL, key: Data)? {
        guard let code, let digest = sources.digest(salt: "gutbot safety patterns compiled 1\u{0}\(code)") else { return nil }
        let name = "safety-validated-\(SignedFile.hex(digest.prefix(16))).txt"
        return (directory.appendingPathComponent(name), Data((SignedFile.hex(digest) + "\n").utf8))
    }

    /// The version of ICU, the regular-expression engine NSRegularExpression
    /// uses (Foundation's own copy on Linux, the system's elsewhere), asked
    /// of the library itself; `nil` when it cannot be found. Whether a pattern
    /// compiles is that library's to say, so a new one is not taken on an old
    /// entry's word.
    static func regexLibraryVersion() -> String? {
        guard let process = dlopen(nil, RTLD_NOW) else { return nil }
        defer { dlclose(process) }
        for name in ["swift_u_getVersion", "u_getVersion"] {
            guard let function = dlsym(process, name) else { continue }
            // void u_getVersion(UVersionInfo info), where UVersionInfo is uint8_t[4].
            let getVersion = unsafeBitCast(function, to: (@convention(c) (UnsafeMutablePointer<UInt8>) -> Void).self)
            var version: [UInt8] = [0, 0, 0, 0]
            getVersion(&version)
            return "ICU " + version.map(String.init).joined(separator: ".")
        }
        return nil
    }
}

/// The safety files of every folder on the search path, read once at start:
/// their bytes are what a ``SafetyValidationCache`` entry vouches for, and
/// the same bytes are parsed, so a file edited in between is never taken on
/// the cache's word.
struct SafetySourceFiles {
    /// Each file's path and what reading it gave, in search-path order.
    private var files: [(path: String, contents: Result<Data, FileError>)] = []

    /// Reads the files a load of `directories` parses: the base folder's
    /// three, and each later folder's `safety.yml` (the only file it may bring).
    init(directories: [String]) {
        for (index, directory) in directories.enumerated() {
            let names = index == 0 ? [SafetyFile.name, SafetyFile.lexiconName, SafetyFile.wordingName] : [SafetyFile.name]
            for name in names {
                let path = (directory as NSString).appendingPathComponent(name)
                files.append((path, Result { () throws(FileError) in try YAMLFile.read(path) }))
            }
        }
    }

    /// The YAML file at `path`, parsed from the bytes read at start; a file
    /// that could not be read throws now what reading it would have thrown.
    func yamlFile(_ path: String) throws(FileError) -> YAMLFile {
        guard let file = files.first(where: { $0.path == path }) else { return try YAMLFile(path: path) }
        return try YAMLFile(path: path, data: file.contents.get())
    }

    /// A SHA-256 of `salt` and every file's path and bytes, or `nil` when a
    /// file could not be read (such a load fails, and vouches for nothing).
    func digest(salt: String) -> SHA256.Digest? {
        var hasher = SHA256()
        hasher.update(data: Data(salt.utf8))
        for file in files {
            guard case .success(let data) = file.contents else { return nil }
            // Lengths first, so that no two lists of files hash alike.
            hasher.update(data: Data("\u{0}\(file.path.utf8.count):\(file.path)\u{0}\(data.count):".utf8))
            hasher.update(data: data)
        }
        return hasher.finalize()
    }
}
