import Foundation
import GutBotTestSupport

@testable import GutBotCore

/// Runs the built `gutbot` binary the way a user would, for tests that must
/// hold from the outside: the JSON protocol, exit codes, files written.
struct GutBotProcess {
    /// What one run produced.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    /// The `gutbot` binary beside the test bundle (the same build folder).
    static let binary: URL = {
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = bundle.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("gutbot")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory = directory.deletingLastPathComponent()
        }
        return TestPackage.root.appendingPathComponent(".build/debug/gutbot")
    }()

    /// One cache of example vectors for every gutbot the tests start, kept in
    /// the build folder: its files are named by a hash of what they hold, so
    /// a stale one is never read, and the first run pays for all the others.
    static let sharedCache = TestPackage.root.appendingPathComponent(".build/test-cache")

    /// The shipped plugin directory.
    static let plugins = TestPackage.root.appendingPathComponent("Plugins").path

    /// How many crisis rules the shipped safety data has, as `/help`, `check`
    /// and the weaker-data refusal count them: read, so adding a rule breaks no test.
    static let shippedRuleCount = SafetyFile.ruleCount(directory: plugins + "/safety") ?? 0

    /// Runs gutbot with `arguments`, feeding `input` on stdin, in `directory`
    /// (default: the package root), with `environment` added to a clean one.
    static func run(
        _ arguments: [String], input: String = "", directory: URL? = nil,
        environment: [String: String] = [:], launcher: [String] = []
    ) throws -> Result {
        try run(arguments, bytes: Data(input.utf8), directory: directory, environment: environment, launcher: launcher)
    }

    /// Like ``run(_:input:directory:environment:)``, with raw bytes on stdin
    /// (for input that is not valid UTF-8).
    /// `launcher`, when given, runs gutbot (such as `setpriv` to drop root).
    static func run(
        _ arguments: [String], bytes: Data, directory: URL? = nil,
        environment: [String: String] = [:], launcher: [String] = []
    ) throws -> Result {
        try run(arguments, directory: directory, environment: environment, launcher: launcher) { $0.write(bytes) }
    }

    /// Like ``run(_:bytes:directory:environment:launcher:)``, with stdin
    /// written by `feed` on its own thread (for streams too big to hold).
    static func run(
        _ arguments: [String], directory: URL? = nil, environment: [String: String] = [:],
        launcher: [String] = [], feed: @escaping @Sendable (FileHandle) -> Void
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launcher.first ?? binary.path)
        process.arguments = launcher.isEmpty ? arguments : Array(launcher.dropFirst()) + [binary.path] + arguments
        process.currentDirectoryURL = directory ?? TestPackage.root
        var env = ["PATH": "/usr/bin:/bin", "HOME": scratchRoot.path, "LANG": "C.UTF-8", "XDG_CACHE_HOME": sharedCache.path]
        env.merge(environment) { $1 }
        process.environment = env
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            feed(stdin.fileHandleForWriting)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errData = ErrorCollector(stderr.fileHandleForReading)
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.finish(), as: UTF8.self))
    }

    /// One folder per test process for every scratch directory and the
    /// child's `HOME`, removed at exit so a test run leaves nothing in /tmp.
    private static let scratchRoot: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gutbot-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: GutBotProcess.scratchRoot) }
        return url
    }()

    /// A fresh empty directory inside the test run's scratch folder.
    static func temporaryDirectory() throws -> URL {
        let url = scratchRoot.appendingPathComponent("dir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Drains a pipe on its own thread so a chatty stderr cannot block the child.
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}
