import Foundation

/// Reads a Presswork output directory back: every record and dead-letter row, decompressed.
struct OutputDirectory {
    let url: URL

    var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    /// The JSON objects of every file whose name starts with `prefix`.
    func objects(prefix: String) throws -> [[String: Any]] {
        var objects: [[String: Any]] = []
        for name in files where name.hasPrefix(prefix) {
            let text = try decompressed(url.appendingPathComponent(name))
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
                objects.append(object as? [String: Any] ?? [:])
            }
        }
        return objects
    }

    var records: [[String: Any]] { get throws { try objects(prefix: "shard-") } }
    var deadLetters: [[String: Any]] { get throws { try objects(prefix: "dead-letter") } }

    var manifest: [String: Any]? {
        guard let data = try? Data(contentsOf: url.appendingPathComponent("_manifest.json")) else {
            return nil
        }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// The file's text, through `gzip -dc` or `zstd -dc` when compressed.
    func decompressed(_ file: URL) throws -> String {
        let tool: String?
        switch file.pathExtension {
        case "gz": tool = "gzip"
        case "zst": tool = "zstd"
        default: tool = nil
        }
        guard let tool else { return try String(contentsOf: file, encoding: .utf8) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool, "-dc", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: file.path])
        }
        return String(decoding: data, as: UTF8.self)
    }
}
