/// The heading that opens the readers' comments under an article ("Comments", "12 Comments",
/// "3 Responses to …", "Leave a Reply", "Kommentare (4)"). What follows it on the page is the
/// readers', not the article's: on a page that is not a thread, the article's text ends there,
/// also when no `class` or `id` names the comments (older markup, or class names that say nothing).
///
/// A bare "Response:" is not one (an API reference labels its examples so): responses count only
/// with a number or "to/on …".
enum CommentHeading {
    /// Longer lines are sentences that mention comments, not headings.
    static let maxLength = 120

    /// Nouns that name the comments, in the languages the pipeline reads most.
    static let nouns: Set<String> = [
        "comment", "comments", "kommentar", "kommentare", "commentaire", "commentaires", "comentario",
        "comentarios", "comentário", "comentários", "commento", "commenti", "reactie", "reacties",
        "komentarze", "komentarzy",
    ]
    /// Nouns that name them only with a count or "to/on …" ("3 Responses", "Responses to X").
    static let countedNouns: Set<String> = ["responses", "replies", "reactions"]
    /// Words that may lead the noun: "Reader comments", "Top rated comments", "Show comments".
    static let leads: Set<String> = [
        "reader", "readers", "user", "users", "latest", "recent", "top", "rated", "all", "show", "view",
        "your", "the", "visitor", "visitors", "no",
    ]
    /// Invitations that open the comment form: "Leave a reply", "Post a comment".
    static let verbs: Set<String> = ["leave", "post", "add", "write", "submit"]
    static let invited: Set<String> = ["comment", "reply", "response", "comments"]

    /// True when `text` is such a heading.
    static func matches(_ text: String) -> Bool {
        guard text.utf8.count <= maxLength else { return false }
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        guard let last = words.last, words.count <= 12 else { return false }
        // "Leave a Reply", "Post a comment", "Add your comment".
        if let first = words.first, verbs.contains(String(first)), words.count <= 4,
            invited.contains(String(last))
        {
            return true
        }
        // "Comments", "12 Comments", "Comments (12)", "Reader comments", "3 Responses to “Title”".
        var index = 0
        var counted = false
        while index < words.count, words[index].allSatisfy(\.isNumber) || leads.contains(String(words[index]))
        {
            if words[index].allSatisfy(\.isNumber) { counted = true }
            index += 1
        }
        guard index < words.count else { return false }
        let noun = String(words[index])
        let rest = words[(index + 1)...]
        let restIsCount = rest.allSatisfy { $0.allSatisfy(\.isNumber) } || rest.elementsEqual(["yet"])
        if nouns.contains(noun) {
            // "Comments on “Title”" names the comments too; "comments policy" does not.
            return restIsCount || rest.first == "on" || rest.first == "to"
        }
        if countedNouns.contains(noun) {
            let toTitle = rest.first == "to" || rest.first == "on"
            return (counted && (restIsCount || toTitle)) || toTitle
        }
        return false
    }
}
