/// What the page is, as far as the pipeline can tell from its bytes and hints.
enum DocumentFormat: String, Sendable, Equatable {
    case html
    case text
}

/// Output of the decode stage: the body as valid UTF-8, with what was learnt on the way.
struct DecodedDocument: Sendable, Equatable {
    /// The body converted to UTF-8 (always valid; invalid input was replaced by U+FFFD).
    var utf8: [UInt8]
    var format: DocumentFormat
    /// The charset the body was decoded from, lower-cased (`utf-8`, `windows-1252`, ...).
    var charset: String
    var warnings: [String]

    init(utf8: [UInt8], format: DocumentFormat, charset: String, warnings: [String] = []) {
        self.utf8 = utf8
        self.format = format
        self.charset = charset
        self.warnings = warnings
    }

    /// The body as a Swift string.
    var text: String { String(decoding: utf8, as: UTF8.self) }
}
