import Logging
import RemoteIO

/// A listing of inputs, the form a public crawl publishes (`warc.paths.gz`): one path or URL a
/// line, plain or gzip/zstd-compressed, local or remote; blank lines and `#` comments are skipped,
/// and relative lines are resolved against a base (a URL or a folder) when one is given.
public enum PathListing {
    /// The inputs `listing` names, in its order.
    public static func read(
        _ listing: String, base: String?, remote: RemoteSettings = .init(), logger: Logger
    ) throws(PathListingError) -> [String] {
        let chunks: InputChunkReader
        if RemoteLocation.isRemote(listing) {
            let stream = RemoteObjectStream(url: listing, settings: remote, logger: logger)
            chunks = InputChunkReader(remote: stream, path: listing)
        } else {
            switch InputChunkReader.open(path: listing) {
            case .success(let opened): chunks = opened
            case .failure(let error): throw PathListingError(listing: listing, reason: error.text)
            }
        }
        let decoder: any ScrapeStreamDecoder
        switch ScrapeInputFormat.compression(magic: chunks.peek(4)) {
        case .gzip?: decoder = GzipMemberDecoder(input: chunks)
        case .zstd?: decoder = ZstdStreamDecoder(input: chunks)
        case nil: decoder = PassthroughStreamDecoder(input: chunks)
        }
        let input = DecodedInputBuffer(decoder: decoder)
        var text: [UInt8] = []
        reading: while true {
            switch input.fillMore() {
            case .ready:
                text.append(contentsOf: input.window)
                input.consume(input.available)
            case .end:
                text.append(contentsOf: input.window)
                break reading
            case .damaged(_, let reason):
                throw PathListingError(listing: listing, reason: reason)
            case .discontinuity:
                throw PathListingError(listing: listing, reason: "damaged compressed data")
            }
        }
        if let error = chunks.readError { throw PathListingError(listing: listing, reason: error) }
        return lines(of: text, base: base)
    }

    /// The inputs named by the decoded text of a listing.
    public static func lines(of text: [UInt8], base: String?) -> [String] {
        var inputs: [String] = []
        for raw in text.split(separator: 0x0a, omittingEmptySubsequences: true) {
            let line = String(decoding: raw, as: UTF8.self).trimmingWhitespace
            if line.isEmpty || line.hasPrefix("#") { continue }
            inputs.append(RemoteLocation.resolve(line, base: base))
        }
        return inputs
    }
}

/// A path listing that could not be read.
public struct PathListingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var listing: String
    public var reason: String

    public var description: String { "cannot read the path listing \(listing): \(reason)" }
}

extension String {
    /// Without spaces, tabs and line ends at either end.
    fileprivate var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
