import Foundation
import Testing

/// A tmux server of its own running gutbot in a real pseudo-terminal, typed
/// at as a person would; tests never touch a user's tmux sessions.
struct TmuxSession {
    /// tmux on `PATH` (or in the usual folders), or `nil` where it is not installed.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return folders.map { ($0 as NSString).appendingPathComponent("tmux") }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    let socket = "gutbot-test-\(UUID().uuidString.prefix(8))"

    /// Starts `command` in a detached window named `repl`, `width` columns by 50 lines.
    /// Every gutbot started here shares one cache of example vectors, so only
    /// the first one encodes them (a debug build takes seconds to).
    init(command: String, width: Int = 200) throws {
        let cache = "export XDG_CACHE_HOME='\(GutBotProcess.sharedCache.path)'; "
        try run(["new-session", "-d", "-s", "repl", "-x", "\(width)", "-y", "50", cache + command])
    }

    /// Runs one tmux client command and returns what it printed.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let process = Process()
        // Foundation's Process learns that a child exited when a socket it
        // hands the child (as a descriptor above 2) closes. tmux's server
        // forks from the client and would keep that socket open for good, so
        // waitUntilExit never returned: close every descriptor above 2 first.
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments =
            [
                "-c", #"for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null; exec "$0" "$@""#,
                Self.executable ?? "tmux", "-L", socket, "-f", "/dev/null",
            ] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Types `keys` (tmux key names such as "Enter" or "C-d" included).
    func type(_ keys: String...) throws {
        try run(["send-keys", "-t", "repl"] + keys)
    }

    /// Types `keys` once the prompt is back after the last `marker` on the
    /// screen. Keys typed while gutbot is between lines can be lost when
    /// readline sets up the terminal again: a Ctrl-D sent the moment an
    /// answer appeared sometimes never arrived on a busy machine.
    func typeAtPrompt(_ keys: String..., after marker: String, seconds: Double = 20) throws {
        let deadline = Date().addingTimeInterval(seconds)
        func ready() -> Bool {
            let shown = screen()
            guard let end = shown.range(of: marker, options: .backwards)?.upperBound else { return false }
            return shown[end...].contains("you>")
        }
        while !ready(), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        try run(["send-keys", "-t", "repl"] + keys)
    }

    /// The screen and its scrollback. `joined`: lines the terminal itself
    /// folded (output wider than the window) come back as one long line.
    /// `styles`: with the escape codes of bold, dim and colours.
    func screen(joined: Bool = false, styles: Bool = false) -> String {
        let flags = ["-p"] + (joined ? ["-J"] : []) + (styles ? ["-e"] : [])
        return (try? run(["capture-pane"] + flags + ["-t", "repl", "-S", "-200"])) ?? ""
    }

    /// The screen once it contains `text`, or as it is after `seconds`.
    func waitFor(_ text: String, seconds: Double = 20) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var shown = screen()
        while !shown.contains(text), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            shown = screen()
        }
        return shown
    }

    /// Whether the window is still open.
    var isRunning: Bool { (try? run(["list-sessions"]))?.contains("repl:") == true }

    /// Stops the server and everything in it.
    func stop() {
        _ = try? run(["kill-server"])
    }
}

extension Trait where Self == ConditionTrait {
    /// For tests that drive gutbot in a real terminal: skipped, saying why,
    /// where tmux is missing, rather than failing on a machine without it.
    static var needsTmux: Self {
        .enabled(
            if: TmuxSession.executable != nil,
            "tmux is not installed (apt-get install tmux): this test drives the REPL in a real terminal")
    }
}

extension Trait where Self == TimeLimitTrait {
    /// A terminal test waits for the screen, which a hung gutbot would never
    /// fill: the limit turns a hang into a failure (generous, for loaded CI machines).
    static var terminalTimeLimit: Self { .timeLimit(.minutes(5)) }
}
