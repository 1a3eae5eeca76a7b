import Foundation

/// Reads the safety plugin's data (`Plugins/safety/safety.yml`): the rules and
/// the help-line table. Any problem is an error: safety fails closed.
enum SafetyFile {
    static let name = "safety.yml"

    static func load(directory: String) throws(PluginLoadError) -> (rules: [SafetyRule], helplines: Helplines) {
        let path = (directory as NSString).appendingPathComponent(name)
        let file = try YAMLFile(path: path)
        let root = file.root
        let checked = try file.string("checked", in: root, what: "the safety data")
        var entries: [Region: Helplines.Entry] = [:]
        for node in try file.sequence("helplines", in: root, what: "the safety data") {
            let code = try file.string("region", in: node, what: "a help-line entry")
            guard let region = Region(rawValue: code) else {
                throw file.fail(node, "unknown region '\(code)'; use one of \(Region.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let emergency = try file.string("emergency", in: node, what: "help lines for \(code)")
            let lines = try file.sequence("lines", in: node, what: "help lines for \(code)").compactMap { $0.scalar?.string }
            let poison = try file.optionalString("poison", in: node, what: "help lines for \(code)")
            entries[region] = Helplines.Entry(emergency: emergency, crisisLines: lines, poison: poison)
        }
        guard entries[.international] != nil else {
            throw file.fail(root["helplines"], "the help-line table needs an 'international' entry")
        }
        var rules: [SafetyRule] = []
        for node in try file.sequence("rules", in: root, what: "the safety data") {
            let id = try file.string("id", in: node, what: "a safety rule")
            let category = try file.string("category", in: node, what: "rule '\(id)'")
            let tier = try file.string("tier", in: node, what: "rule '\(id)'")
            var patterns: [NSRegularExpression] = []
            for pattern in try file.sequence("patterns", in: node, what: "rule '\(id)'") {
                guard let text = pattern.scalar?.string else { throw file.fail(pattern, "a pattern must be text") }
                do {
                    patterns.append(try NSRegularExpression(pattern: text))
                } catch {
                    throw file.fail(pattern, "rule '\(id)' has a pattern that is not a valid regular expression: \(text)")
                }
            }
            rules.append(SafetyRule(id: id, category: category, tier: tier, patterns: patterns))
        }
        return (rules, Helplines(checked: checked, entries: entries))
    }
}
