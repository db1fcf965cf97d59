/// The elements the parser and the extractor know by name, as a one-byte id.
///
/// The tokenizer maps a tag name to its id once (`HTMLTagTable`), so the tree builder and the
/// extraction passes compare bytes and test flag bits instead of hashing strings. Names it does not
/// know become `.unknown`, with the name kept in the document's byte arena.
enum HTMLTag: UInt8, CaseIterable, Sendable {
    case unknown
    case a, abbr, address, applet, area, article, aside, audio
    case b, base, basefont, bdi, bdo, bgsound, big, blink, blockquote, body, br, button
    case canvas, caption, center, cite, code, col, colgroup
    case data, datalist, dd, del, details, dfn, dialog, dir, div, dl, dt
    case em, embed, fieldset, figcaption, figure, font, footer, form, frame, frameset
    case h1, h2, h3, h4, h5, h6, head, header, hgroup, hr, html
    case i, iframe, image, img, input, ins, kbd, keygen, label, legend, li, link, listing
    case main, map, mark, marquee, math, menu, meta, meter, nav, nobr, noembed, noframes, noscript
    case object, ol, optgroup, option, output, p, param, picture, plaintext, pre, progress, q
    case rb, rp, rt, rtc, ruby, s, samp, script, search, section, select, slot, small, source, span
    case strike, strong, style, sub, summary, sup, svg, table, tbody, td, template, textarea, tfoot
    case th, thead, time, title, tr, track, tt, u, ul
    case `var`
    case video, wbr, xmp

    /// The lower-case name (empty for `.unknown`).
    var name: String { Self.names[Int(rawValue)] }

    /// Names by raw value, built once (`String(describing:)` is too slow to call per node).
    static let names: [String] = allCases.map { $0 == .unknown ? "" : String(describing: $0) }

    /// Names as bytes by raw value, for matching end tags of raw-text elements.
    static let nameBytes: [[UInt8]] = names.map { Array($0.utf8) }

    /// The flags of this element.
    @inline(__always)
    var flags: HTMLTagFlags { HTMLTagFlags.table[Int(rawValue)] }
}

/// What the HTML standard (and the extractor) says about an element, as bits.
struct HTMLTagFlags: OptionSet, Sendable {
    let rawValue: UInt32

    /// Never has content or an end tag.
    static let void = HTMLTagFlags(rawValue: 1 << 0)
    /// Content is raw text up to the end tag (style, xmp, iframe, noembed, noframes). `<noscript>`
    /// is parsed as markup, as the standard does with scripting disabled: what a crawler, which runs
    /// no scripts, is served there (whole server-rendered threads, on some forums) is page content.
    static let rawText = HTMLTagFlags(rawValue: 1 << 1)
    /// Content is text with character references up to the end tag (title, textarea).
    static let rcdata = HTMLTagFlags(rawValue: 1 << 2)
    /// Script data: raw text with the standard's `<!--` escape rules.
    static let scriptData = HTMLTagFlags(rawValue: 1 << 3)
    /// A start tag of this element ends an open `<p>`.
    static let closesParagraph = HTMLTagFlags(rawValue: 1 << 4)
    /// The standard's "special" category: a stray inline end tag never closes through it.
    static let special = HTMLTagFlags(rawValue: 1 << 5)
    /// Bounds the default scope: end tags of block elements do not close through it.
    static let scopeBoundary = HTMLTagFlags(rawValue: 1 << 6)
    static let heading = HTMLTagFlags(rawValue: 1 << 7)
    /// Starts foreign content (SVG, MathML): self-closing tags are honoured inside.
    static let foreign = HTMLTagFlags(rawValue: 1 << 8)
    /// Extraction: its text becomes one paragraph.
    static let textBlock = HTMLTagFlags(rawValue: 1 << 10)
    /// Extraction: its boundaries separate words and runs of loose text.
    static let separator = HTMLTagFlags(rawValue: 1 << 11)
    /// Inline phrasing elements that never break a run of text.
    static let inline = HTMLTagFlags(rawValue: 1 << 12)

    static let table: [HTMLTagFlags] = {
        var table = [HTMLTagFlags](repeating: [], count: HTMLTag.allCases.count)
        func set(_ flag: HTMLTagFlags, _ tags: [HTMLTag]) {
            for tag in tags { table[Int(tag.rawValue)].insert(flag) }
        }
        set(
            .void,
            [
                .area, .base, .basefont, .bgsound, .br, .col, .embed, .frame, .hr, .image, .img, .input,
                .keygen, .link, .meta, .param, .source, .track, .wbr,
            ])
        set(.rawText, [.style, .xmp, .iframe, .noembed, .noframes])
        set(.rcdata, [.title, .textarea])
        set(.scriptData, [.script])
        set(
            .closesParagraph,
            [
                .address, .article, .aside, .blockquote, .center, .details, .dialog, .dir, .div, .dl,
                .fieldset, .figcaption, .figure, .footer, .form, .h1, .h2, .h3, .h4, .h5, .h6, .header,
                .hgroup, .hr, .li, .dd, .dt, .main, .menu, .nav, .ol, .p, .pre, .section, .table, .ul,
                .listing, .summary, .search, .plaintext, .xmp,
            ])
        set(
            .special,
            [
                .address, .applet, .area, .article, .aside, .base, .basefont, .bgsound, .blockquote, .body,
                .br, .button, .caption, .center, .col, .colgroup, .dd, .details, .dialog, .dir, .div, .dl,
                .dt, .embed, .fieldset, .figcaption, .figure, .footer, .form, .frame, .frameset, .h1, .h2,
                .h3, .h4, .h5, .h6, .head, .header, .hgroup, .hr, .html, .iframe, .img, .input, .keygen,
                .li, .link, .listing, .main, .marquee, .menu, .meta, .nav, .noembed, .noframes, .noscript,
                .object, .ol, .p, .param, .plaintext, .pre, .script, .search, .section, .select, .source,
                .style, .summary, .table, .tbody, .td, .template, .textarea, .tfoot, .th, .thead, .title,
                .tr, .track, .ul, .wbr, .xmp,
            ])
        set(.scopeBoundary, [.applet, .caption, .html, .table, .td, .th, .marquee, .object, .template])
        set(.heading, [.h1, .h2, .h3, .h4, .h5, .h6])
        set(.foreign, [.svg, .math])
        set(.textBlock, [.p, .h2, .h3, .h4, .li, .blockquote, .pre, .dd])
        set(.separator, [.br, .td, .th, .tr, .dt, .option, .li, .p, .div])
        for index in table.indices where table[index].contains(.special) { table[index].insert(.separator) }
        set(
            .inline,
            [
                .a, .abbr, .b, .bdi, .bdo, .big, .cite, .code, .data, .del, .dfn, .em, .font, .i, .ins,
                .kbd, .mark, .nobr, .q, .rb, .rp, .rt, .rtc, .ruby, .s, .samp, .small, .span, .strike,
                .strong, .sub, .sup, .time, .tt, .u, .var, .label, .blink,
            ])
        return table
    }()
}
