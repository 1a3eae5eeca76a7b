/// Words too common to tell one intent from another. Negations and words such
/// as "much", "more" or "why" stay: they change what a question asks.
public enum Stopwords {
    /// The English list, lowercase.
    public static let english: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with",
        "about", "as", "into", "from", "up", "so", "than", "then", "there", "here", "this", "that",
        "these", "those", "it", "its", "i", "me", "my", "mine", "myself", "we", "us", "our", "you",
        "your", "he", "him", "his", "she", "her", "they", "them", "their", "is", "am", "are", "was",
        "were", "be", "been", "being", "do", "does", "did", "doing", "have", "has", "had", "having",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "what", "whats",
        "which", "who", "whom", "whose", "when", "where", "how", "just", "really", "very", "any",
        "some", "all", "also", "too", "please", "know", "think", "get", "got", "thing",
        "things", "like", "lot", "lots", "bit", "kind", "sort", "actually", "anyone", "someone",
        "something", "anything", "um", "uh", "s",
    ]
}
