/// The authors of a page, from what it declares before what it shows: `<meta name=author>` (and
/// `article:author`, `dc.creator`), JSON-LD people and organisations, microdata and `rel=author`,
/// then byline-like elements, a labelled byline ("Posted by …", "Thread starter …") and a Korean
/// signature. A declared team or role ("Editorial Team", "Resy Staff") is the byline when no
/// labelled byline names people; a declared news agency gives no author.
extension HTMLMetadataExtractor {
    /// What the page says about its authors, gathered in one pass over its nodes.
    struct AuthorEvidence {
        var declared: [String] = []
        var jsonLDPeople: [String] = []
        var jsonLDOrganisations: [String] = []
        var itemAuthor: String?
        var itemAuthorNode: Int?
        var relAuthor: String?
        /// Elements whose class marks a byline, in document order.
        var bylineElements: [Int] = []
        /// Letters of the site's names (`TitleChoice.siteKeys`).
        var siteKeys: Set<String> = []
        /// The page's first `<h1>`.
        var heading: Int?
        /// The first element whose class names a user name, read on forum threads only.
        var username: Int?
        /// A name the page's card meta tags label as the writer (`twitter:label1` "Written by",
        /// `twitter:data1` the name).
        var cardWriter: String?
        /// The page is a product's: names inside its customers' reviews are reviewers.
        var dropsReviews = false
        /// The page is not a piece of writing (a service, a product, a listing…): only the authors
        /// its markup declares count; the names it shows are of its staff, its reviewers or the
        /// items it lists.
        var declaredOnly = false
        /// The page is a forum thread: its writers are accounts, and their names are the bylines.
        var forum = false
    }

    /// Byline elements with this many different names list other pages' stories.
    static let listingBylines = 3

    /// The authors the evidence supports, or none.
    func authors(from evidence: AuthorEvidence) -> [String] {
        let names = candidateAuthors(from: evidence)
        // The site or its publisher ("Harbourworks Inc" on docs.harbourworks.example) or a login
        // ("orla.byrne") declared as the author is the weakest evidence: a person the page shows in
        // its byline wins.
        guard !evidence.forum, !names.isEmpty, names.allSatisfy({ isWeakAuthor($0, keys: evidence.siteKeys) })
        else {
            return names
        }
        if let shown = shownAuthors(evidence),
            !shown.contains(where: { isWeakAuthor($0, keys: evidence.siteKeys) || !Self.isCleanName($0) })
        {
            return shown
        }
        // Never the site's name unless the page shows it as the byline: declared only in markup,
        // it says who publishes the page, not who wrote it.
        return names.filter { Self.isAccountHandle($0) || bylineText(naming: $0) != nil }
    }

    /// The names the page shows as its byline: a labelled byline, byline-like elements or the line
    /// under the headline.
    private func shownAuthors(_ evidence: AuthorEvidence) -> [String]? {
        if evidence.declaredOnly { return nil }
        if let names = labelledByline() { return names }
        let elements =
            evidence.dropsReviews
            ? evidence.bylineElements.filter { !isInReview($0) } : evidence.bylineElements
        return visibleBylines(elements, siteKeys: evidence.siteKeys)
            ?? evidence.heading.flatMap { bylineAfterHeading($0) }
    }

    /// A name without brackets, quotes or page controls ("Matt Godbolt (the developer of", "Full
    /// bio" are pieces of sentences and links, not bylines).
    private static func isCleanName(_ name: String) -> Bool {
        !name.contains(where: { "()[]\"“”«»:".contains($0) }) && !isInterfaceText(name)
    }

    /// A site's or publisher's name, or a login.
    private func isWeakAuthor(_ name: String, keys: Set<String>) -> Bool {
        (isPublisher(name, keys: keys) && !Self.readsAsPerson(name)) || Self.isAccountHandle(name)
    }

    /// Two or three words, the first a known given name: a writer's own site bears their name
    /// ("Heather Handmade" on heatherhandmade.com).
    private static func readsAsPerson(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard (2...3).contains(words.count), let first = words.first else { return false }
        return Gazetteer.isGivenName(first.lowercased())
    }

