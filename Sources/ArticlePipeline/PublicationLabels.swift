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

    /// Whether `text` holds a label, written in lower case, capitalised or in capitals.
    static func containsLabel(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { containsLabel($0) }
    }

    /// The same on UTF-8 bytes: a scan that compares only where a label's first byte occurs.
    static func containsLabel<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> Bool
    where Bytes.Element == UInt8, Bytes.Index == Int {
        for start in bytes.indices {
            for variant in byFirstByte[Int(bytes[start])] where bytes.endIndex - start >= variant.count {
                var offset = 1
                while offset < variant.count && bytes[start + offset] == variant[offset] { offset += 1 }
                if offset == variant.count { return true }
            }
        }
        return false
    }

    /// The UTF-8 of every label as written, capitalised and in capitals, by first byte.
    private static let byFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for label in labels {
            let capitalised = label.prefix(1).uppercased() + label.dropFirst()
            for variant in Set([label, capitalised, label.uppercased()]) {
                let bytes = Array(variant.utf8)
                table[Int(bytes[0])].append(bytes)
            }
        }
        return table
    }()
}
