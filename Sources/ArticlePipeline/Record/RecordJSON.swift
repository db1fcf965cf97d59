/// Hand-written JSON for records and dead-letter rows: one line, no trailing newline, keys in the
/// schema order of DESIGN.md, nil fields omitted, empty arrays kept, strings escaped (`\n`, `\r`,
/// `\t` in short form, other control characters as `\u00XX`, non-ASCII as raw UTF-8).
///
/// Written by hand rather than with `JSONEncoder` for a fixed key order and because workers
/// serialise every record on the hot path.
public enum RecordJSON {
    public static func encode(_ record: ArticleRecord) -> [UInt8] {
        var writer = JSONObjectWriter(reservingCapacity: record.text.utf8.count + 1024)
        writer.field("id", record.id)
        writer.field("url", record.url)
        writer.field("domain", record.domain)
        writer.field("source", record.source)
        writer.field("fetched_at", record.fetchedAt)
        writer.field("format", record.format)
        writer.field("language", record.language)
        writer.field("page_type", record.pageType)
        writer.field("title", record.title)
        writer.field("section", record.section)
        writer.field("authors", strings: record.authors)
        writer.field("published", record.published)
        writer.field("modified", record.modified)
        writer.field("description", record.description)
        writer.field("text", record.text)
        writer.field("paragraphs", record.paragraphs)
        writer.field("word_count", record.wordCount)
        writer.field("reading_minutes", record.readingMinutes)
        writer.field("images", objects: record.images) { image, value in
            image.field("caption", value.caption)
            image.field("credit", value.credit)
            image.field("src", value.src)
        }
        writer.field("quotes", objects: record.quotes) { quote, value in
            quote.field("text", value.text)
            quote.field("speaker", value.speaker)
            quote.field("cue", value.cue)
            quote.field("start", value.start)
            quote.field("end", value.end)
        }
        writer.field("entities", objects: record.entities) { entity, value in
            entity.field("name", value.name)
            entity.field("type", value.type)
            entity.field("mentions", value.mentions)
            entity.field("aliases", strings: value.aliases)
        }
        writer.field("temporal", objects: record.temporal) { temporal, value in
            temporal.field("text", value.text)
            temporal.field("kind", value.kind)
            temporal.field("value", value.value)
        }
        writer.field("keywords", strings: record.keywords)
        writer.field("simhash", record.simhash)
        writer.field("warnings", strings: record.warnings)
        writer.field("pipeline", record.pipeline)
        return writer.finish()
    }

    /// `{id, source, stage, reason, attempts}`, then `url` when known.
    public static func encode(_ deadLetter: DeadLetter) -> [UInt8] {
        var writer = JSONObjectWriter(reservingCapacity: 256)
        writer.field("id", deadLetter.id)
        writer.field("source", deadLetter.source)
        writer.field("stage", deadLetter.stage)
        writer.field("reason", deadLetter.reason)
        writer.field("attempts", deadLetter.attempts)
        writer.field("url", deadLetter.url)
        return writer.finish()
    }
}