    /// The authors the declarations support, else what the page shows.
    private func candidateAuthors(from evidence: AuthorEvidence) -> [String] {
        let declared = Self.splitAuthors(evidence.declared)
        if !declared.isEmpty {
            let people = declared.filter { !MetadataCleanup.isRoleOrAgency($0) }
            if !people.isEmpty { return people }
            let teams = declared.filter { !MetadataCleanup.isAgency($0) }
            return labelledByline() ?? teams
        }
        let jsonLD = Self.splitAuthors(evidence.jsonLDPeople)
        if !jsonLD.isEmpty {
            let named = jsonLD.filter { !MetadataCleanup.isAgency($0) }
            return named.isEmpty ? labelledByline() ?? [] : named
        }
        if evidence.declaredOnly { return declaredOrganisation(evidence) }
        // On a forum thread the first user name is the first post's writer; labels and byline-like
        // elements elsewhere name others too (a list of hot threads, the last poster).
        if let element = evidence.username,
            let names = Self.declaredNames(document.rawText(of: element).collapsingWhitespace())
        {
            return names
        }
        // An explicit label ("Posted by", "Thread starter") names the writer more surely than
        // microdata or byline-like elements, which also mark replies and other stories.
        if let names = labelledByline() { return names }
        let itemAuthor =
            evidence.dropsReviews && evidence.itemAuthorNode.map(isInReview) == true
            ? nil : evidence.itemAuthor
        for name in [itemAuthor, evidence.relAuthor] {
            if let names = name.flatMap(Self.declaredNames) { return names }
        }
        let bylines =
            evidence.dropsReviews
            ? evidence.bylineElements.filter { !isInReview($0) } : evidence.bylineElements
        if let names = visibleBylines(bylines, siteKeys: evidence.siteKeys) { return names }
        if let names = evidence.heading.flatMap({ bylineAfterHeading($0) }) ?? koreanSignature() {
            return names
        }
        // The writer a publishing system labels in the card tags, when the page shows no byline.
        if let names = evidence.cardWriter.flatMap(Self.declaredNames) { return names }
        return declaredOrganisation(evidence)
    }

    /// Last, an organisation JSON-LD names as the author, unless it is the site itself.
    private func declaredOrganisation(_ evidence: AuthorEvidence) -> [String] {
        let organisations = evidence.jsonLDOrganisations.filter {
            !MetadataCleanup.isAgency($0) && !isSiteName($0, keys: evidence.siteKeys)
        }
        return organisations.first.map { [$0] } ?? []
    }

    /// The names of the innermost byline elements: the first that reads as names of people, unless
    /// the elements name three or more different people (a list of other stories).
    func visibleBylines(_ elements: [Int], siteKeys: Set<String>) -> [String]? {
        let innermost = elements.enumerated().filter { offset, index in
            offset + 1 == elements.count || !isInside(elements[offset + 1], index)
        }
        var found: [[String]] = []
        var team: String?
        // The first dozen are enough to tell a byline from a list (comments may bring hundreds).
        for (_, element) in innermost.prefix(12) {
            guard let names = linkedNames(in: element) ?? Self.bylineNames(document.rawText(of: element))
            else {
                continue
            }
            let people = names.filter {
                !MetadataCleanup.isRoleOrAgency($0) && !isSiteName($0, keys: siteKeys)
                    && !Self.isSignature($0)
                    && !Self.isInterfaceText($0)
            }
            if !people.isEmpty, !found.contains(people) { found.append(people) }
            if found.count >= Self.listingBylines { return nil }
            if team == nil, people.isEmpty {
                team = names.first { MetadataCleanup.isTeam($0) && !Self.isInterfaceText($0) }
            }
        }
        // A team shown as the byline ("Podium Staff", "The Currency editors") when no person is.
        return found.first ?? team.map { [$0] }
    }

    /// The names of the links inside a byline element, each read whole: a byline links its names
    /// to their pages, while labels, roles and desks beside them are plain text ("By <a>Summer
    /// Swann</a>", "<a>Harry Rabinowitz</a><span>Tech</span>"). Nil when a link does not read as a
    /// name or there is none.
    func linkedNames(in element: Int) -> [String]? {
        var names: [String] = []
        var index = element + 1
        while index < document.nodes.count, isInside(index, element) {
            defer { index += 1 }
            guard document.nodes[index].kind == .element, document.nodes[index].tag == .a else { continue }
            let text = document.rawText(of: index).collapsingWhitespace()
            guard !text.isEmpty else { continue }
            guard let found = Self.bylineNames(text) else { return nil }
            names += found.filter { !names.contains($0) }
        }
        return names.isEmpty ? nil : names
    }

    /// Names a page declares in markup (microdata, `rel=author`): as a visible byline, or one
    /// account name ("amondale", "hayley.p").
    static func declaredNames(_ text: String) -> [String]? {
        if let names = bylineNames(text) { return names }
        return accountName(text).map { [$0] }
    }

