import Foundation
import GutBotCore

/// The starter file `gutbot new-plugin` writes: a complete, commented topic
/// plugin that loads and passes `gutbot check` as it is, so an author starts
/// from something that works and changes one thing at a time.
///
/// Its topic (a fun fact and a true-or-false question) is one no shipped
/// plugin answers, so its examples do not fight the shipped ones for routing.
public enum PluginTemplate {
    /// Ids the core or the plugin folder already use for something else.
    public static let reservedIDs: Set<String> = CorePluginID.reserved.union(["lexicon"])

    /// Why `id` cannot name a new plugin, or `nil` when it can.
    public static func problem(with id: String) -> String? {
        guard id.range(of: "^[a-z][a-z0-9_-]*$", options: .regularExpression) != nil else {
            return "the plugin id '\(id)' must start with a lowercase letter and use only lowercase letters, digits, '-' or '_'"
        }
        if reservedIDs.contains(id) {
            return id == "lexicon"
                ? "the id 'lexicon' would write lexicon.yml, the shared synonym file"
                : "the plugin id '\(id)' is reserved for the core"
        }
        return nil
    }

    /// The file name of plugin `id`.
    public static func fileName(for id: String) -> String {
        "\(id).yml"
    }

    /// A readable name made from `id`: `gut-facts` gives `Gut facts`.
    public static func name(for id: String) -> String {
        let words = id.split(whereSeparator: { $0 == "-" || $0 == "_" }).joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// The starter file for plugin `id` (which ``problem(with:)`` accepts).
    public static func text(for id: String) -> String {
        """
        # gutbot topic plugin: \(id)
        #
        # A starter written by `gutbot new-plugin`. It loads and passes `gutbot check`
        # as it is; replace the two intents below with your own topic, one change at
        # a time, running `gutbot check` after each. Plugins/README.md explains every
        # key. Answers use only what the article says, in the project's own words: no
        # dosages, no diagnosis, and never advice to start, stop or change a medication.

        # id: the plugin's stable name, used in replies, transcripts, `gutbot eval`
        # labels and the JSON protocol. Lowercase letters, digits, '-' or '_'. A file
        # later on the plugin path with the same id replaces this one.
        id: \(id)

        # name: a short human name, listed by /topics and in the fallback reply
        # ("I can talk about diet, sleep, ...").
        name: \(name(for: id))

        # summary: one line on what the plugin covers, shown by /topics and /help.
        summary: A fun fact about the gut and a true-or-false question from the article.

        # synonyms (optional): words people type, mapped to words your examples
        # already use. They add to a question, never replace what was typed, and they
        # apply to every plugin, so keep them specific. Synonyms shared by all plugins
        # go in Plugins/lexicon.yml instead.
        synonyms:
          factoid: fact
          tidbit: fact
          trivia: quiz

        # intents: the questions this plugin answers. Each one needs an id (unique in
        # this file), examples, an answer and a source.
        intents:
          - id: fun-fact
            # title (optional): a short human name for the intent, shown in clarifying
            # questions, /why and /help; without it gutbot uses the answer's first words.
            title: A fun gut fact
            # examples: at least 8 varied phrasings, written the way people type:
            # short and long, questions and fragments, a typo or two, synonyms. The
            # router learns from these words only, so a phrasing nobody wrote here is
            # reached only through shared words.
            examples:
              - tell me a fun fact
              - give me a fun fact about the gut
              - any interesting facts about the gut?
              - surprise me with a gut fact
              - something cool about my stomach
              - random gut fact please
              - fun fact about serotonin
              - tell me somthing intresting about my gut
              - whats a weird fact about digestion
            # answer: 2 to 6 sentences in your own words, using only the article's
            # facts; be as cautious as the article is. `{topics}` in an answer is
            # replaced by the list of topics gutbot knows.
            answer: >-
              Here is one: most of your body's serotonin is made and stored in your gut, not in
              your brain. Your gut also has its own nervous system, the enteric nervous system, with
              hundreds of millions of neurons that work partly on their own. It uses many of the
              same chemical messengers as the brain, serotonin among them.
            # source: the article heading the answer comes from, spelled exactly as in
            # the article (Plugins/README.md lists them). gutbot shows it under the answer.
            source: "What Is Serotonin — in Plain Language"
            # follow_up (optional): the intent of this plugin that "tell me more" leads to.
            follow_up: true-or-false

          - id: true-or-false
            examples:
              - quiz me
              - give me a quiz question
              - test my knowledge about the gut
              - true or false question please
              - ask me a true or false
              - can you quiz me on serotonin
              - gut brain quiz
              - trivia question about the gut
              - quizz me on gut health
            answer: >-
              True or false: serotonin made in the gut travels straight to the brain. False. Gut
              serotonin cannot cross the blood-brain barrier, so its effect on the brain is
              indirect, through nerves, immune signals and how much tryptophan is available. The
              article lists this among the common myths about the gut and mood.
            source: "Common Myths and Misconceptions"

        """
    }
}
