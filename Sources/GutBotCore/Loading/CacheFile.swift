import Foundation

/// Writing a file of the cache folder (`$XDG_CACHE_HOME/gutbot`): whole or
/// not at all (a temporary file, then a rename), so a reader never sees half
/// of one, and readable only by its owner. A cache is optional, so a file
/// that cannot be written is simply not kept. Also what names a cache file
/// after the code that made it (``executableIdentity()``).
enum CacheFile {
    /// Writes `data` to `file`, making its folder if need be; failures are ignored.
    static func write(_ data: Data, to file: URL) {
        let manager = FileManager.default
        guard
            (try? manager.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])) != nil
        else { return }
        let temporary = file.appendingPathExtension("\(getpid()).tmp")
        guard manager.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
        if rename(temporary.path, file.path) != 0 { try? manager.removeItem(at: temporary) }
    }

    /// The running executable's ``identity(ofFileAt:)``, for naming cache
    /// files whose contents depend on gutbot's own code.
    static func executableIdentity() -> String {
        identity(ofFileAt: Bundle.main.executablePath ?? CommandLine.arguments.first ?? "gutbot")
    }

    /// A file's path, size, modification time and inode: cheap to find, and
    /// different for every build of it (hashing the file itself would cost
    /// more than a cache saves). Just the path when it cannot be read.
    static func identity(ofFileAt path: String) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { return path }
        #if canImport(Darwin)
            let modified = status.st_mtimespec
        #else
            let modified = status.st_mtim
        #endif
        return "\(path)\u{0}\(status.st_size)\u{0}\(modified.tv_sec).\(modified.tv_nsec)\u{0}\(status.st_ino)"
    }
}
