/// Words that introduce a page's last update in visible text ("Updated: …", "Last modified …",
/// "aktualisiert am …", "Mis à jour le …"), lower-cased, by language. A date after one of them is
/// the record's `modified`, never its `published`.
enum UpdateLabels {
    static let labels = [
        // English
        "updated", "last updated", "modified", "last modified", "revised", "last reviewed", "reviewed",
        // German, French, Spanish, Portuguese, Italian, Dutch
        "aktualisiert", "geändert", "mis à jour", "mise à jour", "actualizado", "actualizada", "atualizado",
        "atualizada", "aggiornato", "aggiornata", "bijgewerkt",
        // Polish, Czech, Russian, Ukrainian, Swedish, Danish, Norwegian
        "zaktualizowano", "aktualizováno", "обновлено", "оновлено", "uppdaterad", "opdateret", "oppdatert",
        // Korean, Japanese, Chinese
        "수정", "更新",
    ]

    static let matcher = PhraseMatcher(labels)
}
