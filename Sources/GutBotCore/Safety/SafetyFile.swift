import Foundation
import Yams

/// Reads the safety plugin's data from a `Plugins/safety` folder:
///
/// - `safety.yml`: the help-line table, pattern terms, crisis rules and guards;
/// - `lexicon.yml`: slang, crisis key words and the real words near them;
/// - `wording.yml`: what replies say, and the follow-up cues.
///
/// Any problem is an error naming the file and line: safety fails closed.
enum SafetyFile {
    /// The main file, whose presence marks a safety folder.
    static let name = "safety.yml"
    static let lexiconName = "lexicon.yml"
    static let wordingName = "wording.yml"

    /// Everything the plugin is built from.
    struct Contents {
        var rulebook: SafetyRulebook
        var helplines: Helplines
        var wording: SafetyWording
        var followUp: SafetyFollowUp
        /// Words of distress that is not a crisis.
        var distressPatterns: SafetyPatterns
        /// The semantic net's lines (empty until a folder's tables are read).
        var net: SafetyNet
        /// The named pattern pieces, which a later folder's rules may use too.
        var terms: SafetyTerms
    }

    /// What a safety folder later on the search path brings: only additions
    /// (see ``SafetyLayers``). Its `safety.yml` may hold `terms`, `rules`,
    /// `guards` (which only set aside its own rules' matches) and `helplines`
    /// (extra crisis lines for a region); every other file is ignored.
    struct Addition {
        var directory: String
        var rulebook: SafetyRulebook
        /// Extra crisis lines by region.
        var helplines: [Region: [String]]
        /// Files in the folder that a later folder may not bring, to warn about.
        var ignored: [FileError]
    }

    /// Reads only the rules in `directory`, for comparing a folder with the
    /// shipped one without compiling any pattern; `nil` when it cannot be read.
    static func ruleCount(directory: String) -> Int? {
        let path = (directory as NSString).appendingPathComponent(name)
        guard let file = try? YAMLFile(path: path), let rules = file.root["rules"]?.sequence else { return nil }
        return rules.count
    }

    /// Reads the base safety folder `directory` from `sources` (where it was
    /// read at start), compiling its patterns as `compilation` says.
    static func load(
        directory: String, sources: SafetySourceFiles, compiling compilation: SafetyPattern.Compilation = .now,
        prefilterCache: SafetyPrefilterCache? = nil
    ) throws(FileError) -> Contents {
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        var contents = try load(
            main: sources.yamlFile(path(name)), lexicon: sources.yamlFile(path(lexiconName)),
            wording: sources.yamlFile(path(wordingName)), compiling: compilation, prefilterCache: prefilterCache)
        contents.net = try loadNet(directory: directory, wording: contents.wording)
        return contents
    }

    /// The semantic net's tables in `directory`, each crisis category checked against the wording.
    static func loadNet(directory: String, wording: SafetyWording, existing: [SafetyNet.Line] = []) throws(FileError) -> SafetyNet {
        let net = SafetyNet(lines: existing + (try SafetyNet.loadLines(directory: directory)))
        for category in net.categories where wording.categories[category] == nil {
            throw FileError(
                file: (directory as NSString).appendingPathComponent(SafetyNet.folder), line: nil,
                message: "the tables use the crisis category '\(category)', which has no reply in \(wordingName)")
        }
        return net
    }

    /// The three files' contents held in memory (for fuzzing and tests);
    /// `directory` only names them in errors.
    static func parse(safety: Data, lexicon: Data, wording: Data, directory: String) throws(FileError) -> Contents {
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        return try load(
            main: YAMLFile(path: path(name), data: safety), lexicon: YAMLFile(path: path(lexiconName), data: lexicon),
            wording: YAMLFile(path: path(wordingName), data: wording))
    }

