#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX file operations the writer needs, with errors turned into `OutputError`.
///
/// Plain POSIX rather than Foundation because the commit protocol depends on exactly which
/// calls happen in which order (`pwrite`, `fsync`, `ftruncate`, `rename`, directory `fsync`).
enum ShardFileIO {
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Creates `path` and any missing parents.
    static func makeDirectory(_ path: String) throws(OutputError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw failure(prefix, "cannot create directory")
            }
        }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw OutputError(path: path, reason: "not a directory")
        }
    }

    /// Names in `directory` (without `.` and `..`).
    static func list(_ directory: String) throws(OutputError) -> [String] {
        guard let handle = opendir(directory) else { throw failure(directory, "cannot list") }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// The size of the regular file at `path`, or `nil` when nothing is there.
    static func size(_ path: String) throws(OutputError) -> Int64? {
        var info = stat()
        if stat(path, &info) != 0 {
            if errno == ENOENT { return nil }
            throw failure(path, "cannot stat")
        }
        return Int64(info.st_size)
    }

    /// Opens `path` for writing, creating it; `truncate` empties an existing file.
    static func openForWriting(_ path: String, truncate: Bool) throws(OutputError) -> Int32 {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (truncate ? O_TRUNC : 0)
        let fd = open(path, flags, 0o644)
        if fd < 0 { throw failure(path, "cannot open for writing") }
        return fd
    }

    /// Writes all of `bytes` at `offset`, retrying short writes and interrupts.
    static func write(_ fd: Int32, _ bytes: [UInt8], at offset: Int64, path: String) throws(OutputError) {
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(offset) + off_t(done))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, "write failed")
            }
            done += count
        }
    }

    static func sync(_ fd: Int32, path: String) throws(OutputError) {
        if fsync(fd) != 0 { throw failure(path, "fsync failed") }
    }

    static func truncate(_ fd: Int32, to length: Int64, path: String) throws(OutputError) {
        if ftruncate(fd, off_t(length)) != 0 { throw failure(path, "truncate failed") }
    }

    static func truncate(_ path: String, to length: Int64) throws(OutputError) {
        let fd = try openForWriting(path, truncate: false)
        defer { close(fd) }
        try truncate(fd, to: length, path: path)
        try sync(fd, path: path)
    }

    /// Makes renames and new names in `directory` durable.
    static func syncDirectory(_ directory: String) throws(OutputError) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw failure(directory, "cannot open directory") }
        defer { close(fd) }
        try sync(fd, path: directory)
    }

    static func move(_ from: String, to: String) throws(OutputError) {
        if rename(from, to) != 0 { throw failure(from, "cannot rename to \(to)") }
    }

    static func remove(_ path: String) throws(OutputError) {
        if unlink(path) != 0 && errno != ENOENT { throw failure(path, "cannot delete") }
    }

    /// The whole content of a small file, or `nil` when it does not exist.
    static func readAll(_ path: String) throws(OutputError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw failure(path, "cannot open for reading")
        }
        defer { close(fd) }
        var content: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, "read failed")
            }
            if count == 0 { return content }
            content.append(contentsOf: chunk[0..<count])
        }
    }

    /// Replaces `name` in `directory` with `bytes` so that readers see the old or the new file,
    /// never a mix: temp file, fsync, rename, directory fsync.
    static func replaceAtomically(
        directory: String, name: String, tempName: String, bytes: [UInt8], sync durable: Bool
    ) throws(OutputError) {
        let tempPath = join(directory, tempName)
        let fd = try openForWriting(tempPath, truncate: true)
        do throws(OutputError) {
            try write(fd, bytes, at: 0, path: tempPath)
            if durable { try sync(fd, path: tempPath) }
        } catch {
            close(fd)
            throw error
        }
        close(fd)
        try move(tempPath, to: join(directory, name))
        if durable { try syncDirectory(directory) }
    }

    static func failure(_ path: String, _ what: String) -> OutputError {
        let code = errno
        return OutputError(path: path, reason: "\(what): \(String(cString: strerror(code))) (errno \(code))")
    }
}
