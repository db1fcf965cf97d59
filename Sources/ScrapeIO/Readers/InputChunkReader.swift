import RemoteIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one file descriptor, or one remote object, in fixed-size chunks into a single reusable buffer.
///
/// This is the only place that calls `read(2)` on scrape inputs (and reads remote ones), so memory per open input stays at one
/// chunk no matter how large the file is. Decoders take bytes from `unconsumed` and `consume` what they
/// used; `offset` is then the file offset of the next unconsumed byte, which is how gzip member offsets
/// are known without any seeking (stdin cannot seek).
final class InputChunkReader {
    /// 256 KiB: large enough that syscalls and decoder calls are rare, small enough to stay in L2.
    static let defaultChunkSize = 256 << 10

    /// The path as given by the user (or `-`), for locations and messages.
    let path: String
    private let source: Source
    private let storage: UnsafeMutableRawBufferPointer
    private var head = 0
    private var tail = 0
    /// The file offset of the next unconsumed byte.
    private(set) var offset: UInt64 = 0
    /// Bytes of the input got through so far (as stored, before any decompression): read, or
    /// sought past. After a seek backwards it keeps the furthest offset reached.
    private(set) var bytesRead: UInt64 = 0
    /// The file offset just after the last byte read (or sought to).
    private var readPosition: UInt64 = 0
    /// True once `read(2)` returned end of file or failed.
    private(set) var reachedEnd = false
    /// Why reading stopped early, when it did (`strerror` text, lower-cased).
    private(set) var readError: String?
    /// True for a regular file, where a read returns at once; false for pipes, terminals and
    /// sockets (stdin), where a read may wait for a writer.
    let isRegularFile: Bool
    /// The file's size when it is a regular file (taken when opened).
    let regularFileSize: UInt64?

    /// Where the stored bytes come from.
    private enum Source {
        case descriptor(Int32, closes: Bool)
        /// An HTTP(S) object: read in order only, like a pipe (no seeking, no `pread`).
        case remote(RemoteObjectStream)
        /// Bytes fetched already (a record range of a remote file): they stand at file offset
        /// `base` on, and the file is taken to end where they do.
        case memory([UInt8], base: UInt64)
        /// An HTTP(S) object of known size read at any offset in blocks (a split of a remote file).
        case blocks(RemoteBlockReader)
    }

