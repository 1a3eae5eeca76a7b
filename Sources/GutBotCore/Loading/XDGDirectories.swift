import Foundation

/// Where gutbot keeps per-user files, following the XDG base directory spec.
public struct XDGDirectories: Sendable {
    /// `$XDG_CONFIG_HOME/gutbot`, by default `~/.config/gutbot`.
    public var config: URL
    /// `$XDG_STATE_HOME/gutbot`, by default `~/.local/state/gutbot`: history lives here.
    public var state: URL
    /// `$XDG_DATA_HOME/gutbot`, by default `~/.local/share/gutbot`: a retuned model may live here.
    public var data: URL
    /// `$XDG_CACHE_HOME/gutbot`, by default `~/.cache/gutbot`: example vectors, safe to delete.
    public var cache: URL

    /// The directories for `environment`.
    public init(environment: [String: String]) {
        let home = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory())
        func base(_ variable: String, _ fallback: String) -> URL {
            if let value = environment[variable], value.hasPrefix("/") { return URL(fileURLWithPath: value) }
            return home.appendingPathComponent(fallback)
        }
        config = base("XDG_CONFIG_HOME", ".config").appendingPathComponent("gutbot")
        state = base("XDG_STATE_HOME", ".local/state").appendingPathComponent("gutbot")
        data = base("XDG_DATA_HOME", ".local/share").appendingPathComponent("gutbot")
        cache = base("XDG_CACHE_HOME", ".cache").appendingPathComponent("gutbot")
    }
}
