import Foundation
import GutBotTestSupport
import Synchronization
import Testing

@testable import GutBotCore

/// The cache's word that these exact safety files compiled in full: only
/// then are patterns compiled on first use; any change to a file, the
/// executable or the regular-expression library means every pattern is
/// compiled as it is read again, so broken data still stops the start with
/// its file and line, and verdicts never depend on which way a pattern was made.
@Suite struct SafetyValidationCacheTests {
    /// A cache for made-up code, in a folder of its own.
    private static func cache(code: String? = "gutbot 1\u{0}ICU 1") throws -> SafetyValidationCache {
        SafetyValidationCache(directory: try ScratchDirectory.make("validated"), code: code)
    }

    /// A copy of the shipped safety folder, as a plugin directory holding `safety/`.
    private static func copyOfShipped() throws -> String {
        let directory = try ScratchDirectory.make("plugins")
        try FileManager.default.copyItem(
            atPath: TestPackage.safetyDirectory, toPath: directory.appendingPathComponent("safety").path)
        return directory.appendingPathComponent("safety").path
    }

    /// Replaces `old` with `new` in `file` of the safety folder `directory`.
    private static func edit(_ file: String, in directory: String, replacing old: String, with new: String) throws {
        let path = directory + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Every pattern the screen holds: rules, combinations, guards, follow-up cues and distress words.
    private static func patterns(of screen: SafetyScreen) -> [SafetyPattern] {
        var lists = [screen.distressPatterns, screen.followUp.retractions, screen.followUp.movingOn]
        for rulebook in [screen.rulebook] + screen.rulebook.additions {
            lists += rulebook.guards.map(\.patterns)
            for rule in rulebook.rules {
                lists += [rule.patterns, rule.unless, rule.emergencyWhen] + rule.combinations.flatMap { $0.parts + [$0.unless] }
            }
        }
        return lists.flatMap(\.patterns)
    }

    private static func load(_ directories: [String], _ cache: SafetyValidationCache?) throws -> SafetyScreen {
        try SafetyScreen.load(directories: directories, region: .us, validationCache: cache)
    }

    @Test func theSecondLoadCompilesOnFirstUseAndAnswersTheSame() throws {
        let cache = try Self.cache()
        let fresh = try Self.load([TestPackage.safetyDirectory], nil)
        let recording = try Self.load([TestPackage.safetyDirectory], cache)
        let trusting = try Self.load([TestPackage.safetyDirectory], cache)
        #expect(Self.patterns(of: recording).allSatisfy { $0.isCompiled }, "the first load compiles every pattern")
        #expect(Self.patterns(of: trusting).count == Self.patterns(of: fresh).count)
        #expect(!Self.patterns(of: trusting).contains { $0.isCompiled }, "the vouched load compiles none up front")
        #expect(zip(Self.patterns(of: trusting), Self.patterns(of: fresh)).allSatisfy { $0.text == $1.text })

        let messages = SafetyFixtures.cases.map(\.message) + SafetyFixtures.devQuestions
        #expect(messages.count > 1000)
        for message in messages {
            let forms = fresh.rulebook.forms(of: message)
            #expect(trusting.verdict(for: message) == fresh.verdict(for: message), "\(message)")
            #expect(trusting.rulebook.mentions(forms: forms) == fresh.rulebook.mentions(forms: forms), "\(message)")
            #expect(
                trusting.isDistress(forms: forms, judgement: .none) == fresh.isDistress(forms: forms, judgement: .none), "\(message)")
            #expect(trusting.followUp.retractions.matches(anyOf: forms) == fresh.followUp.retractions.matches(anyOf: forms))
            #expect(trusting.followUp.movingOn.matches(anyOf: forms) == fresh.followUp.movingOn.matches(anyOf: forms))
        }
        let used = Self.patterns(of: trusting).filter(\.isCompiled).count
        #expect(used > 0 && used < Self.patterns(of: trusting).count, "only the patterns some message ran are compiled")
    }

    @Test func patternsCompiledOnFirstUseFromManyThreadsAnswerTheSame() throws {
        let cache = try Self.cache()
        let fresh = try Self.load([TestPackage.safetyDirectory], cache)
        let trusting = try Self.load([TestPackage.safetyDirectory], cache)
        let messages = SafetyFixtures.cases.map(\.message)
        let expected = messages.map(fresh.verdict(for:))
        let verdicts = Mutex([SafetyVerdict?](repeating: nil, count: messages.count))
        DispatchQueue.concurrentPerform(iterations: messages.count) { index in
            let verdict = trusting.verdict(for: messages[index])
            verdicts.withLock { $0[index] = verdict }
        }
        #expect(verdicts.withLock { $0 } == expected)
    }

