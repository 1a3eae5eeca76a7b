/// Where to get help, per region: one table, with the date it was checked,
/// so numbers are reviewed in one place (`Plugins/safety/safety.yml`).
public struct Helplines: Sendable {
    /// One region's numbers.
    public struct Entry: Sendable, Equatable {
        /// The emergency number, such as 911.
        public var emergency: String
        /// Crisis lines, each a short phrase with its number.
        public var crisisLines: [String]
        /// Poison help, where the region has one line for it.
        public var poison: String?

        /// One region's numbers.
        public init(emergency: String, crisisLines: [String], poison: String? = nil) {
            self.emergency = emergency
            self.crisisLines = crisisLines
            self.poison = poison
        }
    }

    /// The date the numbers were last checked (YYYY-MM-DD).
    public var checked: String
    /// Entries by region; `international` lists the main lines.
    public var entries: [Region: Entry]

    /// A table checked on `checked`.
    public init(checked: String, entries: [Region: Entry]) {
        self.checked = checked
        self.entries = entries
    }

    /// The entry for `region`, or the international one.
    public func entry(for region: Region) -> Entry? {
        entries[region] ?? entries[.international]
    }

    /// The site that lists crisis lines for every country.
    public static let directory = "findahelpline.com"
}
