import CLibdeflate

/// Decodes one complete gzip member held in memory with libdeflate: the fast path of
/// `GzipMemberDecoder`.
///
/// Why a second inflater beside zlib: on `.warc.gz` scrapes of news pages (one member of ~40 KB
/// per record) zlib's streaming `inflate` ran at ~65–70 MB/s of compressed input on one core and
/// was the largest cost of the coordinator; libdeflate decoded the same members at ~180–210 MB/s
/// (ISA-L's streaming igzip, the other candidate, at ~150–190 MB/s). libdeflate only works on whole
/// buffers, so it cannot stream, and it cannot tell a member cut off by the end of its buffer from
/// a corrupt one: both are `.undecidable`, and the caller then streams that member with zlib, which
/// keeps zlib's behaviour (partial output, exact failure reasons) for every member that is not clean.
final class WholeGzipMemberInflater {
    enum Outcome: Equatable {
        /// The member at the front of the input took `consumed` bytes (header to trailer) and its
        /// `produced` decoded bytes are at the front of the output; CRC and size were checked.
        case decoded(consumed: Int, produced: Int)
        /// The member decodes to more bytes than the output holds.
        case outputTooSmall
        /// No complete, valid member at the front of the input: cut off by the end of the bytes
        /// given, or corrupt. The output holds nothing usable.
        case undecidable
    }

    private let decompressor: OpaquePointer?

    init() {
        decompressor = libdeflate_alloc_decompressor()
    }

    deinit {
        if let decompressor { libdeflate_free_decompressor(decompressor) }
    }

    /// Decodes the first gzip member of `input` into `output`.
    func decodeFirstMember(
        of input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) -> Outcome {
        guard let decompressor, let source = input.baseAddress, let target = output.baseAddress else {
            return .undecidable
        }
        var consumed = 0
        var produced = 0
        let result = libdeflate_gzip_decompress_ex(
            decompressor, source, input.count, target, output.count, &consumed, &produced)
        switch result {
        case LIBDEFLATE_SUCCESS: return .decoded(consumed: consumed, produced: produced)
        case LIBDEFLATE_INSUFFICIENT_SPACE: return .outputTooSmall
        default: return .undecidable
        }
    }

    /// The decoded bytes of `member`, which must be exactly one whole gzip member of at most
    /// `maxOutput` decoded bytes (its trailer says how many); or why not, in the words the stream
    /// reader uses when zlib can tell.
    func decodeExactMember(
        _ member: UnsafeRawBufferPointer, maxOutput: Int
    ) -> Result<[UInt8], ArticleReferenceError> {
        guard member.count >= 18 else { return .failure(.init(reason: "gzip member too short")) }
        let trailer = member.count - 4
        let isize =
            Int(member[trailer]) | Int(member[trailer + 1]) << 8 | Int(member[trailer + 2]) << 16
            | Int(member[trailer + 3]) << 24
        guard isize <= maxOutput else {
            return .failure(.init(reason: "gzip member of \(isize) decoded bytes exceeds maxRecordBytes"))
        }
        var decoded = [UInt8](repeating: 0, count: max(isize, 1))
        let outcome = decoded.withUnsafeMutableBytes { decodeFirstMember(of: member, into: $0) }
        if outcome == .undecidable, let reason = GzipHeadInflater().failure(of: member) {
            // libdeflate cannot say why; zlib gives the reason the stream reader would.
            return .failure(.init(reason: reason))
        }
        guard case .decoded(let consumed, let produced) = outcome, consumed == member.count, produced == isize
        else {
            return .failure(
                .init(
                    reason:
                        "gzip member does not decode to one whole WARC record (corrupt or changed since it was read)"
                ))
        }
        decoded.removeSubrange(produced...)
        return .success(decoded)
    }
}
