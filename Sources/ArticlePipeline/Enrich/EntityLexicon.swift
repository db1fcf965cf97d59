/// Hand-made word lists the entity recogniser reads context from (lower-cased).
///
/// Kept small on purpose: the gazetteer (generated from open data) knows places and given names;
/// these lists only know how news prose introduces people, organisations and places.
enum EntityLexicon {
    /// Words before a name that make it a person: "President Putin", "Sen. Warren", "coach Lynn".
    static let personTitles: Set<String> = [
        "president", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "sen", "senator", "rep",
        "representative", "gov", "governor", "mayor", "minister", "premier", "chancellor", "secretary",
        "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "judge", "justice", "gen",
        "general", "col", "colonel", "lt", "capt", "captain", "sgt", "sergeant", "officer", "detective",
        "prof", "professor", "rev", "father", "pope", "king", "queen", "prince", "princess", "ceo",
        "chairman", "chairwoman", "chair", "director", "coach", "actor", "actress", "singer", "rapper",
        "author", "writer", "chief", "commissioner", "attorney", "lawyer", "dean", "speaker", "leader",
        "adviser", "advisor", "analyst", "economist", "founder", "cofounder", "co-founder", "executive",
        "host", "quarterback", "striker", "manager", "player", "sheriff", "superintendent", "deputy",
        "vice", "rabbi", "imam", "bishop", "cardinal", "archbishop", "sultan", "emir", "sheikh", "crown",
        "duke", "duchess", "defender", "midfielder", "goalkeeper", "pitcher", "guard", "forward", "star",
        "sister", "brother", "wife", "husband", "son", "daughter", "mother", "dad", "mom", "uncle", "aunt",
        "correspondent", "reporter", "editor", "columnist", "researcher", "scientist", "designer",
        "artist", "photographer", "producer", "journalist", "rapporteur", "comedian", "dj", "chef",
        "doctor", "nurse", "official", "owner", "student", "teacher", "engineer", "activist", "lawmaker",
        "diplomat", "prosecutor", "investigator", "candidate", "politician", "commander",
    ]

    /// Titles that are jobs, ranks in a team or kinship: a title before a name only when written in
    /// lower case ("Brazil star Neymar"); capitalised they are part of some other name ("Star Wars").
    static let lowercaseOnlyTitles: Set<String> = [
        "actor", "actress", "singer", "rapper", "author", "writer", "host", "quarterback", "striker",
        "player", "star", "defender", "midfielder", "goalkeeper", "pitcher", "guard", "forward", "wife",
        "husband", "son", "daughter", "dad", "mom", "uncle", "aunt", "correspondent", "reporter", "columnist",
        "researcher", "scientist", "designer", "artist", "photographer", "producer", "journalist",
        "comedian", "dj", "chef", "nurse", "official", "owner", "student", "teacher", "engineer", "activist",
        "lawmaker", "diplomat", "investigator", "candidate", "politician", "analyst", "economist",
    ]

    /// Verbs of sport results: their subject and object are the same kind of name ("Ann Lee beat
    /// Mia Ko": when one is a person, so is the other).
    static let contestVerbs: Set<String> = [
        "beat", "beats", "beating", "beaten", "defeated", "defeats", "defeating", "edged", "edges", "edging",
        "topped", "tops", "downed", "stunned", "outlasted", "eliminated", "overcame", "ousted", "routed",
        "vs", "versus", "against",
    ]

    /// Words naming what kind of place a place is: "Kursk Region", "Inner Mongolia Autonomous Region".
    static let placeDescriptors: Set<String> = [
        "region", "province", "oblast", "prefecture", "governorate", "autonomous", "territory",
    ]

    /// Nouns of an apposition that make the name before it a place: "Varnby, a village north of …".
    static let appositionPlaceNouns: Set<String> = [
        "village", "town", "city", "suburb", "county", "region", "province", "district", "island", "state",
        "country", "neighbourhood", "neighborhood", "hamlet", "municipality", "capital", "port", "resort",
    ]

