import Testing

@testable import ArticlePipeline

/// Each enrichment component on small texts written for the purpose.
@Suite struct EnrichComponentTests {
    private func enrich(
        _ paragraphs: [String], language: String? = nil, published: String? = nil
    ) -> Enrichment {
        var article = ExtractedArticle()
        article.paragraphs = paragraphs
        article.language = language
        article.published = published
        return EnrichStage().enrich(article)
    }

    @Test func tokenizerKeepsInitialsHyphensAndPossessives() {
        let (_, tokens) = EnrichTokenizer.tokenize(["The U.S. envoy’s 30-day plan. Mr. Smith left."])
        #expect(
            tokens.map(\.text) == [
                "The", "U.S.", "envoy", "30-day", "plan", ".", "Mr", ".", "Smith", "left", ".",
            ])
        #expect(tokens[2].isPossessive)
        #expect(tokens.filter(\.startsSentence).map(\.text) == ["The", "Mr"])
    }

    @Test func quotesInCurlyStraightAndGermanMarksAcrossParagraphs() {
        let scalars = Array("He said \"yes,\" then „ja“ and “one.\n\n“two.” End".unicodeScalars)
        let spans = QuoteExtractor().quotes(in: scalars)
        let texts = spans.map { span -> String in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[span.start..<span.end])
            return String(view)
        }
        #expect(texts == ["yes", "ja", "one.", "two."])
        #expect(spans.map(\.continues) == [false, false, true, false])
    }

    @Test func speakersFromCuesInvertedCuesPronounsAndContinuations() {
        let result = enrich([
            "Angela Merkel visited Paris on Monday.",
            "“We will not give up,” Merkel said. “Never again,” said Mark Dupont, a French official.",
            "She added that the talks were “constructive and open.”",
            "“The first part of a long statement.",
            "“And its second part,” the minister told reporters.",
            "According to Dupont, the deal is “almost done.”",
        ])
        let speakers = Dictionary(uniqueKeysWithValues: result.quotes.map { ($0.text, $0.speaker ?? "-") })
        #expect(speakers["We will not give up"] == "Angela Merkel")
        #expect(speakers["Never again"] == "Mark Dupont")
        #expect(speakers["constructive and open."] == "Angela Merkel")
        #expect(speakers["The first part of a long statement."] == speakers["And its second part"])
        #expect(speakers["almost done."] == "Mark Dupont")
        #expect(result.quotes.first { $0.text == "Never again" }?.cue == "said")
    }

    @Test func entitiesMergeAliasesAndUseContextCues() throws {
        let result = enrich([
            "German Chancellor Olaf Scholz met officials of Siemens AG and the Bundeswehr Agency in Berlin.",
            "Scholz later travelled to the region of Zhytomyr, where spokeswoman Anna Kovalenko spoke to NATO.",
        ])
        func entity(_ name: String) -> ArticleRecord.Entity? { result.entities.first { $0.name == name } }
        #expect(entity("Olaf Scholz")?.type == "person")
        #expect(entity("Olaf Scholz")?.mentions == 2)
        #expect(entity("Olaf Scholz")?.aliases.contains("Scholz") == true)
        #expect(entity("Olaf Scholz")?.aliases.contains("Chancellor Olaf Scholz") == true)
        #expect(entity("Berlin")?.type == "location")
        #expect(entity("Zhytomyr")?.type == "location")
        #expect(entity("Anna Kovalenko")?.type == "person")
        #expect(entity("NATO")?.type == "organization")
        #expect(entity("Bundeswehr Agency")?.type == "organization")
        #expect(entity("German") == nil)
    }

    @Test func temporalKindsAndValuesAgainstThePublishedDate() {
        let result = enrich(
            [
                "On Thursday, a week after Nov. 7, the 12-month plan from March 3, 2024 ended; talks began "
                    + "two days ago, will last three weeks, resume next year and were planned in 2019 and last summer."
            ],
            published: "2025-03-14T10:00:00Z")
        let byText = Dictionary(uniqueKeysWithValues: result.temporal.map { ($0.text, $0) })
        #expect(byText["Thursday"]?.kind == "weekday")
        #expect(byText["Thursday"]?.value == "2025-03-13")
        #expect(byText["Nov. 7"]?.value == "2025-11-07")
        #expect(byText["12-month"]?.value == "P12M")
        #expect(byText["March 3, 2024"]?.value == "2024-03-03")
        #expect(byText["two days ago"]?.value == "2025-03-12")
        #expect(byText["three weeks"]?.value == "P3W")
        #expect(byText["next year"]?.value == "2026")
        #expect(byText["2019"]?.kind == "date")
        #expect(byText["last summer"]?.kind == "relative")
    }

    @Test func languageOfTextsInSeveralScriptsAndAWrongDeclaration() {
        let samples: [(String, String)] = [
            (
                "en",
                "The council said that it would not approve the plan, which has been opposed by the residents."
            ),
            (
                "de",
                "Die Regierung hat am Montag erklärt, dass sie den Plan nicht mit der Opposition abstimmen wird."
            ),
            (
                "fr",
                "Le gouvernement a annoncé qu'il ne sera pas possible de réaliser le projet dans les délais prévus."
            ),
            (
                "es",
                "El gobierno dijo que no es posible terminar el proyecto en el plazo previsto por los vecinos."
            ),
            (
                "it",
                "Il governo ha detto che non è possibile finire il progetto nei tempi previsti per la città."
            ),
            (
                "pt",
                "O governo disse que não é possível terminar o projeto no prazo previsto para os moradores."
            ),
            ("nl", "De regering heeft gezegd dat het niet mogelijk is om het project op tijd af te ronden."),
            (
                "pl",
                "Rząd powiedział, że nie jest to możliwe, aby zakończyć projekt w terminie, który jest planowany."
            ),
            (
                "ru",
                "Правительство заявило, что не может завершить проект в срок, и это было бы очень сложно."
            ),
            ("ja", "政府は計画を期限内に完了することはできないと発表しました。"),
            ("ko", "정부는 계획을 기한 내에 완료할 수 없다고 발표했습니다."),
        ]
        for (code, text) in samples {
            #expect(enrich([text]).language == code, "\(code): \(text)")
        }
        let english = String(
            repeating: "The council said that it would not approve the plan for the city. ", count: 4)
        let overruled = enrich([english], language: "de")
        #expect(overruled.language == "en")
        #expect(overruled.warnings.contains { $0.hasPrefix("language:") })
        #expect(enrich(["Ja."], language: "de").language == "de")
    }
}