    private static func load(
        main: YAMLFile, lexicon lexiconFile: YAMLFile, wording wordingFile: YAMLFile,
        compiling compilation: SafetyPattern.Compilation = .now, prefilterCache: SafetyPrefilterCache? = nil
    ) throws(FileError) -> Contents {
        try main.rejectUnknownKeys(in: main.root, known: ["checked", "helplines", "terms", "rules", "guards"], what: "the safety data")
        let helplines = try loadHelplines(main)
        let terms = try loadTerms(main)
        try lexiconFile.rejectUnknownKeys(
            in: lexiconFile.root, known: ["slang", "keywords", "real-words", "starred-words", "glue-words"],
            what: "the safety lexicon")
        let lexicon = try loadLexicon(lexiconFile)
        try wordingFile.rejectUnknownKeys(
            in: wordingFile.root, known: ["shared", "replies", "follow-up", "distress"], what: "the safety wording")
        let wording = try loadWording(wordingFile)
        let rules = try loadRules(main, terms: terms, compiling: compilation, wording: wording)
        let guards = try loadGuards(main, terms: terms, compiling: compilation)
        let followUp = try loadFollowUp(wordingFile, terms: terms, compiling: compilation)
        let distressNode = try wordingFile.required("distress", in: wordingFile.root, what: "the safety wording")
        let distressPatterns = try compile(
            wordingFile.sequence("patterns", in: distressNode, what: "'distress'"),
            of: wordingFile, terms: terms, compiling: compilation, owner: "'distress' patterns")
        return Contents(
            rulebook: SafetyRulebook(rules: rules, guards: guards, lexicon: lexicon, prefilterCache: prefilterCache),
            helplines: helplines, wording: wording, followUp: followUp,
            distressPatterns: distressPatterns, net: SafetyNet(lines: []), terms: terms)
    }

