/// One page of an S3 ListObjectsV2 answer: the keys, and the token of the next page when the
/// listing goes on. Read by a small parser of the answer's XML (elements, text, the five named
/// entities and character references; no DTDs, which S3 never sends) instead of Foundation's
/// XMLParser, which would link libxml2 into every binary for one short document a page.
public struct ListObjectsV2Page: Sendable, Equatable {
    public var keys: [String] = []
    public var isTruncated = false
    public var nextContinuationToken: String?

    public init(keys: [String] = [], isTruncated: Bool = false, nextContinuationToken: String? = nil) {
        self.keys = keys
        self.isTruncated = isTruncated
        self.nextContinuationToken = nextContinuationToken
    }

    /// Why an answer is not a ListObjectsV2 page.
    public struct Malformed: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The page in `xml`.
    public static func parse(_ xml: [UInt8]) throws(Malformed) -> ListObjectsV2Page {
        var page = ListObjectsV2Page()
        var path: [Substring] = []
        var text = ""
        var sawRoot = false
        let document = String(decoding: xml, as: UTF8.self)
        var rest = document[...]
        while let open = rest.firstIndex(of: "<") {
            text += rest[..<open]
            rest = rest[open...]
            if rest.hasPrefix("<?") || rest.hasPrefix("<!--") || rest.hasPrefix("<!") {
                let closer = rest.hasPrefix("<?") ? "?>" : rest.hasPrefix("<!--") ? "-->" : ">"
                guard let end = rest.range(of: closer) else {
                    throw Malformed(description: "unclosed markup")
                }
                rest = rest[end.upperBound...]
                continue
            }
            guard let close = rest.firstIndex(of: ">") else { throw Malformed(description: "unclosed tag") }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("/") {
                let name = tag.dropFirst().prefix { !$0.isWhitespace }
                guard path.last == name else {
                    throw Malformed(description: "</\(name)> closes nothing open")
                }
                try take(decode(text), at: path, into: &page)
                path.removeLast()
                text = ""
                continue
            }
            let name = tag.prefix { !$0.isWhitespace && $0 != "/" }
            if path.isEmpty {
                guard name == "ListBucketResult" else {
                    throw Malformed(description: "the answer is <\(name)>, not <ListBucketResult>")
                }
                sawRoot = true
            }
            text = ""
            if !tag.hasSuffix("/") { path.append(name) }
        }
        guard sawRoot, path.isEmpty else {
            throw Malformed(description: "the answer ends before </ListBucketResult>")
        }
        return page
    }

    /// Keeps the text of an element that ends, when it is one a page is made of.
    private static func take(_ value: String, at path: [Substring], into page: inout ListObjectsV2Page) {
        switch (path.count, path.last) {
        case (3, "Key") where path[1] == "Contents":
            page.keys.append(value)
        case (2, "IsTruncated"):
            page.isTruncated = value == "true"
        case (2, "NextContinuationToken"):
            page.nextContinuationToken = value
        default:
            return
        }
    }

    /// `text` with its entity and character references replaced.
    static func decode(_ text: String) throws(Malformed) -> String {
        guard text.contains("&") else { return text }
        var decoded = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            decoded += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else {
                throw Malformed(description: "an unterminated reference")
            }
            let name = rest[rest.index(after: amp)..<semicolon]
            rest = rest[rest.index(after: semicolon)...]
            switch name {
            case "amp": decoded += "&"
            case "lt": decoded += "<"
            case "gt": decoded += ">"
            case "quot": decoded += "\""
            case "apos": decoded += "'"
            default:
                let number: UInt32? =
                    name.hasPrefix("#x")
                    ? UInt32(name.dropFirst(2), radix: 16)
                    : name.hasPrefix("#") ? UInt32(name.dropFirst(), radix: 10) : nil
                guard let number, let scalar = Unicode.Scalar(number) else {
                    throw Malformed(description: "an unknown reference &\(name);")
                }
                decoded.unicodeScalars.append(scalar)
            }
        }
        return decoded + rest
    }
}
