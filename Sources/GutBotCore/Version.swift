/// gutbot's version: the one place it is written. `gutbot --version`, `/help`
/// and anything else that shows a version read it from here.
public enum GutBotVersion {
    /// The version, as `major.minor.patch`.
    public static let current = "0.10.0"
}