    /// One word of 4 to 40 letters, digits and `._-` that is not a generic account ("admin").
    static func accountName(_ text: String) -> String? {
        let word = text.trimmingASCIIWhitespace()
        guard (4...40).contains(word.count), word.contains(where: \.isLetter),
            word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" }),
            !MetadataCleanup.isGenericAccount(word)
        else { return nil }
        return word
    }

    /// Words of page controls and labels that byline-like elements also hold ("Sign In",
    /// "Follow the author", "Written By").
    private static let interfaceWords: Set<String> = [
        "sign", "log", "login", "logout", "follow", "written", "posted", "touch", "authorized", "dealer",
        "subscribe", "share", "menu", "register", "contact", "author", "authors", "name", "testimonial",
        "review", "reviews", "more", "view", "read", "comments", "edit", "privacy", "policy", "terms",
        "cookies", "bio",
    ]

    /// Whether a byline-like text is a control or a label rather than a name.
    static func isInterfaceText(_ name: String) -> Bool {
        name.lowercased().split(whereSeparator: { !$0.isLetter }).contains {
            interfaceWords.contains(String($0))
        }
    }

    /// A review signature: a first name and an initial ("Tom K.").
    static func isSignature(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard words.count == 2, let last = words.last else { return false }
        return last.count == 2 && last.hasSuffix(".") && last.first?.isUppercase == true
    }

    /// Whether a class attribute has a token naming a user name ("username", "ipsEntry__username",
    /// "PostUser-name").
    static func isUsernameClass(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ASCII.contains(bytes, "username") || ASCII.contains(bytes, "user-name")
    }

    /// Whether `node` or one of its ancestors is a review: a class or `itemprop` naming one, or a
    /// schema.org `Review` item.
    func isInReview(_ node: Int) -> Bool {
        var current = node
        while current > 0 {
            for name: StaticString in ["class", "itemprop", "itemtype"] {
                if var value = document.attribute(name, of: current),
                    value.withUTF8({ ASCII.contains($0, "review") || ASCII.contains($0, "Review") })
                {
                    return true
                }
            }
            current = Int(document.nodes[current].parent)
        }
        return false
    }

    /// Whether `node` lies inside a schema.org `Comment` item: its date and author are the
    /// comment's (a question's comments under a thread).
    func isInComment(_ node: Int) -> Bool {
        var current = Int(document.nodes[node].parent)
        while current > 0 {
            if var type = document.attribute("itemtype", of: current),
                type.withUTF8({ ASCII.contains($0, "schema.org/comment") })
            {
                return true
            }
            current = Int(document.nodes[current].parent)
        }
        return false
    }

    /// Whether `name` is the site's own name.
    func isSiteName(_ name: String, keys: Set<String>) -> Bool {
        let letters = MetadataCleanup.siteLetters(name)
        return !letters.isEmpty && keys.contains(letters)
    }

    /// Words a company's name ends with ("Harbourworks Inc", "Lindqvist Dental PC", "Quill Official").
    private static let companyEndings: Set<String> = [
        "inc", "llc", "ltd", "pc", "co", "corp", "plc", "gmbh", "group", "company", "official", "publishing",
        "news",
    ]

    /// Whether `name` names the site or the company behind it: its letters, without company
    /// endings and a domain ending ("Harbourworks.com"), are one of the site's keys (host labels,
    /// site names), also after a label glued to them.
    func isPublisher(_ name: String, keys: Set<String>) -> Bool {
        if isSiteName(name, keys: keys) { return true }
        var words = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "," })
        while words.count > 1, let last = words.last,
            Self.companyEndings.contains(String(last.filter { $0 != "." && $0 != "®" }))
        {
            words.removeLast()
        }
        var text = words.joined(separator: " ")
        for ending in [".com", ".org", ".net", ".io", ".co.uk"] where text.hasSuffix(ending) {
            text.removeLast(ending.count)
        }
        let letters = MetadataCleanup.siteLetters(text)
        // A label glued to the site's name ("AuthorVenteur") still names the site.
        return letters.count >= 3
            && (keys.contains(letters) || keys.contains { $0.count >= 5 && letters.hasSuffix($0) })
    }

    /// A login rather than a name: one word without capitals ("orla.byrne", "nell-ashdown",
    /// "user4821").
    static func isAccountHandle(_ name: String) -> Bool {
        !name.contains(" ") && name.contains(where: \.isLetter) && !name.contains(where: \.isUppercase)
    }
}