    /// Nouns of an apposition that make the name before it an organisation: "Quillon, a messaging app".
    static let appositionOrganizationNouns: Set<String> = [
        "company", "group", "label", "firm", "band", "studio", "agency", "publisher", "retailer", "startup",
        "airline", "broadcaster", "newspaper", "club", "team", "organisation", "organization", "charity",
        "site", "website", "platform", "app", "network", "service", "maker", "manufacturer", "chain",
        "outlet", "magazine", "party", "union", "nonprofit", "non-profit", "institute", "university",
        "bank", "insurer", "carrier", "operator", "developer", "subsidiary", "conglomerate", "giant",
        "watchdog", "regulator", "ministry", "council", "coalition", "movement", "militia", "provider",
        "supplier", "distributor", "lender", "exporter", "importer", "vendor",
    ]

    /// Words ending like a role noun ("-er", "-or", "-ist", "-ian", "-man", "-ee") that name no one:
    /// comparatives, adverbs, colours, things.
    static let notRoleNouns: Set<String> = [
        "former", "newer", "older", "younger", "elder", "bigger", "larger", "higher", "lower", "greater",
        "better", "earlier", "later", "under", "never", "ever", "rather", "whether", "together", "either",
        "neither", "another", "further", "upper", "inner", "outer", "latter", "sooner", "faster", "stronger",
        "longer", "smaller", "tougher", "harder", "closer", "wider", "deeper", "cheaper", "easier", "bolder",
        "brighter", "lighter", "heavier", "safer", "riskier", "wealthier", "poorer", "richer", "taller",
        "shorter", "broader", "fewer", "slower", "quicker", "louder", "cooler", "warmer", "colder", "hotter",
        "sharper", "weaker", "thinner", "thicker", "cleaner", "clearer", "simpler", "fresher", "finer",
        "whatever", "whenever", "wherever", "however", "forever", "moreover", "power", "tower", "water",
        "paper", "number", "letter", "matter", "corner", "border", "order",
        "error", "color", "colour", "floor", "door", "indoor", "outdoor", "major", "minor", "junior",
        "senior", "interior", "exterior", "superior", "inferior", "prior", "mirror", "motor", "sensor",
        "monitor", "factor", "sector", "vector", "tractor", "reactor", "humor", "humour", "honor",
        "honour", "favor", "favour", "labor", "labour", "flavor", "flavour", "harbor", "harbour",
        "neighbor", "neighbour", "vigor", "behavior", "behaviour", "terror", "horror", "glamor",
        "christian", "civilian", "median", "guardian", "asian", "indian", "canadian", "italian",
        "russian", "european", "australian", "brazilian", "egyptian", "iranian", "syrian", "ukrainian",
        "woman", "human", "german", "roman", "manner", "banner", "dinner", "summer", "winter",
        "spider", "cancer", "computer", "printer", "charger", "speaker", "router", "trailer", "container",
        "burger", "butter", "pepper", "sugar", "flower", "shower", "weather", "leather", "feather",
        "chapter", "theater", "theatre", "quarter", "daughter", "mother", "father", "brother", "sister",
        "proper", "super", "clever", "eager", "bitter", "sober", "tender", "slender", "sinister", "over",
        "after", "other", "offer", "answer", "consider", "wonder", "remember", "deliver", "discover",
        "gather", "suffer", "prefer", "transfer", "register", "encounter", "counter", "cover", "recover",
        "committee", "guarantee", "coffee", "degree", "agree", "jubilee",
    ]

    /// Words inside a capitalised span that make it an organisation.
    static let organizationKeywords: Set<String> = [
        "inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "group", "bank", "university",
        "college", "school", "ministry", "department", "agency", "party", "council", "committee",
        "association", "institute", "commission", "court", "police", "army", "navy", "force", "forces",
        "times", "news", "post", "journal", "press", "network", "foundation", "fund", "federation", "union",
        "league", "club", "society", "organization", "organisation", "administration", "authority",
        "office", "service", "services", "board", "bureau", "center", "centre", "hospital", "airlines",
        "airways", "motors", "technologies", "systems", "media", "studios", "records", "partners",
        "holdings", "capital", "securities", "reserve", "parliament", "assembly", "senate", "congress",
        "cabinet", "government", "tribunal", "fc", "united", "brothers", "magazine", "channel", "television",
        "radio", "labs", "laboratory", "museum", "church", "team", "coalition", "alliance", "pharmaceuticals",
        "energy", "electric", "industries", "international", "global", "trust", "exchange", "productions",
        "shelter", "tech", "entertainment", "airport", "academy", "sports", "management", "investments",
        "airline",
        "ventures", "consulting",
    ]

