import Testing

@testable import ArticlePipeline

/// The headings that open readers' comments, read from the page's words.
@Suite struct CommentHeadingTests {
    @Test(arguments: [
        "Comments", "12 Comments", "Comments (12)", "1 comment", "Reader comments", "Top Rated Comments",
        "34 responses to “Anthony Lynn: We needed to win this game”", "3 Replies to Why we moved",
        "Responses to this post", "Leave a Reply", "Post a comment", "Add your comment", "Kommentare (4)",
        "Commentaires", "No comments yet", "Comments on “Spring budget”",
    ])
    func headingsThatOpenTheCommentsMatch(_ text: String) {
        #expect(CommentHeading.matches(text), "\(text)")
    }

    @Test(arguments: [
        "Response:", "Responses", "Replies", "Comment policy",
        "Comments are closed for legal reasons on this story",
        "Commentary", "Public comment period ends in March", "The council invites comments on the plan",
        "How to leave a comment on a pull request", "Related articles", "",
    ])
    func otherLinesDoNot(_ text: String) {
        #expect(!CommentHeading.matches(text), "\(text)")
    }

    @Test func aLongLineIsASentenceNotAHeading() {
        let line = "Comments " + String(repeating: "1", count: CommentHeading.maxLength)
        #expect(!CommentHeading.matches(line))
    }
}