    /// An edit to any of the three files (a rule in `safety.yml`, a cue in
    /// `wording.yml`) ends the vouch: the edited files are compiled as they
    /// are read, and the broken pattern stops the start with its file and line.
    @Test(arguments: [
        ("safety.yml", "'\\bnoose\\b'", "'\\bnoose(\\b'", "noose("),
        ("wording.yml", "moving-on:\n", "moving-on:\n    - '(oops'\n", "(oops"),
    ])
    func anEditedFileIsCompiledAsItIsReadAndABrokenPatternStillStopsTheStart(
        file: String, old: String, new: String, broken: String
    ) throws {
        let cache = try Self.cache()
        let directory = try Self.copyOfShipped()
        _ = try Self.load([directory], cache)
        try Self.edit(file, in: directory, replacing: old, with: new)
        let error = #expect(throws: FileError.self) { try Self.load([directory], cache) }
        #expect(error?.file == directory + "/" + file)
        let lines = try String(contentsOfFile: directory + "/" + file, encoding: .utf8).components(separatedBy: "\n")
        #expect(error?.line == lines.firstIndex { $0.contains(broken) }.map { $0 + 1 })
        #expect(error?.message.contains("not a valid regular expression") == true)
        // A failed load vouches for nothing: the same files fail again.
        #expect(throws: FileError.self) { try Self.load([directory], cache) }
    }

    @Test func aLaterFolderIsPartOfWhatIsVouchedFor() throws {
        let cache = try Self.cache()
        let later = try ScratchDirectory.make("later-safety")
        let rule = "rules:\n  - id: dummy\n    category: suicidal\n    tier: crisis\n    patterns: ['\\bzorblax\\b']\n"
        try rule.write(to: later.appendingPathComponent("safety.yml"), atomically: true, encoding: .utf8)
        let directories = [TestPackage.safetyDirectory, later.path]
        _ = try Self.load(directories, cache)
        #expect(try Self.load(directories, cache).verdict(for: "zorblax")?.rule == "dummy")
        try rule.replacingOccurrences(of: "zorblax\\b", with: "zorblax(\\b")
            .write(to: later.appendingPathComponent("safety.yml"), atomically: true, encoding: .utf8)
        let error = #expect(throws: FileError.self) { try Self.load(directories, cache) }
        #expect(error?.file == later.path + "/safety.yml")
        #expect(error?.line == 5)
    }

    @Test func otherCodeIsNotTakenOnTheOldWord() throws {
        let cache = try Self.cache()
        _ = try Self.load([TestPackage.safetyDirectory], cache)
        let sources = SafetySourceFiles(directories: [TestPackage.safetyDirectory])
        #expect(cache.vouches(for: sources))
        for code in ["gutbot 2\u{0}ICU 1", "gutbot 1\u{0}ICU 2"] {
            #expect(!SafetyValidationCache(directory: cache.directory, code: code).vouches(for: sources), "\(code)")
        }
        // With no library to name, nothing is vouched for or recorded.
        let unknown = try Self.cache(code: nil)
        _ = try Self.load([TestPackage.safetyDirectory], unknown)
        #expect(!unknown.vouches(for: sources))
        #expect(try FileManager.default.contentsOfDirectory(atPath: unknown.directory.path).isEmpty)
    }

    @Test(arguments: ["", "cut", "other"])
    func aDamagedEntryVouchesForNothing(damage: String) throws {
        let cache = try Self.cache()
        _ = try Self.load([TestPackage.safetyDirectory], cache)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.directory.path)
        #expect(entries.count == 1)
        let file = cache.directory.appendingPathComponent(try #require(entries.first))
        let stored = try Data(contentsOf: file)
        let damaged: Data =
            switch damage {
            case "cut": stored.prefix(stored.count / 2)
            case "other": Data(String(repeating: "0", count: 64).utf8 + [0x0A])
            default: Data()
            }
        try damaged.write(to: file)
        let screen = try Self.load([TestPackage.safetyDirectory], cache)
        #expect(Self.patterns(of: screen).allSatisfy { $0.isCompiled }, "a damaged entry was trusted (\(damage))")
        // The load compiled everything, so the entry is sound again.
        #expect(try Data(contentsOf: file) == stored)
    }

    #if os(Linux)
        @Test func theRegularExpressionLibraryIsFound() {
            // Without it nothing would ever be vouched for, and every start would compile every pattern.
            #expect(SafetyValidationCache.regexLibraryVersion()?.hasPrefix("ICU ") == true)
        }
    #endif
}
