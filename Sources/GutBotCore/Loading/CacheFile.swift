import Foundation

/// Writing a file of the cache folder (`$XDG_CACHE_HOME/gutbot`): whole or
/// not at all (a temporary file, then a rename), so a reader never sees half
/// of one, and readable only by its owner. A cache is optional, so a file
/// that cannot be written is simply not kept.
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
}
