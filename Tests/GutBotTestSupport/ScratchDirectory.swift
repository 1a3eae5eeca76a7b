import Foundation

/// Fresh directories for tests, all inside one folder per test process that is
/// removed when the process exits, so a test run leaves nothing behind in /tmp.
public enum ScratchDirectory {
    private static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gutbot-core-tests-\(getpid())")
        atexit { try? FileManager.default.removeItem(at: ScratchDirectory.root) }
        return url
    }()

    /// One cache folder shared by every engine a test loads, so the example
    /// vectors are encoded once per test process, not once per engine.
    public static let cache: URL = root.appendingPathComponent("cache")

    /// A new, not yet existing path whose name starts with `prefix`.
    public static func path(_ prefix: String) throws -> URL {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }

    /// A new, empty directory whose name starts with `prefix`.
    public static func make(_ prefix: String) throws -> URL {
        let url = try path(prefix)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
