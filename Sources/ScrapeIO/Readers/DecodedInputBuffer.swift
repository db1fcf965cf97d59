#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The outcome of asking a `DecodedInputBuffer` for more bytes.
enum DecodedFill: Equatable {
    /// The requested bytes are in `window`.
    case ready
    /// The input ended first; `window` holds whatever is left.
    case end
    /// The decoder reported a broken member (see `StreamDecodeEvent.damaged`).
    case damaged(offset: UInt64, reason: String)
    /// A silent break in the decoded stream: drop partial data, report nothing.
    case discontinuity
}

/// A growable window over the decoded bytes of one input, the thing format readers parse from.
///
/// Readers look at `window`, ask for more with `fill(atLeast:)`, and `consume` what they have parsed.
/// The buffer grows only as far as one record needs (records are capped by `maxRecordBytes`) and
/// shrinks back afterwards. It also remembers which compressed member each decoded byte came from, so
/// `sourceOffset(atDecoded:)` can give a record's location in the stored file.
final class DecodedInputBuffer {
    /// Bytes of free room offered to the decoder per call at least (decoders may ask for more with
    /// `preferredOutputRoom`); larger calls mean fewer passes through the decompressor.
    static let decodeChunk = 256 << 10
    static let initialCapacity = 1 << 20

    private let decoder: any ScrapeStreamDecoder
    /// The capacity the buffer starts with and shrinks back to once a large record has passed.
    private let baseCapacity: Int
    private let decodeRoom: Int
    private var storage: UnsafeMutableRawBufferPointer
    private var head = 0
    private var tail = 0
    /// The decoded position (bytes since the start of the input) of `window`'s first byte.
    private(set) var position: UInt64 = 0
    /// When set, each read asks for only this many bytes beyond what the caller needs: for readers
    /// that seek past most of the input (reference mode), so skipped payloads are never read.
    var sparseReads: Int?
    private var finished = false
    private var deferred: DecodedFill?
    /// (first decoded position, member offset) for every member with bytes still in the buffer.
    private var segments: [(start: UInt64, member: UInt64?)] = []

    init(decoder: any ScrapeStreamDecoder) {
        self.decoder = decoder
        decodeRoom = max(Self.decodeChunk, decoder.preferredOutputRoom)
        baseCapacity = max(Self.initialCapacity, 2 * decodeRoom)
        storage = .allocate(byteCount: baseCapacity, alignment: 16)
    }

    deinit {
        storage.deallocate()
    }

