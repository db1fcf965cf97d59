/// Gathers the record ranges a CDX selection admits into batches, one file's records each, so that
/// a job carries several records instead of one: a batch is handed out when it holds `records`
/// records, when the next record would take it past `bytes`, when more than `openFiles` files have
/// batches being gathered (the oldest goes), and at the end of the index (in the order the batches
/// were started). The same index and settings give the same batches, so a resumed run cuts the
/// same jobs.
struct CdxRecordBatches {
    let records: Int
    let bytes: UInt64
    let openFiles: Int
    /// The batch being gathered for each file.
    private var open: [String: FileSplit] = [:]
    /// The files of `open`, oldest batch first.
    private var order: [String] = []

    init(records: Int, bytes: UInt64, openFiles: Int) {
        self.records = max(1, records)
        self.bytes = bytes
        self.openFiles = max(1, openFiles)
    }

    /// Adds one record range; returns a batch that is complete, if any.
    mutating func add(_ range: FileSplit) -> FileSplit? {
        guard records > 1 else { return range }
        if var batch = open[range.file] {
            if batch.bytes &+ range.length > bytes {
                open[range.file] = range
                order.removeAll { $0 == range.file }
                order.append(range.file)
                return batch
            }
            batch.appendRecord(range)
            guard (batch.recordCount ?? 1) >= records else {
                open[range.file] = batch
                return nil
            }
            open[range.file] = nil
            order.removeAll { $0 == range.file }
            return batch
        }
        open[range.file] = range
        order.append(range.file)
        guard order.count > openFiles else { return nil }
        return open.removeValue(forKey: order.removeFirst())
    }

    /// The oldest batch still being gathered, at the end of the index; nil when none is left.
    mutating func flush() -> FileSplit? {
        guard !order.isEmpty else { return nil }
        return open.removeValue(forKey: order.removeFirst())
    }
}
