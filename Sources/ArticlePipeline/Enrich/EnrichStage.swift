/// What enrichment adds to a record.
struct Enrichment: Sendable, Equatable {
    var language: String?
    var quotes: [ArticleRecord.Quote] = []
    var entities: [ArticleRecord.Entity] = []
    var temporal: [ArticleRecord.TemporalExpression] = []
    var keywords: [String] = []
    var warnings: [String] = []
}

/// Stage 6 (enrich): reads the extracted paragraphs, plain text for HTML and text scrapes
/// alike, and finds the language, quotes with speakers, entities, temporal expressions and keywords.
struct EnrichStage {
    private let recognizer = EntityRecognizer()
    private let resolver = EntityResolver()
    private let quoteExtractor = QuoteExtractor()
    private let temporalExtractor = TemporalExtractor()
    private let detector = LanguageDetector()
    private let keywordExtractor = KeywordExtractor()

    /// Input: the extraction output. Output: the enrichment fields; `language` is the page's own
    /// declaration unless the text clearly reads as another language (pages often keep a template's
    /// `lang`), in which case the detected one wins with a warning.
    func enrich(_ article: ExtractedArticle) -> Enrichment {
        var result = Enrichment(language: article.language)
        guard !article.paragraphs.isEmpty else { return result }
        let (scalars, tokens) = EnrichTokenizer.tokenize(article.paragraphs)
        let detection = detector.detect(scalars: scalars, tokens: tokens)
        result.language = language(
            declared: article.language, detected: detection, warnings: &result.warnings)
        if result.language == nil { result.warnings.append("language: not declared and not detected") }

        // Names, speakers and dates are read with English word lists and capitalisation rules (German
        // capitalises every noun); other languages get quotes without speakers, and no entities.
        let english = (result.language ?? "en") == "en"
        // Only names read the vocabulary and its forms, and other languages have none: their texts
        // skip numbering forms (mostly non-ASCII, so by Dictionary) and building it.
        let forms = TokenForms(tokens: english ? tokens : [])
        let vocabulary = TextVocabulary(tokens: english ? tokens : [], forms: forms)
        var mentions = english ? recognizer.mentions(in: tokens, vocabulary: vocabulary) : []
        result.entities = resolver.resolve(&mentions, tokens: tokens, vocabulary: vocabulary)

        let spans = quoteExtractor.quotes(in: scalars)
        var attributor = SpeakerAttributor(tokens: tokens, mentions: mentions, quotes: spans)
        let attributions =
            english ? attributor.attribute(spans) : Array(repeating: .init(), count: spans.count)
        // Without English attribution no quote can show a speaker: all are kept.
        let kept =
            english
            ? QuoteEvidence.keep(spans, attributions, scalars: scalars)
            : Array(repeating: true, count: spans.count)
        var unattributed = 0
        for ((span, attribution), keep) in zip(zip(spans, attributions), kept) where keep {
            result.quotes.append(
                .init(
                    text: Self.string(scalars[span.start..<span.end]), speaker: attribution.speaker,
                    cue: attribution.cue, start: span.start,
                    end: span.end))
            if attribution.speaker == nil { unattributed += 1 }
        }
        if english, unattributed > 0 { result.warnings.append("quotes: \(unattributed) without a speaker") }

        let published = article.published.flatMap(CivilDate.init(iso:))
        result.temporal = temporalExtractor.expressions(in: tokens, published: published)
        result.keywords = keywordExtractor.keywords(
            tokens: tokens, forms: english ? forms : nil, entities: result.entities, title: article.title)
        return result
    }

    /// The text of `scalars`, encoded once into a buffer (appending to a `UnicodeScalarView` one
    /// scalar at a time costs about 20 times more).
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(scalars.count)
        for scalar in scalars { UTF8.encode(scalar) { utf8.append($0) } }
        return String(decoding: utf8, as: UTF8.self)
    }

    private func language(
        declared: String?, detected: LanguageDetector.Detection?, warnings: inout [String]
    )
        -> String?
    {
        guard let detected else { return declared }
        guard let declared else { return detected.code }
        if declared != detected.code, detected.confident {
            warnings.append("language: page declares \(declared), text reads as \(detected.code)")
            return detected.code
        }
        return declared
    }
}
