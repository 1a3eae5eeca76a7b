import Foundation
import GutBotTestSupport
import Testing

@testable import GutBotCore

/// The cache of what the safety patterns require: it is used when it is for
/// the same patterns and the same executable, rebuilt when either changes,
/// and ignored when damaged or unwritable, never changing an answer.
@Suite struct SafetyPrefilterCacheTests {
    static let patterns = [#"\bkill(ing)? myself\b"#, #"\b(over ?dose|od)\b"#, #"laxatives?"#, #"."#]

    /// The answer the reader gives, and a count of how often it was asked.
    final class CountingReader: @unchecked Sendable {
        var calls = 0
        func read(_ patterns: [String]) -> [[String]?] {
            calls += 1
            return SafetyPrefilter.requirements(of: patterns)
        }
    }

    @Test func theSecondLoadReadsTheCache() throws {
        let cache = SafetyPrefilterCache(directory: try ScratchDirectory.make("prefilter"), executable: "gutbot 1")
        let reader = CountingReader()
        let first = cache.requirements(of: Self.patterns, read: reader.read)
        let second = cache.requirements(of: Self.patterns, read: reader.read)
        #expect(reader.calls == 1)
        #expect(second.count == first.count)
        for (cached, fresh) in zip(second, SafetyPrefilter.requirements(of: Self.patterns)) { #expect(cached == fresh) }
    }

    @Test func aChangedPatternOrExecutableIsReadAfresh() throws {
        let directory = try ScratchDirectory.make("prefilter")
        let cache = SafetyPrefilterCache(directory: directory, executable: "gutbot 1")
        let reader = CountingReader()
        _ = cache.requirements(of: Self.patterns, read: reader.read)
        var changed = Self.patterns
        changed[2] = #"purg(e|ing)"#
        let answer = cache.requirements(of: changed, read: reader.read)
        #expect(reader.calls == 2)
        #expect(answer[2] == SafetyPrefilter.requirements(of: changed)[2])
        let rebuilt = SafetyPrefilterCache(directory: directory, executable: "gutbot 2")
        _ = rebuilt.requirements(of: Self.patterns, read: reader.read)
        #expect(reader.calls == 3)
        #expect(rebuilt.file(for: Self.patterns) != cache.file(for: Self.patterns))
    }

    /// Ways a cache file gets damaged.
    enum Damage: String, CaseIterable, Sendable {
        case cutShort, notJSON, empty, answerEdited, tooFewPatterns

        func apply(to data: Data) throws -> Data {
            switch self {
            case .cutShort: return data.prefix(data.count / 2)
            case .notJSON: return Data("garbage".utf8)
            case .empty: return Data()
            case .answerEdited:
                // A literal changed but the digest kept: the pattern would be skipped wrongly.
                var contents = try JSONDecoder().decode(SafetyPrefilterCache.Contents.self, from: data)
                contents.requirements[0] = ["zzzz"]
                return try JSONEncoder().encode(contents)
            case .tooFewPatterns:
                var contents = try JSONDecoder().decode(SafetyPrefilterCache.Contents.self, from: data)
                contents.requirements.removeLast()
                contents.digest = SafetyPrefilterCache.digest(contents.requirements)
                return try JSONEncoder().encode(contents)
            }
        }
    }

    @Test(arguments: Damage.allCases)
    func aDamagedCacheIsIgnored(damage: Damage) throws {
        let cache = SafetyPrefilterCache(directory: try ScratchDirectory.make("prefilter"), executable: "gutbot 1")
        let reader = CountingReader()
        _ = cache.requirements(of: Self.patterns, read: reader.read)
        let file = cache.file(for: Self.patterns)
        try damage.apply(to: try Data(contentsOf: file)).write(to: file)
        let answer = cache.requirements(of: Self.patterns, read: reader.read)
        #expect(reader.calls == 2, "\(damage)")
        for (cached, fresh) in zip(answer, SafetyPrefilter.requirements(of: Self.patterns)) { #expect(cached == fresh) }
        // The damaged file was replaced by a sound one.
        _ = cache.requirements(of: Self.patterns, read: reader.read)
        #expect(reader.calls == 2)
    }

    @Test func anUnwritableCacheStillAnswers() throws {
        // A file where the cache directory should be: nothing can be written under it.
        let blocker = try ScratchDirectory.path("prefilter-blocked")
        try Data("not a directory".utf8).write(to: blocker)
        let cache = SafetyPrefilterCache(directory: blocker.appendingPathComponent("gutbot"), executable: "gutbot 1")
        let reader = CountingReader()
        let answer = cache.requirements(of: Self.patterns, read: reader.read)
        _ = cache.requirements(of: Self.patterns, read: reader.read)
        #expect(reader.calls == 2)
        for (cached, fresh) in zip(answer, SafetyPrefilter.requirements(of: Self.patterns)) { #expect(cached == fresh) }
    }

    @Test func theShippedSafetyDataGivesTheSameVerdictsFromTheCache() throws {
        let cache = SafetyPrefilterCache(directory: try ScratchDirectory.make("prefilter"), executable: "gutbot 1")
        let fresh = try SafetyScreen.load(directories: [TestPackage.safetyDirectory], region: .us)
        let writing = try SafetyScreen.load(directories: [TestPackage.safetyDirectory], region: .us, prefilterCache: cache)
        let reading = try SafetyScreen.load(directories: [TestPackage.safetyDirectory], region: .us, prefilterCache: cache)
        let messages = [
            "i want to kill myself", "this workout is killing me", "i took too many pills", "how much fibre a day",
            "i haven't eaten in days and keep purging", "does kefir help anxiety",
        ]
        for message in messages {
            let verdict = fresh.verdict(for: message)
            #expect(writing.verdict(for: message) == verdict, "\(message)")
            #expect(reading.verdict(for: message) == verdict, "\(message)")
        }
    }
}
