import CZlib
import CZstd
import Foundation
import Logging
import ScrapeIO
import TestSupport

/// A fresh directory under the system temp folder, deleted when the value goes away, with the
/// file helpers the writer tests use.
final class WriterScratchDirectory {
    private let directory: TemporaryDirectory
    let path: String

    init() throws {
        directory = try TemporaryDirectory(prefix: "writer-test")
        path = directory.location
    }

    /// A path inside the directory (not created).
    func file(_ name: String) -> String { path + "/" + name }

    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: file(name))))
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
    }

    func append(_ name: String, _ bytes: [UInt8]) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file(name)))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
    }

    func size(_ name: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: file(name))[.size] as? Int) ?? -1
    }

    /// `_manifest.json` as a JSON dictionary.
    func manifest() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(bytes("_manifest.json"))) as? [String: Any] ?? [:]
    }

    /// The `parts` array of the manifest.
    func manifestParts() throws -> [[String: Any]] {
        try manifest()["parts"] as? [[String: Any]] ?? []
    }
}

/// Shared helpers of the writer tests.
enum WriterFixtures {
    static let quietLogger = Logger(label: "writer-test") { _ in SwiftLogNoOpLogHandler() }

    static func settings(
        shards: Int = 4, compression: OutputCompression = .gzip, rotateBytes: Int64 = 512 << 20,
        bufferBytes: Int = 256 << 10
    ) -> ShardSettings {
        var settings = ShardSettings()
        settings.shards = shards
        settings.compression = compression
        settings.rotateBytes = rotateBytes
        settings.bufferBytes = bufferBytes
        settings.fsync = false
        return settings
    }

    /// A record line with an id and some English-like text.
    static func record(_ id: String, words: Int = 12) -> [UInt8] {
        let vocabulary = [
            "the", "council", "said", "on", "Tuesday", "that", "a", "new", "bridge", "would", "open",
        ]
        let text = (0..<words).map { vocabulary[($0 * 7 + id.count) % vocabulary.count] }.joined(
            separator: " ")
        return Array(#"{"id":"\#(id)","text":"\#(text)"}"#.utf8)
    }

    static func deadLetter(_ id: String) -> [UInt8] {
        Array(#"{"id":"\#(id)","source":"test","stage":"parse","reason":"bad","attempts":3}"#.utf8)
    }

    /// The `id` field of a line written by `record` or `deadLetter`.
    static func id(of line: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return nil
        }
        return object["id"] as? String
    }

    /// Decompresses a whole file of the given compression (all gzip members / zstd frames).
    static func decode(_ bytes: [UInt8], _ compression: OutputCompression) throws -> [UInt8] {
        switch compression {
        case .none: bytes
        case .gzip: try gunzip(bytes).content
        case .zstd: try unzstd(bytes)
        }
    }

    /// The lines of decoded JSON Lines content; requires every line to end with `\n`.
    static func lines(_ content: [UInt8]) throws -> [String] {
        if content.isEmpty { return [] }
        guard content.last == 0x0A else {
            throw TestDecodeError(message: "content does not end with a newline")
        }
        return content.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    static func crc32Of(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
    }

    /// Inflates a multi-member gzip file; also returns how many members it held.
    static func gunzip(_ bytes: [UInt8]) throws -> (content: [UInt8], members: Int) {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw TestDecodeError(message: "inflateInit2")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var members = 0
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        if bytes.isEmpty { return ([], 0) }
        var input = bytes
        try input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                if status == Z_STREAM_END {
                    members += 1
                    if stream.avail_in == 0 { return }
                    inflateReset(&stream)
                } else if status != Z_OK {
                    throw TestDecodeError(message: "inflate failed (\(status)) after \(members) members")
                }
            }
        }
        return (output, members)
    }

    /// Decompresses concatenated zstd frames.
    static func unzstd(_ bytes: [UInt8]) throws -> [UInt8] {
        guard let stream = ZSTD_createDStream() else { throw TestDecodeError(message: "ZSTD_createDStream") }
        defer { ZSTD_freeDStream(stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var lastHint = 0
        try bytes.withUnsafeBytes { raw in
            var inBuffer = ZSTD_inBuffer(src: raw.baseAddress, size: raw.count, pos: 0)
            var produced = 0
            while inBuffer.pos < inBuffer.size || produced == chunk.count {
                let hint: Int
                (hint, produced) = chunk.withUnsafeMutableBytes { outRaw in
                    var outBuffer = ZSTD_outBuffer(dst: outRaw.baseAddress, size: outRaw.count, pos: 0)
                    let hint = ZSTD_decompressStream(stream, &outBuffer, &inBuffer)
                    return (hint, outBuffer.pos)
                }
                if ZSTD_isError(hint) != 0 {
                    throw TestDecodeError(message: String(cString: ZSTD_getErrorName(hint)))
                }
                output.append(contentsOf: chunk[0..<produced])
                lastHint = hint
            }
        }
        guard lastHint == 0 else { throw TestDecodeError(message: "truncated zstd frame") }
        return output
    }

    /// Runs an executable found on PATH with `arguments`; `nil` when it is not installed.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: Data)? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        guard
            let directory = paths.first(where: {
                FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
            })
        else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "\(directory)/\(tool)")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}

struct TestDecodeError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
