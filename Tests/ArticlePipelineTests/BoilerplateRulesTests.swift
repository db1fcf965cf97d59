import Testing

@testable import ArticlePipeline

/// The `class`/`id` words that mark furniture, read token by token.
@Suite struct BoilerplateRulesTests {
    static func marks(_ value: String) -> Bool {
        BoilerplateRules.hasMarker(value)
    }

    @Test(arguments: [
        "hidden", "hide", "card is-hidden", "js-hidden x", "HIDDEN", "hidden group-hover:block",
        "hidden md:hidden",
    ])
    func aTokenSayingTheElementIsHiddenMarksIt(_ value: String) {
        #expect(Self.marks(value), "\(value)")
    }

    @Test(arguments: [
        "overflow-hidden", "field field--label-hidden", "quick-add-hidden", "hidden-field-value",
        "hide-sibling-opacity", "md:hide-border", "hidden md:block", "lg:flex hidden",
    ])
    func aHidingWordQualifyingAPartOrAPropertyDoesNot(_ value: String) {
        #expect(!Self.marks(value), "\(value)")
    }

    @Test(arguments: [
        "hide-mobile", "hidden-xs hidden-sm", "md:hidden", "hide-for-small-only", "visible-lg",
        "show-for-medium-up", "col-4 hidden-phone",
    ])
    func aTokenHidingItOnSomeScreenSizesMarksIt(_ value: String) {
        #expect(Self.marks(value), "\(value)")
    }

    @Test(arguments: ["post-meta", "entry-date", "author-bio", "article__tags", "meta", "td-post-date"])
    func headWordsMarkWhenTheyEndAToken(_ value: String) {
        #expect(Self.marks(value), "\(value)")
    }

    @Test(arguments: [
        "hs_cos_wrapper_meta_field", "date-outer", "date-posts", "game_meta_data", "tags-cloud x",
    ])
    func headWordsEarlierInACompoundDoNot(_ value: String) {
        #expect(!Self.marks(value), "\(value)")
    }

    @Test(arguments: ["site-nav", "comments", "sidebar-left", "ad", "social-share", "newsletter-box"])
    func prefixesAndMarkerWordsMarkAnywhere(_ value: String) {
        #expect(Self.marks(value), "\(value)")
    }

    @Test(arguments: ["commentary", "article-body", "content", "story"])
    func contentWordsDoNotMark(_ value: String) {
        #expect(!Self.marks(value), "\(value)")
    }

    @Test(arguments: [
        "top-[var(--nav-height)]",
        "lg:grid-cols-sidebar-content", "with-sidebar", "has-banner", "text-color-navy", "bg-navy-800",
    ])
    func utilitiesAndLayoutDescriptorsDoNotMark(_ value: String) {
        #expect(!Self.marks(value), "\(value)")
    }

    @Test(arguments: ["footer__links", "site-footer", "post__comments", "sidebar-right"])
    func blockAndElementNamesMark(_ value: String) {
        #expect(Self.marks(value), "\(value)")
    }
}