    /// Reads a later safety folder against the `base` it adds to. Broken data
    /// is an error, as in the base folder: safety fails closed.
    static func loadAddition(
        directory: String, base: Contents, sources: SafetySourceFiles, compiling compilation: SafetyPattern.Compilation = .now,
        prefilterCache: SafetyPrefilterCache? = nil
    ) throws(FileError) -> Addition {
        let path = (directory as NSString).appendingPathComponent(name)
        let main = try sources.yamlFile(path)
        let root = main.root
        let what = "a later safety folder's \(name)"
        _ = try main.mapping(root, what: what)
        // `checked` and full help-line entries are allowed so that a copy of
        // the shipped file loads; what it would change is ignored, with a warning.
        try main.rejectUnknownKeys(in: root, known: ["checked", "terms", "rules", "guards", "helplines"], what: what)
        var warnings: [FileError] = []
        func ignore(_ node: Node?, _ message: String) {
            warnings.append(FileError(file: path, line: node?.mark?.line, message: "ignored: " + message))
        }
        var terms = base.terms
        for (name, definition) in try loadTerms(main).definitions { terms.definitions[name] = definition }
        var rules = root["rules"] == nil ? [] : try loadRules(main, terms: terms, compiling: compilation, wording: base.wording)
        let shipped = Set(base.rulebook.rules.map(\.id))
        for rule in rules where shipped.contains(rule.id) {
            let node = root["rules"]?.sequence?.first { $0["id"]?.scalar?.string == rule.id }
            ignore(node, "rule '\(rule.id)' is a shipped rule, which a later safety folder cannot replace; give a new rule a new id")
        }
        rules.removeAll { shipped.contains($0.id) }
        let guards = root["guards"] == nil ? [] : try loadGuards(main, terms: terms, compiling: compilation)
        var lines: [Region: [String]] = [:]
        if root["helplines"] != nil {
            for node in try main.sequence("helplines", in: root, what: what) {
                try main.rejectUnknownKeys(in: node, known: ["region", "lines", "emergency", "poison"], what: "a help-line entry")
                let code = try main.string("region", in: node, what: "a help-line entry")
                guard let region = Region(rawValue: code) else {
                    throw main.fail(node, "unknown region '\(code)'; use one of \(Region.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let shippedEntry = base.helplines.entry(for: region)
                for key in ["emergency", "poison"] {
                    guard let value = try main.optionalString(key, in: node, what: "help lines for \(code)") else { continue }
                    let current = key == "emergency" ? shippedEntry?.emergency : shippedEntry?.poison
                    if value != current {
                        ignore(
                            node[key],
                            "'\(key)' for \(code): a later safety folder can only add crisis lines; the shipped table's numbers stay")
                    }
                }
                if node["lines"] != nil {
                    lines[region, default: []] += try texts("lines", in: node, of: main, what: "help lines for \(code)")
                }
            }
        }
        let ignored = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            .filter { $0 != name && ($0.hasSuffix(".yml") || $0.hasSuffix(".yaml")) }
            .map {
                FileError(
                    file: (directory as NSString).appendingPathComponent($0), line: nil,
                    message:
                        "ignored: a safety folder later on the plugin path can only add rules, guards and help lines in \(name); slang and wording come from the shipped folder"
                )
            }
        return Addition(
            directory: directory,
            rulebook: SafetyRulebook(rules: rules, guards: guards, lexicon: base.rulebook.lexicon, prefilterCache: prefilterCache),
            helplines: lines, ignored: warnings + ignored)
    }

    // MARK: - safety.yml

    private static func loadHelplines(_ file: YAMLFile) throws(FileError) -> Helplines {
        let root = file.root
        let checked = try file.string("checked", in: root, what: "the safety data")
        guard checked.range(of: "^\\d{4}-\\d{2}-\\d{2}$", options: .regularExpression) != nil else {
            throw file.fail(root["checked"], "'checked' must be the date the numbers were checked, as YYYY-MM-DD")
        }
        var entries: [Region: Helplines.Entry] = [:]
        for node in try file.sequence("helplines", in: root, what: "the safety data") {
            try file.rejectUnknownKeys(in: node, known: ["region", "emergency", "lines", "poison"], what: "a help-line entry")
            let code = try file.string("region", in: node, what: "a help-line entry")
            guard let region = Region(rawValue: code) else {
                throw file.fail(node, "unknown region '\(code)'; use one of \(Region.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard entries[region] == nil else { throw file.fail(node, "region '\(code)' has two help-line entries") }
            let emergency = try file.string("emergency", in: node, what: "help lines for \(code)")
            let lines = try texts("lines", in: node, of: file, what: "help lines for \(code)")
            let poison = try file.optionalString("poison", in: node, what: "help lines for \(code)")
            entries[region] = Helplines.Entry(emergency: emergency, crisisLines: lines, poison: poison)
        }
        guard entries[.international] != nil else {
            throw file.fail(root["helplines"], "the help-line table needs an 'international' entry")
        }
        return Helplines(checked: checked, entries: entries)
    }

    private static func loadTerms(_ file: YAMLFile) throws(FileError) -> SafetyTerms {
        var terms = SafetyTerms()
        for (name, definition) in try file.pairs("terms", in: file.root, what: "the safety data") {
            guard name.range(of: "^[a-z][a-z-]*$", options: .regularExpression) != nil else {
                throw file.fail(file.root["terms"], "term name '\(name)' must be lowercase letters and '-'")
            }
            terms.definitions[name] = definition
        }
        return terms
    }

    private static func loadRules(
        _ file: YAMLFile, terms: SafetyTerms, compiling compilation: SafetyPattern.Compilation, wording: SafetyWording
    ) throws(FileError) -> [SafetyRule] {
        var rules: [SafetyRule] = []
        var seen: Set<String> = []
        for node in try file.sequence("rules", in: file.root, what: "the safety data") {
            let id = try file.string("id", in: node, what: "a safety rule")
            try file.rejectUnknownKeys(
                in: node, known: ["id", "category", "tier", "patterns", "combinations", "unless", "emergency-when"],
                what: "rule '\(id)'")
            guard seen.insert(id).inserted else { throw file.fail(node, "rule id '\(id)' appears twice") }
            let category = try file.string("category", in: node, what: "rule '\(id)'")
            guard wording.categories[category] != nil else {
                throw file.fail(node["category"], "rule '\(id)' has category '\(category)', which has no reply in \(wordingName)")
            }
            let tierText = try file.string("tier", in: node, what: "rule '\(id)'")
            guard let tier = SafetyTier(rawValue: tierText), tier == .emergency || tier == .crisis else {
                throw file.fail(node["tier"], "rule '\(id)' has tier '\(tierText)'; use emergency or crisis")
            }
            let owner = "rule '\(id)'"
            func optional(_ key: String) throws(FileError) -> SafetyPatterns {
                guard node[key] != nil else { return SafetyPatterns() }
                return try compile(file.sequence(key, in: node, what: owner), of: file, terms: terms, compiling: compilation, owner: owner)
            }
            let patterns = try optional("patterns")
            let combinations = try loadCombinations(node, of: file, terms: terms, compiling: compilation, owner: owner)
            guard !patterns.isEmpty || !combinations.isEmpty else {
                throw file.fail(node, "\(owner) needs 'patterns' or 'combinations'")
            }
            rules.append(
                SafetyRule(
                    id: id, category: category, tier: tier, patterns: patterns, combinations: combinations,
                    unless: try optional("unless"), emergencyWhen: try optional("emergency-when")))
        }
        return rules
    }

    /// A rule's `combinations`: each `all:` a list of patterns that must all
    /// match, `within: clause` (the default) or `message`, with optional
    /// `unless:` and `despite-guards:`.
    private static func loadCombinations(
        _ node: Node, of file: YAMLFile, terms: SafetyTerms, compiling compilation: SafetyPattern.Compilation, owner: String
    ) throws(FileError)
        -> [SafetyCombination]
    {
        guard node["combinations"] != nil else { return [] }
        var result: [SafetyCombination] = []
        for item in try file.sequence("combinations", in: node, what: owner) {
            let what = "a combination of \(owner)"
            try file.rejectUnknownKeys(in: item, known: ["within", "all", "unless", "despite-guards"], what: what)
            var scope = SafetyCombination.Scope.clause
            if let within = try file.optionalString("within", in: item, what: what) {
                guard let chosen = SafetyCombination.Scope(rawValue: within) else {
                    throw file.fail(item["within"], "'within' in \(what) must be clause or message")
                }
                scope = chosen
            }
            let parts = try file.sequence("all", in: item, what: what)
            guard parts.count >= 2 else { throw file.fail(item["all"], "'all' in \(what) needs at least two patterns") }
            var compiled: [SafetyPatterns] = []
            for part in parts { compiled.append(try compile([part], of: file, terms: terms, compiling: compilation, owner: owner)) }
            var unless = SafetyPatterns()
            if item["unless"] != nil {
                unless = try compile(
                    file.sequence("unless", in: item, what: what), of: file, terms: terms, compiling: compilation, owner: owner)
            }
            var despiteGuards = false
            if let flag = item["despite-guards"] {
                guard let value = flag.bool else { throw file.fail(flag, "'despite-guards' in \(what) must be true or false") }
                despiteGuards = value
            }
            result.append(SafetyCombination(scope: scope, parts: compiled, unless: unless, despiteGuards: despiteGuards))
        }
        return result
    }

    private static func loadGuards(_ file: YAMLFile, terms: SafetyTerms, compiling compilation: SafetyPattern.Compilation) throws(FileError)
        -> [SafetyGuard]
    {
        var guards: [SafetyGuard] = []
        for node in try file.sequence("guards", in: file.root, what: "the safety data") {
            let id = try file.string("id", in: node, what: "a guard")
            try file.rejectUnknownKeys(in: node, known: ["id", "patterns", "mention"], what: "guard '\(id)'")
            let patterns = try compile(
                file.sequence("patterns", in: node, what: "guard '\(id)'"), of: file, terms: terms, compiling: compilation,
                owner: "guard '\(id)'")
            var isMention = false
            if let flag = node["mention"] {
                guard let value = flag.bool else { throw file.fail(flag, "'mention' in guard '\(id)' must be true or false") }
                isMention = value
            }
            guards.append(SafetyGuard(id: id, patterns: patterns, isMention: isMention))
        }
        return guards
    }

    // MARK: - lexicon.yml

    private static func loadLexicon(_ file: YAMLFile) throws(FileError) -> SafetyLexicon {
        let normalizer = TextNormalizer()
        var slang: [[String]: [String]] = [:]
        for (typed, meaning) in try file.pairs("slang", in: file.root, what: "the safety lexicon") {
            let from = normalizer.words(typed)
            let to = normalizer.words(meaning)
            guard !from.isEmpty, !to.isEmpty else {
                throw file.fail(file.root["slang"], "slang entry '\(typed): \(meaning)' needs words on both sides")
            }
            guard slang[from] == nil else { throw file.fail(file.root["slang"], "slang '\(typed)' appears twice") }
            slang[from] = to
        }
        var keywords: Set<String> = []
        for node in try file.sequence("keywords", in: file.root, what: "the safety lexicon") {
            guard let word = node.scalar?.string, word.count >= SafetyLexicon.shortestCorrected,
                word.allSatisfy({ $0.isLowercase && $0.isLetter })
            else {
                throw file.fail(node, "a key word must be one lowercase word of at least \(SafetyLexicon.shortestCorrected) letters")
            }
            keywords.insert(word)
        }
        let realWords = try texts("real-words", in: file.root, of: file, what: "the safety lexicon")
        var starred: Set<String> = []
        for node in try file.sequence("starred-words", in: file.root, what: "the safety lexicon") {
            guard let word = node.scalar?.string, !word.isEmpty, word.allSatisfy({ $0.isLowercase && $0.isLetter }) else {
                throw file.fail(node, "a starred word must be one lowercase word")
            }
            starred.insert(word)
        }
        var glue: Set<String> = []
        for node in try file.sequence("glue-words", in: file.root, what: "the safety lexicon") {
            guard let word = node.scalar?.string, !word.isEmpty, word.allSatisfy({ $0.isLowercase && $0.isLetter }) else {
                throw file.fail(node, "a glue word must be one lowercase word")
            }
            glue.insert(word)
        }
        return SafetyLexicon(slang: slang, keywords: keywords, realWords: Set(realWords), starredWords: starred, glueWords: glue)
    }

    // MARK: - wording.yml

    private static func loadWording(_ file: YAMLFile) throws(FileError) -> SafetyWording {
        let root = file.root
        let what = "the safety wording"
        let shared = try file.required("shared", in: root, what: what)
        try file.rejectUnknownKeys(in: shared, known: ["program", "question", "danger", "directory"], what: "shared wording")
        let program = try sentence("program", in: shared, of: file, what: "shared wording")
        guard program.lowercased().contains("program") else {
            throw file.fail(shared["program"], "'program' must say that gutbot is a program, not a person")
        }
        let question = try sentence("question", in: shared, of: file, what: "shared wording")
        let danger = try sentence("danger", in: shared, of: file, what: "shared wording")
        let directory = try sentence("directory", in: shared, of: file, what: "shared wording")
        guard directory.contains("{directory}") else {
            throw file.fail(shared["directory"], "'directory' must point to {directory}")
        }
        var categories: [String: SafetyWording.Category] = [:]
        let replies = try file.required("replies", in: root, what: what)
        for (key, node) in try file.mapping(replies, what: "'replies'") {
            guard let category = key.scalar?.string else { throw file.fail(key, "a reply category must be text") }
            let label = "the \(category) reply"
            try file.rejectUnknownKeys(in: node, known: ["emergency", "opening", "help", "reminder", "question", "poison"], what: label)
            let help = try sentence("help", in: node, of: file, what: label)
            let emergency = try sentence("emergency", in: node, of: file, what: label)
            guard emergency.contains("{emergency}") else {
                throw file.fail(node["emergency"], "'emergency' in \(label) must lead with {emergency}")
            }
            categories[category] = SafetyWording.Category(
                emergency: emergency,
                opening: try sentence("opening", in: node, of: file, what: label),
                help: help,
                reminder: try sentence("reminder", in: node, of: file, what: label),
                question: try optionalSentence("question", in: node, of: file, what: label),
                poison: try optionalSentence("poison", in: node, of: file, what: label))
        }
        guard categories[SafetyWording.retractionCategory] != nil else {
            throw file.fail(replies, "'replies' needs a '\(SafetyWording.retractionCategory)' entry for the check after \"just kidding\"")
        }
        guard categories[SafetyWording.checkInCategory] != nil else {
            throw file.fail(replies, "'replies' needs a '\(SafetyWording.checkInCategory)' entry for what the semantic net alone catches")
        }
        let distressNode = try file.required("distress", in: root, what: what)
        let support = try sentence("support", in: distressNode, of: file, what: "the distress reply")
        let line = try sentence("line", in: distressNode, of: file, what: "the distress reply")
        guard support.contains("{lines}"), line.contains("{lines}") else {
            throw file.fail(distressNode, "'support' and 'line' of the distress reply must point to {lines}")
        }
        let distress = SafetyWording.Distress(
            opening: try sentence("opening", in: distressNode, of: file, what: "the distress reply"),
            support: support,
            offer: try sentence("offer", in: distressNode, of: file, what: "the distress reply"),
            line: line)
        return SafetyWording(
            program: program, question: question, danger: danger, directory: directory,
            categories: categories, distress: distress)
    }

    private static func loadFollowUp(_ file: YAMLFile, terms: SafetyTerms, compiling compilation: SafetyPattern.Compilation)
        throws(FileError) -> SafetyFollowUp
    {
        let node = try file.required("follow-up", in: file.root, what: "the safety wording")
        try file.rejectUnknownKeys(in: node, known: ["reminders", "retractions", "moving-on"], what: "'follow-up'")
        let turnsNode = try file.required("reminders", in: node, what: "'follow-up'")
        guard let turns = turnsNode.int, (1...10).contains(turns) else {
            throw file.fail(turnsNode, "'reminders' must be a whole number from 1 to 10")
        }
        return SafetyFollowUp(
            retractions: try compile(
                file.sequence("retractions", in: node, what: "'follow-up'"), of: file, terms: terms, compiling: compilation,
                owner: "'retractions'"),
            movingOn: try compile(
                file.sequence("moving-on", in: node, what: "'follow-up'"), of: file, terms: terms, compiling: compilation,
                owner: "'moving-on'"),
            reminderTurns: turns)
    }

    // MARK: - Helpers

    /// The patterns `nodes` hold, terms expanded, compiled now or on first
    /// use as `compilation` says (see ``SafetyPattern``).
    private static func compile(
        _ nodes: [Node], of file: YAMLFile, terms: SafetyTerms, compiling compilation: SafetyPattern.Compilation, owner: String
    ) throws(FileError) -> SafetyPatterns {
        var patterns: [SafetyPattern] = []
        for node in nodes {
            guard let text = node.scalar?.string, !text.isEmpty else { throw file.fail(node, "a pattern of \(owner) must be text") }
            let expanded: String
            do {
                expanded = try terms.expand(text)
            } catch {
                throw file.fail(node, "\(owner) uses the term {\(error.name)}, which 'terms' does not define")
            }
            let origin = SafetyPattern.Origin(file: file.path, line: node.mark?.line, owner: owner, written: text)
            switch compilation {
            case .now: patterns.append(try SafetyPattern(compiling: expanded, from: origin))
            case .onFirstUse: patterns.append(SafetyPattern(deferring: expanded, from: origin))
            }
        }
        return SafetyPatterns(patterns: patterns)
    }

    private static func texts(_ key: String, in node: Node, of file: YAMLFile, what: String) throws(FileError) -> [String] {
        var result: [String] = []
        for item in try file.sequence(key, in: node, what: what) {
            guard let text = item.scalar?.string.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                throw file.fail(item, "every entry of '\(key)' in \(what) must be non-empty text")
            }
            result.append(text)
        }
        return result
    }

    private static func sentence(_ key: String, in node: Node, of file: YAMLFile, what: String) throws(FileError) -> String {
        let text = try file.string(key, in: node, what: what)
        try checkPlaceholders(text, at: node[key], of: file)
        return text
    }

    private static func optionalSentence(_ key: String, in node: Node, of file: YAMLFile, what: String) throws(FileError) -> String? {
        guard let text = try file.optionalString(key, in: node, what: what) else { return nil }
        try checkPlaceholders(text, at: node[key], of: file)
        return text
    }

    private static let placeholder = try! NSRegularExpression(pattern: "\\{([^}]*)\\}")

    private static func checkPlaceholders(_ text: String, at node: Node?, of file: YAMLFile) throws(FileError) {
        for match in placeholder.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range(at: 1), in: text) else { continue }
            let name = String(text[range])
            guard SafetyWording.placeholders.contains(name) else {
                throw file.fail(
                    node,
                    "unknown placeholder {\(name)}; use \(SafetyWording.placeholders.sorted().map { "{\($0)}" }.joined(separator: ", "))")
            }
        }
    }
}