    /// Organisations news text names bare, without a keyword.
    static let knownOrganizations: [String: String] = [
        "kremlin": "Kremlin", "white house": "White House", "pentagon": "Pentagon", "bbc": "BBC",
        "cnn": "CNN", "reuters": "Reuters", "ap": "Associated Press", "associated press": "Associated Press",
        "afp": "AFP", "nato": "NATO", "un": "United Nations", "united nations": "United Nations",
        "eu": "European Union", "european union": "European Union", "congress": "Congress",
        "senate": "Senate", "fbi": "FBI", "cia": "CIA", "nasa": "NASA", "google": "Google", "apple": "Apple",
        "microsoft": "Microsoft", "amazon": "Amazon", "facebook": "Facebook", "twitter": "Twitter",
        "instagram": "Instagram", "netflix": "Netflix", "tesla": "Tesla", "spacex": "SpaceX",
        "boeing": "Boeing", "who": "WHO", "imf": "IMF", "world bank": "World Bank", "opec": "OPEC",
        "downing street": "Downing Street", "wework": "WeWork", "uber": "Uber",
        "disney": "Disney", "samsung": "Samsung", "huawei": "Huawei", "alibaba": "Alibaba",
        "nfl": "NFL", "nba": "NBA", "mlb": "MLB", "nhl": "NHL", "uefa": "UEFA", "fifa": "FIFA",
        "taliban": "Taliban", "hamas": "Hamas", "hezbollah": "Hezbollah", "isis": "ISIS",
        "democrats": "Democratic Party", "republicans": "Republican Party", "gop": "Republican Party",
        "interpol": "Interpol", "europol": "Europol", "nhs": "NHS", "sec": "SEC", "fda": "FDA",
        "cdc": "CDC", "epa": "EPA", "doj": "Department of Justice", "blue origin": "Blue Origin",
        "getty images": "Getty Images", "fox news": "Fox News", "nbc": "NBC", "cbs": "CBS", "abc": "ABC",
        "msnbc": "MSNBC", "npr": "NPR", "politico": "Politico", "bloomberg": "Bloomberg", "ifixit": "iFixit",
        // News agencies, which news text quotes as sources.
        "agence france-presse": "Agence France-Presse", "xinhua": "Xinhua", "tass": "TASS",
        "interfax": "Interfax", "kyodo": "Kyodo News", "yonhap": "Yonhap", "ria novosti": "RIA Novosti",
        "anadolu": "Anadolu Agency", "dpa": "dpa", "ansa": "ANSA", "efe": "EFE",
    ]

    /// Adjectives of nationality: capitalised, but not entities themselves.
    static let demonyms: Set<String> = [
        "american", "russian", "ukrainian", "british", "english", "french", "german", "italian", "spanish",
        "chinese", "japanese", "korean", "indian", "pakistani", "iranian", "iraqi", "syrian", "israeli",
        "palestinian", "turkish", "greek", "polish", "dutch", "belgian", "swiss", "austrian", "swedish",
        "norwegian", "danish", "finnish", "irish", "scottish", "welsh", "canadian", "mexican", "brazilian",
        "argentine", "argentinian", "chilean", "colombian", "venezuelan", "cuban", "australian", "egyptian",
        "saudi", "afghan", "african", "european", "asian", "arab", "nigerian", "kenyan", "vietnamese",
        "thai", "indonesian", "filipino", "portuguese", "czech", "hungarian", "romanian", "bulgarian",
        "serbian", "croatian", "belarusian", "georgian", "armenian", "lebanese", "jordanian", "qatari",
        "emirati", "yemeni", "libyan", "ethiopian", "somali", "sudanese", "bolivian", "peruvian",
        "western", "eastern", "northern", "southern", "soviet", "muslim", "christian", "jewish", "catholic",
        "democrat", "republican", "democratic", "conservative", "liberal", "latino", "hispanic",
        "asian-american",
    ]

