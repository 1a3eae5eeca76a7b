import Foundation
import GutBotCore

/// The chat's slash-commands and conversation state, shared by the REPL and
/// the pipe chat so that both answer `/help`, `/source` and the rest alike.
/// A line starting with `/` is always a command here, never a question.
struct ChatCommands {
    /// Where the chat runs: the pipe chat has no recording commands.
    enum FrontEnd { case repl, pipe }

    /// What a command shows: plain lines, or article text quoted as such.
    enum Block: Equatable {
        case text(String)
        case quote(heading: String, lines: [String], footer: String?)
    }

    /// What to do after a command.
    enum Outcome: Equatable {
        case show([Block])
        case leave
        /// A reply to show as any reply is shown: the safety screen's, to a
        /// crisis typed after a slash.
        case answer(Reply)
    }

    /// The engine answering; `/reload` replaces it.
    var engine: Engine
    /// The conversation; `/reset` forgets it.
    var session = Session(id: JSONLines.defaultSession)
    /// The last reply, which `/why` and `/source` explain.
    var last: Reply?
    let options: BotOptions
    let frontEnd: FrontEnd

    init(engine: Engine, options: BotOptions, frontEnd: FrontEnd) {
        var engine = engine
        engine.helpCommand = "/help"
        self.engine = engine
        self.options = options
        self.frontEnd = frontEnd
    }

    /// The commands with what they do, for /help and completion.
    var commands: [(name: String, help: String)] {
        var list: [(name: String, help: String)] = [
            ("/help", "TOPIC: what gutbot can talk about and these commands; with a topic, its questions"),
            ("/topics", "the topics gutbot knows"),
            ("/why", "why the last reply was chosen: the top candidates and matched terms"),
            ("/source", "the article passage the last answer came from, quoted (/source all: the whole section)"),
            ("/reset", "forget this conversation and start afresh"),
            ("/reload", "load the plugin files again (a failed reload keeps the current ones)"),
        ]
        if frontEnd == .repl { list += RecordCommand.commands }
        list.append(("/quit", "leave (so do quit, exit, Ctrl-D)"))
        return list
    }

    /// Answers an ordinary message.
    mutating func reply(to text: String) -> Reply {
        let reply = engine.reply(to: text, in: &session)
        last = reply
        return reply
    }

    /// Runs the slash-command `text`.
    mutating func run(_ text: String) -> Outcome {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        let name = parts.first?.lowercased() ?? text
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch name {
        case "/quit", "/exit", "/bye", "/q":
            return .leave
        case "/help", "/?":
            return .show([.text(argument.isEmpty ? help() : help(topic: argument))])
        case "/topics":
            return .show([.text(topics())])
        case "/why":
            return .show([
                .text(
                    last.map { ReplyRenderer.why($0, engine: engine) }
                        ?? "Ask something first; then /why shows how the answer was chosen.")
            ])
        case "/source":
            return .show([source(whole: argument.lowercased() == "all")])
        case "/reset":
            let acknowledgement = engine.reset(&session)
            last = nil
            return .show([.text(acknowledgement.text)])
        case "/reload":
            return .show([.text(reload())])
        case "/record", "/stop":
            return .show([.text("\(name) works only in the interactive chat; from a pipe, use `gutbot chat --record FILE`.")])
        default:
            // A slash is no shield from the safety screen: "/kill myself" gets
            // help, not a list of commands.
            if let reply = Self.safetyReply(to: String(text.dropFirst()), engine: engine, session: &session) {
                last = reply
                return .answer(reply)
            }
            return .show([
                .text(
                    "Unknown command \(name). Commands: " + commands.map(\.name).joined(separator: ", ")
                        + ". (A line starting with / is never read as a question.)")
            ])
        }
    }

    /// What follows the slash when `text` (spaces around it aside) is a
    /// slash-command, for the front ends that refuse them; `nil` otherwise.
    static func slashCommand(in text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("/") ? String(trimmed.dropFirst()) : nil
    }

    /// The reply to `text` when the safety screen answers it (a crisis, or
    /// distress), with `session` updated as for any message, so its reminders
    /// follow; `nil` otherwise, with `session` untouched: a line that is not a
    /// question must not count as a turn or move the conversation's topic.
    static func safetyReply(to text: String, engine: Engine, session: inout Session) -> Reply? {
        var trial = session
        let reply = engine.reply(to: text, in: &trial)
        guard reply.pluginID == Reply.safetyID || reply.pluginID == Reply.supportID else { return nil }
        session = trial
        return reply
    }

