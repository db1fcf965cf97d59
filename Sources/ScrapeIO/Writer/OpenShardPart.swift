import CZlib

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The open (hidden, still growing) part file of one shard slot.
///
/// Lines are buffered raw, compressed in blocks of `bufferBytes` and written past the committed
/// length as the buffer fills, so memory stays bounded. The committed figures move only when
/// the writer's commit has made the manifest durable (`markCommitted`); until then `rollback`
/// can cut the file back to its committed length.
final class OpenShardPart {
    let slot: ShardSlot
    let number: Int
    let finalName: String
    let tempName: String
    let path: String
    private let fd: Int32
    private let encoder: ShardStreamEncoder
    private let bufferBytes: Int

    /// The last committed state, as the manifest has it.
    private(set) var committed: ShardManifest.Part
    /// Whether the manifest lists this part (it has been committed at least once).
    private(set) var isListed: Bool

    private var input: [UInt8] = []
    private var output: [UInt8] = []
    private var writtenBytes: Int64
    private var runningCRC: UInt32
    private(set) var pendingRecords = 0
    private var pendingRawBytes: Int64 = 0
    /// Something was written since the last commit, so the next commit must include this part.
    private(set) var isDirty = false

    /// Opens the part described by `entry`; a listed part's file is cut to its committed length.
    init(
        entry: ShardManifest.Part, listed: Bool, directory: String, settings: ShardSettings
    ) throws(OutputError) {
        slot = entry.slot
        number = entry.part
        finalName = entry.name
        tempName = entry.tempName
        path = ShardFileIO.join(directory, entry.tempName)
        committed = entry
        isListed = listed
        writtenBytes = entry.bytes
        runningCRC = entry.crc32
        bufferBytes = max(1, settings.bufferBytes)
        do {
            encoder = try makeShardStreamEncoder(
                settings.compression, level: settings.resolvedLevel ?? 0, bufferBytes: bufferBytes)
        } catch {
            throw OutputError(path: path, reason: error.description)
        }
        fd = try ShardFileIO.openForWriting(path, truncate: !listed)
        if listed {
            do throws(OutputError) {
                try ShardFileIO.truncate(fd, to: entry.bytes, path: path)
            } catch {
                close(fd)
                throw error
            }
        }
        input.reserveCapacity(bufferBytes + 4096)
    }

    deinit {
        close(fd)
    }

    /// Buffers one line (a newline is added); compresses and writes once the buffer is full.
    func append(_ line: [UInt8]) throws(OutputError) {
        input.append(contentsOf: line)
        input.append(0x0A)
        pendingRecords += 1
        pendingRawBytes += Int64(line.count + 1)
        isDirty = true
        if input.count >= bufferBytes { try flushInput() }
    }

    /// Ends the segment (gzip member / zstd frame) so the file is complete up to here, and
    /// optionally fsyncs it. Returns the manifest entry that describes the file now.
    func finishSegment(sync: Bool) throws(OutputError) -> ShardManifest.Part {
        try flushInput()
        do {
            try encoder.endSegment(into: &output)
        } catch {
            throw OutputError(path: path, reason: error.description)
        }
        try writeOutput()
        if sync { try ShardFileIO.sync(fd, path: path) }
        var entry = committed
        entry.bytes = writtenBytes
        entry.records += pendingRecords
        entry.rawBytes += pendingRawBytes
        entry.crc32 = runningCRC
        return entry
    }

    /// Writes a segment without payload, so that an otherwise empty file still decodes.
    func appendEmptySegment() throws(OutputError) {
        do {
            try encoder.emptySegment(into: &output)
        } catch {
            throw OutputError(path: path, reason: error.description)
        }
        try writeOutput()
        isDirty = true
    }

    /// Adopts `entry` (from `finishSegment`) as committed, once the manifest holds it.
    func markCommitted(_ entry: ShardManifest.Part) {
        committed = entry
        isListed = true
        pendingRecords = 0
        pendingRawBytes = 0
        isDirty = false
    }

    /// Drops everything since the last commit and cuts the file back to its committed length.
    func rollback() throws(OutputError) {
        input.removeAll(keepingCapacity: true)
        output.removeAll(keepingCapacity: true)
        encoder.reset()
        pendingRecords = 0
        pendingRawBytes = 0
        isDirty = false
        writtenBytes = committed.bytes
        runningCRC = committed.crc32
        try ShardFileIO.truncate(fd, to: committed.bytes, path: path)
    }

    private func flushInput() throws(OutputError) {
        guard !input.isEmpty else { return }
        let failure: EncoderError? = input.withUnsafeBytes { raw in
            do throws(EncoderError) {
                try encoder.compress(raw, into: &output)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw OutputError(path: path, reason: failure.description) }
        input.removeAll(keepingCapacity: true)
        try writeOutput()
    }

    private func writeOutput() throws(OutputError) {
        guard !output.isEmpty else { return }
        try ShardFileIO.write(fd, output, at: writtenBytes, path: path)
        runningCRC = output.withUnsafeBytes { raw in
            UInt32(
                crc32(
                    uLong(runningCRC), raw.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(raw.count)))
        }
        writtenBytes += Int64(output.count)
        output.removeAll(keepingCapacity: true)
    }
}

extension OpenShardPart {
    /// Gives the file its final name; call only right after a commit (nothing pending).
    func seal(in directory: String) throws(OutputError) -> ShardManifest.Part {
        precondition(!isDirty, "sealing a part with uncommitted data")
        try ShardFileIO.move(path, to: ShardFileIO.join(directory, finalName))
        var entry = committed
        entry.sealed = true
        return entry
    }
}