    /// Capitalised words that open sentences or headings but never start a name.
    static let nonNameWords: Set<String> = [
        "the", "a", "an", "and", "but", "or", "if", "in", "on", "at", "to", "for", "from", "by", "with",
        "of", "as", "after", "before", "during", "while", "when", "where", "what", "who", "why", "how",
        "this", "that", "these", "those", "there", "here", "it", "its", "he", "she", "they", "we", "i",
        "you", "his", "her", "their", "our", "my", "your", "some", "many", "most", "all", "any", "each",
        "every", "no", "not", "yes", "so", "then", "now", "still", "yet", "also", "even", "just", "only",
        "more", "less", "much", "such", "both", "either", "neither", "other", "another", "one", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "last", "next",
        "old",
        "according", "despite", "although",
        "though", "because", "since", "until", "unless", "whether", "meanwhile", "however", "instead",
        "indeed", "later", "earlier", "today", "yesterday", "tomorrow", "tonight", "once", "about",
        "over", "under", "into", "through", "between", "among", "against", "without", "within", "like",
        "can", "could", "will", "would", "should", "may", "might", "must", "do", "does", "did", "is", "are",
        "was", "were", "be", "been", "has", "have", "had", "let", "please", "read", "click", "watch", "see",
        "photo", "image", "video", "getty", "updated", "posted", "published", "share", "more", "related",
        "advertisement", "subscribe", "sign", "follow", "here's", "it’s", "it's", "don't", "don’t", "mrs",
        "well", "oh", "okay", "ok", "dear", "thanks", "thank", "why", "which", "said", "says", "speaking",
        "asked", "told", "added", "several", "few", "up", "out", "off", "down", "per", "via", "around",
        "near", "across", "along", "behind", "beyond", "above", "below", "inside", "outside", "toward",
        "towards", "upon", "summary", "claim", "rating", "source", "sources", "chapter", "part", "step",
        "note", "editor", "update", "breaking", "exclusive", "opinion", "analysis", "review", "live",
    ]

    /// Last words of names of places: "Seventh Street", "Mitchell Pavilion" (not "Hall" or "Bay",
    /// which are common surnames).
    static let placeKeywords: Set<String> = [
        "street", "avenue", "road", "boulevard", "square", "bridge", "stadium", "arena", "pavilion", "plaza",
        "mountains", "valley", "county", "beach", "island", "area", "region", "province", "oblast",
        "prefecture",
    ]

    /// Last words of names of events and of documents, which are none of the three entity kinds
    /// ("Hiscox Cyber Readiness Report").
    static let eventKeywords: Set<String> = [
        "cup", "finals", "final", "championship", "championships", "open", "awards", "prize", "festival",
        "tournament", "games", "olympics", "series", "marathon", "grand", "trophy", "expo", "summit",
        "report", "survey", "study", "guide", "handbook", "manual", "index",
    ]

    /// Acronyms that are not organisations.
    static let nonOrganizationAcronyms: Set<String> = [
        "ceo", "cfo", "coo", "cto", "gdp", "tv", "pc", "ai", "dna", "ok", "pm", "am", "ev", "suv", "usb",
        "led",
        "rss", "faq", "pdf", "api", "vr", "ar", "hd", "ssd", "cpu", "gpu", "ram", "rrp", "vip", "diy", "ipo",
        "lol", "omg", "ps", "pps", "nb", "aka", "etc", "est", "pst", "gmt", "utc", "edt", "et", "pt", "mph",
        "kg", "km", "cm", "mm", "id", "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "rip",
        "covid", "hiv", "aids", "bed", "qb", "mvp", "nyc", "la", "dc", "st", "jr", "sr", "ot", "rbi", "hr",
        "usd", "eur", "gbp", "i", "a", "mp", "mps", "ftc", "op-ed", "pov", "ceo's", "q1", "q2", "q3", "q4",
        "sars", "mers", "tb", "ufo", "vat", "suvs", "evs", "vpn", "gps", "hdmi", "lcd", "oled", "wifi",
    ]

    /// Words before "of X" that make X a place: "oblast of Kursk", "city of Lviv".
    static let locationCues: Set<String> = [
        "oblast", "region", "province", "city", "town", "village", "state", "county", "district",
        "capital", "island", "islands", "port", "republic", "kingdom", "suburb", "municipality", "north",
        "south",
        "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts",
    ]
}
