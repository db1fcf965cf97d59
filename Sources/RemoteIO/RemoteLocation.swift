import Foundation

/// Telling remote inputs from local paths, and resolving the lines of a path listing.
public enum RemoteLocation {
    /// The schemes this build fetches.
    public static let supportedSchemes = ["http", "https", "s3"]

    /// The lower-cased scheme of `input` when it is a URL (`scheme://…`), else nil (a local path).
    public static func scheme(of input: String) -> String? {
        guard let separator = input.range(of: "://") else { return nil }
        let scheme = input[..<separator.lowerBound]
        guard let first = scheme.first, first.isLetter,
            scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
        else { return nil }
        return scheme.lowercased()
    }

    /// True for `http://`, `https://` and `s3://` inputs.
    public static func isRemote(_ input: String) -> Bool {
        scheme(of: input).map(supportedSchemes.contains) ?? false
    }

    /// `line` as an input: a URL or an absolute path stays as it is; a relative line is joined to
    /// `base` (a URL or a folder) with exactly one `/` between them, or left relative without one.
    public static func resolve(_ line: String, base: String?) -> String {
        guard scheme(of: line) == nil, !line.hasPrefix("/"), let base, !base.isEmpty else { return line }
        var relative = Substring(line)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        return base.hasSuffix("/") ? base + relative : base + "/" + relative
    }

    /// `scheme://host:port` of a URL (the unit connections are counted and kept per), lower-cased.
    static func origin(of url: String) -> String {
        guard let separator = url.range(of: "://") else { return url }
        let rest = url[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map(String.init) ?? String(authority)
        return (url[..<separator.upperBound] + host).lowercased()
    }
}
