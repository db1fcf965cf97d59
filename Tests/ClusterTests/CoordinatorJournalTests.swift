import Foundation
import Testing

@testable import Cluster

@Suite struct CoordinatorJournalTests {
    func directory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)").path
    }

    @Test func recoversCommitsWatermarkAndEnd() throws {
        let dir = directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let settings = CoordinatorJournal.RunSettings(
            inputs: ["a.warc.gz"], batchSize: 64, maxArticleBytes: 100)
        do {
            let journal = try CoordinatorJournal(directory: dir)
            try journal.append(.init("start", settings: settings))
            var entry = CoordinatorJournal.Entry("committed", jobs: ["job-0000001", "job-0000003"])
            entry.watermarkJob = 1
            entry.watermarkItems = 64
            try journal.append(entry)
            try journal.append(.init("requeued", jobs: ["job-0000002"], reason: "lease expired"))
        }
        var recovered = try CoordinatorJournal.recover(directory: dir)
        #expect(recovered.settings == settings)
        #expect(recovered.committed == ["job-0000001", "job-0000003"])
        #expect(recovered.watermark == InputWatermark(job: 1, items: 64))
        #expect(recovered.requeues == 1)
        #expect(!recovered.finished)
        try CoordinatorJournal(directory: dir).append(.init("finished"))
        recovered = try CoordinatorJournal.recover(directory: dir)
        #expect(recovered.finished)
    }

    @Test func tornLastLineIsIgnored() throws {
        let dir = directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = try CoordinatorJournal(directory: dir)
        try journal.append(.init("start", settings: .init(inputs: ["x"], batchSize: 8, maxArticleBytes: 1)))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"t":"committed","jobs":["job-00"#.utf8))
        try handle.close()
        let recovered = try CoordinatorJournal.recover(directory: dir)
        #expect(recovered.committed.isEmpty)
        #expect(recovered.settings?.batchSize == 8)
    }

    @Test func absentJournalIsEmpty() throws {
        #expect(try CoordinatorJournal.recover(directory: directory()).isEmpty)
    }
}
