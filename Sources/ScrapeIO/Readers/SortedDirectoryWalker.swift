#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Walks a folder tree depth-first in byte-wise sorted order, so every run sees files in the same order.
///
/// Only one listing per open level is held, not the whole tree. Symbolic links to folders are not
/// followed (they could loop); links to files are.
final class SortedDirectoryWalker {
    enum Entry: Equatable {
        case file(path: String, size: UInt64)
        /// A folder that could not be listed, or an entry that could not be examined.
        case unreadable(path: String, reason: String)
        /// Not a regular file or folder (socket, device, link to a folder).
        case special(path: String)
    }

    private var stack: [(directory: String, names: [String], index: Int)] = []
    private var pendingRoot: String?

    init(root: String) {
        pendingRoot = root
    }

    func next() -> Entry? {
        if let root = pendingRoot {
            pendingRoot = nil
            if let failure = push(directory: root) { return failure }
        }
        while var top = stack.popLast() {
            guard top.index < top.names.count else { continue }
            let name = top.names[top.index]
            top.index += 1
            stack.append(top)
            let path = top.directory.hasSuffix("/") ? top.directory + name : top.directory + "/" + name
            switch Self.kind(of: path) {
            case .success(.directory):
                if let failure = push(directory: path) { return failure }
            case .success(.file(let size)):
                return .file(path: path, size: size)
            case .success(.other):
                return .special(path: path)
            case .failure(let error):
                return .unreadable(path: path, reason: error.text)
            }
        }
        return nil
    }

    private func push(directory: String) -> Entry? {
        guard let handle = opendir(directory) else {
            return .unreadable(path: directory, reason: SystemErrorReason(errno: errno).text)
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        stack.append((directory: directory, names: names, index: 0))
        return nil
    }

    enum Kind: Equatable {
        case directory
        case file(size: UInt64)
        case other
    }

    /// What `path` is. Inside walks a link to a folder counts as `.other` so walks never loop;
    /// a path the user named is followed (`followsFolderLinks`).
    static func kind(of path: String, followsFolderLinks: Bool = false) -> Result<Kind, SystemErrorReason> {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .failure(SystemErrorReason(errno: errno)) }
        let isLink = info.st_mode & S_IFMT == S_IFLNK
        if isLink, stat(path, &info) != 0 { return .failure(SystemErrorReason(errno: errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .success(isLink && !followsFolderLinks ? .other : .directory)
        case S_IFREG: return .success(.file(size: UInt64(info.st_size)))
        default: return .success(.other)
        }
    }
}