    /// The decoded bytes available now.
    var window: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: storage[head..<tail])
    }

    var available: Int { tail - head }

    /// Decodes until at least `count` bytes are in `window`, or the input ends or breaks.
    func fill(atLeast count: Int) -> DecodedFill {
        while tail - head < count {
            if let deferred {
                self.deferred = nil
                return deferred
            }
            if finished { return .end }
            reserve(room: max(decodeRoom, min(count - available, 8 << 20)))
            var free = UnsafeMutableRawBufferPointer(rebasing: storage[tail...])
            if let sparseReads {
                let room = max(sparseReads, count - available)
                if free.count > room { free = UnsafeMutableRawBufferPointer(rebasing: free[..<room]) }
            }
            switch decoder.decode(into: free) {
            case .bytes(let produced, let member):
                note(member: member, at: position + UInt64(available))
                tail += produced
            case .end:
                finished = true
                return .end
            case .damaged(let offset, let reason):
                return .damaged(offset: offset, reason: reason)
            case .discontinuity:
                return .discontinuity
            }
        }
        return .ready
    }

    /// Keeps a break met while peeking ahead, so it is reported when a reader reaches it.
    func deferBreak(_ outcome: DecodedFill) {
        deferred = outcome
    }

    /// Decodes at least one more byte into `window` when there is one.
    func fillMore() -> DecodedFill {
        fill(atLeast: available + 1)
    }

    /// Drops `count` bytes from the front of `window`.
    func consume(_ count: Int) {
        precondition(count >= 0 && count <= available)
        head += count
        position += UInt64(count)
        if head == tail {
            head = 0
            tail = 0
            if storage.count > baseCapacity * 4 {
                storage.deallocate()
                storage = .allocate(byteCount: baseCapacity, alignment: 16)
            }
        }
        pruneSegments()
    }

    /// Drops everything buffered (after a break in the stream).
    func dropBuffered() {
        consume(available)
    }

    /// Discards `count` bytes, decoding past the ones not buffered yet without keeping them.
    /// Returns `.ready` once all are skipped.
    func skip(_ count: UInt64) -> DecodedFill {
        if count > UInt64(available), let size = seekableSize, position + count <= size,
            seek(to: position + count)
        {
            return .ready
        }
        var remaining = count
        while remaining > 0 {
            if available == 0 {
                let outcome = fill(atLeast: 1)
                guard outcome == .ready else { return outcome }
            }
            let step = Int(min(UInt64(available), remaining))
            consume(step)
            remaining -= UInt64(step)
        }
        return .ready
    }

    /// The stored offset of the next gzip member when everything decoded so far has been consumed
    /// but CR/LF bytes, and the decoder rests between members; nil otherwise.
    var restingMemberBoundary: UInt64? {
        guard deferred == nil, !finished, window.allSatisfy({ $0 == 0x0d || $0 == 0x0a }) else { return nil }
        return (decoder as? GzipMemberDecoder)?.memberBoundary
    }

    /// The size of the input when the window can be moved with `seek` (uncompressed regular files).
    var seekableSize: UInt64? {
        (decoder as? any SeekableStreamDecoder)?.seekableSize
    }

    /// Moves the window to decoded position `target`, dropping what is buffered; false (and nothing
    /// changed) when the input cannot seek. Only for inputs with a `seekableSize`.
    func seek(to target: UInt64) -> Bool {
        guard let seekable = decoder as? any SeekableStreamDecoder, seekable.seekableSize != nil,
            seekable.seek(to: target)
        else { return false }
        head = 0
        tail = 0
        position = target
        finished = false
        deferred = nil
        segments.removeAll()
        return true
    }

    /// Copies `count` bytes starting `offset` bytes into `window`.
    func copy(from offset: Int, count: Int) -> [UInt8] {
        Array(UnsafeRawBufferPointer(rebasing: storage[(head + offset)..<(head + offset + count)]))
    }

    /// The stored-file offset for a decoded position still in the buffer: the offset of the member it
    /// came from for compressed input, or the position itself for plain input.
    func sourceOffset(atDecoded decodedPosition: UInt64) -> UInt64 {
        for segment in segments.reversed() where segment.start <= decodedPosition {
            return segment.member ?? decodedPosition
        }
        return decodedPosition
    }

    private func note(member: UInt64?, at decodedPosition: UInt64) {
        if let last = segments.last, last.member == member { return }
        segments.append((start: decodedPosition, member: member))
    }

    /// Keeps only the segments that can still describe a byte at or after `position`.
    private func pruneSegments() {
        var firstNeeded = 0
        while firstNeeded + 1 < segments.count, segments[firstNeeded + 1].start <= position {
            firstNeeded += 1
        }
        if firstNeeded > 0 { segments.removeFirst(firstNeeded) }
    }

    /// Makes sure `room` bytes are free after `tail`, compacting first and growing only if needed.
    private func reserve(room: Int) {
        if storage.count - tail >= room { return }
        if head > 0 {
            if tail > head, let base = storage.baseAddress {
                memmove(base, base + head, tail - head)
            }
            tail -= head
            head = 0
        }
        if storage.count - tail >= room { return }
        var capacity = storage.count
        while capacity - tail < room { capacity *= 2 }
        let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        if tail > 0 { grown.copyMemory(from: UnsafeRawBufferPointer(rebasing: storage[0..<tail])) }
        storage.deallocate()
        storage = grown
    }
}
