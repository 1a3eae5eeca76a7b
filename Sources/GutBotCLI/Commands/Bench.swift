import ArgumentParser
import Foundation
import GutBotCore

/// `gutbot bench`: measures start-up, time per question (and how it splits
/// between the safety check, topic routing and the two encoders) and peak
/// memory, in process, so numbers reflect gutbot and not a pipe or a JSON parser.
/// Build with `-c release` for numbers worth reporting.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure load time, time per question and peak memory.",
        discussion: "Questions come from FILE, one per line; in a TSV file the text after the last tab is the question.")

    @OptionGroup var options: BotOptions

    @Option(help: "How many times to go through the questions.")
    var rounds = 20

    @Argument(help: "A file of questions.")
    var file: String

    func run() throws {
        let loadStart = DispatchTime.now()
        let engine = try options.loadEngine()
        let loadTime = Self.seconds(since: loadStart)
        let questions = try Self.questions(in: file)
        guard !questions.isEmpty else { throw ValidationError("\(file) holds no questions") }

        var timings: [Double] = []
        timings.reserveCapacity(questions.count * rounds)
        var deep = 0
        for _ in 0..<max(1, rounds) {
            for (number, question) in questions.enumerated() {
                var session = Session(id: "bench-\(number)")
                let start = DispatchTime.now()
                let reply = engine.reply(to: question, in: &session)
                timings.append(Self.seconds(since: start))
                if reply.depth == .deep { deep += 1 }
            }
        }
        let split = Self.split(engine: engine, questions: questions, rounds: rounds)
        timings.sort()
        func percentile(_ p: Double) -> Double { timings[min(timings.count - 1, Int(Double(timings.count) * p))] }
        let mean = timings.reduce(0, +) / Double(timings.count)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        Terminal.line("questions: \(questions.count) x \(rounds) rounds = \(timings.count) replies, each in a fresh session")
        Terminal.line(String(format: "load: %.1f ms (plugins, safety data, index)", loadTime * 1000))
        Terminal.line(
            String(
                format: "per question: mean %.1f us, median %.1f us, p95 %.1f us, p99 %.1f us, max %.1f us",
                mean * 1e6, percentile(0.5) * 1e6, percentile(0.95) * 1e6, percentile(0.99) * 1e6, timings.last! * 1e6))
        Terminal.line(
            String(
                format: "safety: mean %.1f us; routing: mean %.1f us (each stage timed alone on the same questions)",
                split.safety * 1e6, split.routing * 1e6))
        Terminal.line(
            String(
                format: "encoders: quick mean %.1f us, deep mean %.1f us; %.0f%% of replies were read deeply",
                split.quick * 1e6, split.deep * 1e6, 100 * Double(deep) / Double(timings.count)))
        Terminal.line(String(format: "throughput: %.0f questions/s", 1 / mean))
        Terminal.line("peak memory (max RSS): \(usage.ru_maxrss / 1024) MiB")
    }

    /// Mean seconds per question of the stages of a reply, each timed on its
    /// own over every question: the safety screen (in a fresh session, so
    /// exactly the check every first message gets), topic routing (on the
    /// text the engine routes), and each encoder reading the question. Tells
    /// where a slow reply spends its time.
    private static func split(
        engine: Engine, questions: [String], rounds: Int
    ) -> (safety: Double, routing: Double, quick: Double, deep: Double) {
        var safety = 0.0
        var routing = 0.0
        var quick = 0.0
        var deep = 0.0
        var count = 0
        for _ in 0..<max(1, rounds) {
            for (number, question) in questions.enumerated() {
                let fresh = Session(id: "bench-\(number)")
                var session = fresh
                var start = DispatchTime.now()
                _ = engine.safety.screen(question, crisis: &session.crisis)
                safety += seconds(since: start)
                let query = String(question.prefix(Engine.matchLimit))
                start = DispatchTime.now()
                _ = engine.router.route(query, in: fresh)
                routing += seconds(since: start)
                start = DispatchTime.now()
                _ = engine.router.meaning.encoder.encode(query)
                quick += seconds(since: start)
                start = DispatchTime.now()
                _ = engine.router.deepMeaning?.encoder.encode(query)
                deep += seconds(since: start)
                count += 1
            }
        }
        let total = Double(count)
        return (safety / total, routing / total, quick / total, deep / total)
    }

    private static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// The questions of a plain or TSV file; `#` lines and blank lines skipped.
    static func questions(in path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let text = line.split(separator: "\t").last.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            return text.isEmpty || line.hasPrefix("#") ? nil : text
        }
    }
}