    init(descriptor: Int32, path: String, closesDescriptor: Bool, chunkSize: Int = defaultChunkSize) {
        self.source = .descriptor(descriptor, closes: closesDescriptor)
        self.path = path
        self.storage = .allocate(byteCount: max(chunkSize, 16), alignment: 16)
        var info = stat()
        isRegularFile = fstat(descriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        regularFileSize = isRegularFile ? UInt64(info.st_size) : nil
    }

    /// Reads the remote object `stream` (its URL is `path`).
    init(remote stream: RemoteObjectStream, path: String, chunkSize: Int = defaultChunkSize) {
        self.source = .remote(stream)
        self.path = path
        self.storage = .allocate(byteCount: max(chunkSize, 16), alignment: 16)
        isRegularFile = false
        regularFileSize = nil
    }

    /// Reads `bytes`, which stand at file offset `base` of the file `path` names.
    init(memory bytes: [UInt8], base: UInt64, path: String, chunkSize: Int = defaultChunkSize) {
        self.source = .memory(bytes, base: base)
        self.path = path
        self.storage = .allocate(byteCount: max(chunkSize, 16), alignment: 16)
        isRegularFile = true
        regularFileSize = base + UInt64(bytes.count)
        offset = base
        readPosition = base
    }

    /// Reads the remote object `blocks` at any offset, like a regular file of its size.
    init(blocks: RemoteBlockReader, path: String, chunkSize: Int = defaultChunkSize) {
        self.source = .blocks(blocks)
        self.path = path
        self.storage = .allocate(byteCount: max(chunkSize, 16), alignment: 16)
        isRegularFile = true
        regularFileSize = blocks.size
    }

    deinit {
        storage.deallocate()
        switch source {
        case .descriptor(let descriptor, let closes): if closes { _ = close(descriptor) }
        case .remote(let stream): stream.close()
        case .memory, .blocks: break
        }
    }

    /// True when the bytes come over the network: a read error there is a failed fetch.
    var isRemote: Bool {
        switch source {
        case .remote, .blocks: true
        case .descriptor, .memory: false
        }
    }

    /// The requests, retries and throttled retries of a remote input so far (zeros for a file).
    var fetchFigures: (requests: Int, retries: Int, throttled: Int) {
        switch source {
        case .remote(let stream): (stream.requests, stream.retries, stream.throttled)
        case .blocks(let blocks): (blocks.requests, blocks.retries, blocks.throttled)
        case .descriptor, .memory: (0, 0, 0)
        }
    }

    /// Bytes fetched over the network (0 for a file or bytes fetched by someone else).
    var bytesFetched: UInt64 {
        switch source {
        case .remote: bytesRead
        case .blocks(let blocks): blocks.bytesFetched
        case .descriptor, .memory: 0
        }
    }

    /// The file descriptor of a regular file, the only source that can seek and `pread`.
    private var seekableDescriptor: Int32? {
        guard isRegularFile, case .descriptor(let descriptor, _) = source else { return nil }
        return descriptor
    }

    /// Opens `path` read-only, or returns the lower-cased system reason it could not be opened;
    /// `label` names it in locations (by default, `path`).
    static func open(path: String, label: String? = nil) -> Result<InputChunkReader, SystemErrorReason> {
        let fd = Self.systemOpen(path)
        guard fd >= 0 else { return .failure(SystemErrorReason(errno: errno)) }
        return .success(InputChunkReader(descriptor: fd, path: label ?? path, closesDescriptor: true))
    }

    private static func systemOpen(_ path: String) -> Int32 {
        #if canImport(Glibc)
            return Glibc.open(path, O_RDONLY | O_CLOEXEC)
        #else
            return Darwin.open(path, O_RDONLY | O_CLOEXEC)
        #endif
    }

    /// The most bytes `unconsumed` can hold.
    var capacity: Int { storage.count }

    /// The bytes read but not yet consumed.
    var unconsumed: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: storage[head..<tail])
    }

    /// Marks `count` bytes at the front of `unconsumed` as used.
    func consume(_ count: Int) {
        precondition(count >= 0 && count <= tail - head)
        head += count
        offset += UInt64(count)
    }

    /// Moves the unconsumed bytes to the front and reads more behind them.
    ///
    /// Returns false when nothing more can be read: end of file, a read error, or a full buffer.
    @discardableResult
    func refill() -> Bool {
        if head > 0 {
            let remaining = tail - head
            if remaining > 0, let base = storage.baseAddress {
                memmove(base, base + head, remaining)
            }
            head = 0
            tail = remaining
        }
        guard !reachedEnd, tail < storage.count, let base = storage.baseAddress else { return false }
        let count = readRetrying(into: base + tail, capacity: storage.count - tail)
        guard count > 0 else { return false }
        tail += count
        return true
    }

    /// Makes at least `count` bytes available in `unconsumed` if the input has them (for sniffing).
    func peek(_ count: Int) -> UnsafeRawBufferPointer {
        let wanted = min(count, storage.count)
        while tail - head < wanted, refill() {}
        return unconsumed
    }

    /// Hands out buffered bytes first, then reads straight into `destination` (no copy) for plain input.
    func readDirect(into destination: UnsafeMutableRawBufferPointer) -> Int {
        guard let target = destination.baseAddress, destination.count > 0 else { return 0 }
        if tail > head {
            let count = min(tail - head, destination.count)
            memcpy(target, storage.baseAddress! + head, count)
            consume(count)
            return count
        }
        guard !reachedEnd else { return 0 }
        let count = readRetrying(into: target, capacity: destination.count)
        offset += UInt64(count)
        return count
    }

    /// Moves to file offset `target` of a regular file, dropping buffered bytes; false when the
    /// input cannot seek (then nothing changed).
    func seek(to target: UInt64) -> Bool {
        if case .memory = source {
            guard target <= regularFileSize ?? 0 else { return false }
        } else if case .blocks = source {
            guard target <= regularFileSize ?? 0 else { return false }
        } else {
            guard let descriptor = seekableDescriptor, lseek(descriptor, off_t(target), SEEK_SET) >= 0 else {
                return false
            }
        }
        head = 0
        tail = 0
        offset = target
        readPosition = target
        bytesRead = max(bytesRead, target)
        reachedEnd = false
        return true
    }

    /// Reads up to `destination.count` bytes at file offset `position` of a regular file without
    /// moving the sequential position; the count read (0 at the end or on an error).
    func readStored(at position: UInt64, into destination: UnsafeMutableRawBufferPointer) -> Int {
        if case .blocks(let blocks) = source {
            let count = blocks.read(at: position, into: destination)
            if let error = blocks.error { readError = error.description }
            bytesRead = max(bytesRead, position + UInt64(count))
            return count
        }
        if case .memory(let bytes, let base) = source {
            guard position >= base, position - base < UInt64(bytes.count), destination.count > 0 else {
                return 0
            }
            let from = Int(position - base)
            let count = min(destination.count, bytes.count - from)
            bytes.withUnsafeBytes {
                destination.baseAddress!.copyMemory(from: $0.baseAddress! + from, byteCount: count)
            }
            bytesRead = max(bytesRead, position + UInt64(count))
            return count
        }
        guard let descriptor = seekableDescriptor, let target = destination.baseAddress else { return 0 }
        var done = 0
        while done < destination.count {
            let count = pread(
                descriptor, target + done, destination.count - done, off_t(position) + off_t(done))
            if count > 0 {
                done += count
            } else if count < 0, errno == EINTR {
                continue
            } else {
                break
            }
        }
        bytesRead = max(bytesRead, position + UInt64(done))
        return done
    }

    private func readRetrying(into target: UnsafeMutableRawPointer, capacity: Int) -> Int {
        let descriptor: Int32
        switch source {
        case .descriptor(let file, _):
            descriptor = file
        case .memory, .blocks:
            let count = readStored(
                at: readPosition, into: UnsafeMutableRawBufferPointer(start: target, count: capacity))
            readPosition += UInt64(count)
            if count == 0 { reachedEnd = true }
            return count
        case .remote(let stream):
            do {
                let count = try stream.read(
                    into: UnsafeMutableRawBufferPointer(start: target, count: capacity))
                readPosition += UInt64(count)
                bytesRead = max(bytesRead, readPosition)
                if count == 0 { reachedEnd = true }
                return count
            } catch {
                readError = error.description
                reachedEnd = true
                return 0
            }
        }
        while true {
            let count = read(descriptor, target, capacity)
            if count > 0 {
                readPosition += UInt64(count)
                bytesRead = max(bytesRead, readPosition)
                return count
            }
            if count == 0 {
                reachedEnd = true
                return 0
            }
            if errno == EINTR { continue }
            readError = SystemErrorReason(errno: errno).text
            reachedEnd = true
            return 0
        }
    }
}

/// A system call's failure as a short lower-case reason, e.g. "no such file or directory".
struct SystemErrorReason: Error, Equatable {
    var text: String

    init(errno code: Int32) {
        text = String(cString: strerror(code)).lowercased()
    }
}
