import ArgumentParser

/// `--color auto|always|never`: whether the chat styles its output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Style only on a terminal, and not when `NO_COLOR` is set or `TERM=dumb`.
    case auto
    /// Style even into a pipe or with `NO_COLOR` set: the flag is the user's own choice.
    case always
    /// Never style.
    case never

    /// Whether output is styled, given the environment and whether standard output is a terminal.
    func stylesOutput(environment: [String: String], outputIsTerminal: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            // https://no-color.org: any non-empty NO_COLOR turns colour off.
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return outputIsTerminal
        }
    }
}
