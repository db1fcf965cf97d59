/// Words that introduce a page's publication date in visible text ("Published on …", "publiziert am
/// …", "Publicado por: … 05/10/2018", "기사입력 : 2018-08-25"), lower-cased, by language. A short text
/// holding one of them and a date is read as the publication date when the markup gives none.
enum PublicationLabels {
    static let labels = [
        // English
        "published", "posted", "first published",
        // German
        "publiziert", "veröffentlicht", "erschienen", "erstellt am",
        // French
        "publié", "publie le", "mis en ligne",
        // Spanish, Portuguese, Italian, Romanian
        "publicado", "publicada", "pubblicato", "pubblicata", "publicat",
        // Dutch, Scandinavian, Finnish
        "gepubliceerd", "geplaatst", "publicerad", "publiceret", "publisert", "julkaistu",
        // Polish, Czech, Russian, Ukrainian, Hungarian, Turkish, Indonesian, Greek
        "opublikowano", "publikováno", "zveřejněno", "опубликовано", "опубліковано", "публикация",
        "közzétéve", "yayınlanma", "diterbitkan", "dipublikasikan", "δημοσιεύθηκε", "δημοσίευση",
        // Korean, Japanese, Chinese
        "입력", "등록일", "작성일", "投稿日", "公開日", "掲載日", "发布", "發佈", "发表", "發表",
    ]

    static let matcher = PhraseMatcher(labels)
}