/// Behaviours added for the gold sets, each on a text written for the purpose.
@Suite struct EnrichAttributionTests {
    private func enrich(_ paragraphs: [String]) -> Enrichment {
        var article = ExtractedArticle()
        article.paragraphs = paragraphs
        return EnrichStage().enrich(article)
    }

    private func speakers(_ result: Enrichment) -> [String: String] {
        Dictionary(uniqueKeysWithValues: result.quotes.map { ($0.text, $0.speaker ?? "-") })
    }

    @Test func organisationsUnnamedPeopleAndStandAloneQuotes() {
        let result = enrich([
            "The label that owns her records, Northwind Music, denied the claims.",
            "“We never blocked anything,” they said in a statement. “The matter is closed.”",
            "“Nobody believes that,” one fan wrote online.",
            "Mark Ellis, a lawyer for the singer, disagreed. “It is not closed,” he said.",
        ])
        let byText = speakers(result)
        #expect(byText["We never blocked anything"] == "Northwind Music")
        #expect(byText["The matter is closed."] == "Northwind Music")
        #expect(byText["Nobody believes that"] == "-")
        #expect(byText["It is not closed"] == "Mark Ellis")
        #expect(result.entities.first { $0.name == "Northwind Music" }?.type == "organization")
    }

    @Test func pronounsFollowGenderAndSentenceSubjects() {
        let result = enrich([
            "Maria Lopez met John Carter on Monday. Carter said the deal was near.",
            "She told reporters it was “far from done.”",
            "He added that talks would “resume soon.”",
        ])
        let byText = speakers(result)
        #expect(byText["far from done."] == "Maria Lopez")
        #expect(byText["resume soon."] == "John Carter")
    }

    @Test func peopleFromListsPossessivePlacesAndRepeatedSurnames() {
        let result = enrich([
            "Serbia’s Dragan Kovac beat Tomasz Wren and Ilya Brodsky at the Harbour Cup.",
            "Later, Brodsky said he was tired.",
        ])
        let people = Set(result.entities.filter { $0.type == "person" }.map(\.name))
        #expect(people == ["Dragan Kovac", "Tomasz Wren", "Ilya Brodsky"])
        #expect(result.entities.contains { $0.name == "Serbia" && $0.type == "location" })
    }

    @Test func keywordsAreFrequentEntitiesAndContentWords() {
        var article = ExtractedArticle()
        article.title = "Harbour ferry returns after repairs"
        article.paragraphs = [
            "The harbour ferry returned on Monday. Jane Moss, the ferry captain, said repairs took weeks.",
            "Moss said the ferry would run twice a day. The repairs cost the council little.",
        ]
        let keywords = EnrichStage().enrich(article).keywords
        #expect(keywords.first == "Jane Moss")
        #expect(keywords.contains("ferry"))
        #expect(keywords.contains("repairs"))
        #expect(!keywords.contains("the"))
        #expect(!keywords.contains("said"))
    }
}

@Suite struct EnrichWarningTests {
    @Test func unknownLanguageIsWarnedAndUnattributedMarksInTextWithoutSpeechAreNoQuotes() {
        var article = ExtractedArticle()
        article.paragraphs = ["“Zzz qqq,” xx."]
        let result = EnrichStage().enrich(article)
        #expect(result.language == nil)
        #expect(result.warnings.contains("language: not declared and not detected"))
        #expect(result.quotes.isEmpty)
        #expect(!result.warnings.contains { $0.hasPrefix("quotes:") })
    }
}

@Suite struct EnrichLanguageScopeTests {
    @Test func germanNounsAreNotTakenForNames() {
        var article = ExtractedArticle()
        article.paragraphs = [
            "Die Daten der Patienten werden in der Akte gespeichert, sagte Moritz Bachmann am Montag.",
            "„Der Patient hat die Hoheit über seine Daten“, sagte er. Das ist nicht neu, und es wird auch so bleiben.",
        ]
        let result = EnrichStage().enrich(article)
        #expect(result.language == "de")
        #expect(result.entities.isEmpty)
        #expect(result.quotes.map(\.text) == ["Der Patient hat die Hoheit über seine Daten"])
        #expect(result.quotes.first?.speaker == nil)
        #expect(!result.warnings.contains { $0.hasPrefix("quotes:") })
    }

    @Test func streetsAndVenuesArePlaces() {
        var article = ExtractedArticle()
        article.paragraphs = [
            "Police closed Seventh Street near the Mitchell Pavilion on Friday, officers said."
        ]
        let result = EnrichStage().enrich(article)
        #expect(result.entities.first { $0.name == "Seventh Street" }?.type == "location")
        #expect(result.entities.first { $0.name == "Mitchell Pavilion" }?.type == "location")
        #expect(!result.entities.contains { $0.type == "person" })
    }
}
