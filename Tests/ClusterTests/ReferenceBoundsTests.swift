import Foundation
import ScrapeIO
import Testing

/// A worker reads by reference only inside its input roots, and never traps on a range from a
/// peer (issue 15, parts 1 and 5).
@Suite struct ReferenceBoundsTests {
    func failure(_ loader: ArticleReferenceLoader, _ payload: StoredPayload) -> String? {
        if case .failure(let error) = loader.body(of: payload) { return error.reason }
        return nil
    }

    @Test func anOffsetPastTheLargestFileOffsetIsAFailureNotACrash() {
        let loader = ArticleReferenceLoader()
        let payload = StoredPayload(file: "/dev/null", offset: 1 << 63, length: 10, isHTTP: false)
        #expect(failure(loader, payload)?.contains("largest file offset") == true)
        let edge = StoredPayload(file: "/dev/null", offset: UInt64(Int64.max) - 5, length: 10, isHTTP: false)
        #expect(failure(loader, edge) != nil)
    }

    @Test func filesOutsideTheRootsAreRefused() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("roots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let inside = root.appendingPathComponent("page.txt")
        try Data("hello from inside the root".utf8).write(to: inside)
        let link = root.appendingPathComponent("escape")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/etc/passwd")
        let loader = ArticleReferenceLoader(allowedRoots: [root.path])
        func payload(_ file: String, _ length: Int = 5) -> StoredPayload {
            StoredPayload(file: file, offset: 0, length: length, isHTTP: false)
        }
        #expect(failure(loader, payload("/etc/passwd"))?.contains("outside the allowed input roots") == true)
        #expect(failure(loader, payload("/proc/self/environ"))?.contains("outside") == true)
        #expect(failure(loader, payload(link.path))?.contains("outside") == true, "a symbolic link out")
        #expect(failure(loader, payload(root.path + "/../../etc/passwd"))?.contains("outside") == true)
        #expect(failure(loader, payload("page.txt"))?.contains("outside") == true, "relative paths")
        let folder = root.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(failure(loader, payload(folder.path))?.contains("not a regular file") == true)
        let body = try loader.body(of: payload(inside.path, 26)).get()
        #expect(String(decoding: body, as: UTF8.self) == "hello from inside the root")
        #expect(
            failure(ArticleReferenceLoader(allowedRoots: []), payload(inside.path)) != nil, "no roots: none")
    }
}
