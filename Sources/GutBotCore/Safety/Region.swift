/// Which country's help lines a crisis reply shows.
public enum Region: String, Sendable, CaseIterable {
    case us, ca, uk, ie, au, eu, international

    /// The region a POSIX locale such as `en_GB.UTF-8` names, or `nil`.
    public static func fromLocale(_ locale: String?) -> Region? {
        guard let locale, let underscore = locale.firstIndex(of: "_") else { return nil }
        let country = locale[locale.index(after: underscore)...].prefix(2).uppercased()
        switch country {
        case "US": return .us
        case "CA": return .ca
        case "GB": return .uk
        case "IE": return .ie
        case "AU": return .au
        case "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IT", "LV", "LT",
            "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE":
            return .eu
        default: return nil
        }
    }

    /// The region `name` stands for, in any case: a raw value, or `gb` for
    /// the UK (the ISO code people type). The one place the alias is read.
    public init?(named name: String) {
        let name = name.lowercased()
        guard let region = Region(rawValue: name) ?? (name == "gb" ? .uk : nil) else { return nil }
        self = region
    }

    /// `--region` if given, else `LC_ALL`, else `LANG`, else international.
    public static func resolve(option: String?, environment: [String: String]) -> Region {
        if let region = option.flatMap(Region.init(named:)) { return region }
        for variable in ["LC_ALL", "LANG"] {
            if let region = fromLocale(environment[variable]) { return region }
        }
        return .international
    }
}