    private func topics() -> String {
        engine.plugins.map { "  \($0.id): \($0.name) — \($0.summary)" }.joined(separator: "\n")
    }

    private func help() -> String {
        var lines = [
            "gutbot \(GutBotVersion.current). Ask a question in your own words. I answer from one article "
                + "and say which section each answer comes from.", "", "Topics (/help TOPIC lists a topic's questions):",
        ]
        lines.append(topics())
        lines.append("")
        lines.append("Commands:")
        lines += commands.map { "  \($0.name)  \($0.help)" }
        lines.append("")
        lines.append("If you are in crisis, please contact your local emergency number or findahelpline.com.")
        lines.append("")
        // Says which safety data is in force, so a user can see it was not replaced.
        lines.append(engine.safety.originSummary)
        return lines.joined(separator: "\n")
    }

    /// A topic's intents by title, each with one example question.
    private func help(topic: String) -> String {
        let wanted = topic.lowercased()
        let plugin =
            engine.plugins.first { $0.id == wanted || $0.name.lowercased() == wanted }
            ?? engine.plugins.first { $0.id.hasPrefix(wanted) || $0.name.lowercased().hasPrefix(wanted) }
        guard let plugin else {
            return "I have no topic called \"\(topic)\". Topics: " + engine.plugins.map(\.id).joined(separator: ", ") + "."
        }
        var lines = ["\(plugin.name) — \(plugin.summary)", ""]
        for intent in plugin.intents {
            // The first example that reads as a question, not a bare keyword.
            let question = intent.examples.first { $0.split(separator: " ").count >= 4 } ?? intent.examples.first
            let example = question.map { " — for example, \"\($0)\"" } ?? ""
            lines.append("  \(intent.title)\(example)")
        }
        return lines.joined(separator: "\n")
    }

    private func source(whole: Bool) -> Block {
        guard let last else { return .text("Ask something first; then /source quotes the part of the article the answer came from.") }
        guard let heading = last.source else {
            return .text("That reply did not come from the article, so there is no passage to show.")
        }
        let passage = whole ? ArticlePassage.section(heading) : ArticlePassage.bestMatch(heading: heading, answer: last.text)
        guard let passage else { return .text("The article has no section \"\(heading)\".") }
        let footer = passage.isWholeSection ? nil : "(The closest paragraph of that section; /source all quotes the whole section.)"
        return .quote(heading: passage.heading, lines: passage.lines, footer: footer)
    }

    private mutating func reload() -> String {
        switch options.reloadEngine() {
        case .success(var fresh):
            fresh.helpCommand = engine.helpCommand
            engine = fresh
            let intents = fresh.plugins.reduce(0) { $0 + $1.intents.count }
            return "Reloaded: \(fresh.plugins.count) plugins, \(intents) intents, and the safety plugin."
        case .failure(let failure):
            return "Reload failed, so I kept the plugins I had:\n" + failure.problems.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}

extension ChatCommands.Block {
    /// The block as text, wrapped to `width` columns on a terminal (`nil`: not
    /// wrapped). A quote is headed by its section heading and each of its lines
    /// starts with "> ", so it can never be mistaken for gutbot's own words.
    /// An indented line (an item of /help's or /why's lists) wraps under its
    /// own text, two columns in, so the list still reads as a list.
    func rendered(width: Int?) -> String {
        func wrap(_ text: String, _ columns: Int?) -> String {
            guard let columns else { return text }
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                let indent = line.prefix { $0 == " " }.count
                let hanging = indent + 2
                // Too narrow a window for the indent to leave room: wrap as it is.
                guard indent > 0, columns - hanging >= 20 else { return TextWrapper.wrap(String(line), width: columns) }
                let body = TextWrapper.wrap(String(line.dropFirst(indent)), width: columns - hanging)
                return String(repeating: " ", count: indent)
                    + body.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: hanging))
            }.joined(separator: "\n")
        }
        switch self {
        case .text(let text):
            return wrap(text, width)
        case .quote(let heading, let lines, let footer):
            var out = [wrap("From the article, section \u{201C}\(heading)\u{201D}:", width)]
            for line in lines {
                out += wrap(line, width.map { max($0 - 2, 20) }).split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "> " + $0 }
            }
            if let footer { out.append(wrap(footer, width)) }
            return out.joined(separator: "\n")
        }
    }
}
