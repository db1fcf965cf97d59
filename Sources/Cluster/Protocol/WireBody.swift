import ArticlePipeline
import RemoteIO
import ScrapeIO

/// A message body that checks itself against `WireLimits` once decoded: `WireCodec.body` decodes
/// only `WireBody` types and validates every one, so no role acts on an unchecked message.
public protocol WireBody: Codable, Sendable {
    /// Throws when a count, a name or a size is out of bounds.
    func validate(_ limits: WireLimits) throws(WireError)
}

extension PeerInfo {
    func validate(_ limits: WireLimits) throws(WireError) {
        try limits.name(id, "peer id")
        guard role == "worker" || role == "collector" else { throw WireError("unknown peer role") }
        try limits.name(host, "host name")
        try limits.count(Int(pid), "pid", in: 0...Int(Int32.max))
        try limits.count(threads, "threads", in: 1...limits.maxThreads)
    }
}

extension HelloBody: WireBody {
    public func validate(_ limits: WireLimits) throws(WireError) {
        try peer.validate(limits)
        try limits.count(credit, "credit", in: 0...limits.maxCredit)
        if let committed {
            try limits.count(committed.count, "committed jobs", in: 0...limits.maxListedJobs)
            for job in committed { try limits.name(job, "a committed job id") }
        }
        if let proof { try limits.name(proof, "collector proof") }
    }
}

extension CreditBody: WireBody {
    public func validate(_ limits: WireLimits) throws(WireError) {
        try limits.count(n, "credit", in: 0...limits.maxCredit)
        if let done { try limits.name(done, "job id") }
    }
}

extension ByeBody: WireBody {
    public func validate(_ limits: WireLimits) throws(WireError) {
        try limits.count(returned.count, "returned jobs", in: 0...limits.maxCredit)
        for job in returned { try limits.name(job, "a returned job id") }
    }
}

extension WorkerFigures {
    func validate(_ limits: WireLimits) throws(WireError) {
        for value in [jobsHeld, articlesDone, articlesFailed] {
            try limits.count(value, "a worker figure", in: 0...limits.maxCounter)
        }
    }
}

extension HeartbeatBody: WireBody {
    public func validate(_ limits: WireLimits) throws(WireError) {
        try figures?.validate(limits)
    }
}

extension ArticleMeta {
    func validate(_ limits: WireLimits) throws(WireError) {
        try limits.name(id, "article id", max: limits.maxArticleIDBytes)
        try limits.text(url, "url")
        try limits.text(contentType, "content type")
        try limits.text(charset, "charset")
        try limits.text(fetchedAt, "fetch time")
        try limits.text(source.path, "source path")
        if let payload { try payload.validate(limits) }
    }
}

extension StoredPayload {
    func validate(_ limits: WireLimits) throws(WireError) {
        guard !file.isEmpty, WireLimits.isText(file, max: limits.maxTextBytes) else {
            throw WireError("referenced file name is empty, too long or holds control characters")
        }
        try limits.count(length, "referenced length", in: 0...limits.maxReferencedBytes)
        // The range must end inside a file offset (off_t): no Int64 overflow when it is read.
        guard offset <= UInt64(Int64.max) - UInt64(length) else {
            throw WireError("referenced range ends past the largest file offset")
        }
    }
}

extension DeadLetter {
    func validate(_ limits: WireLimits) throws(WireError) {
        try limits.name(id, "dead-letter id", max: limits.maxArticleIDBytes)
        try limits.text(source, "dead-letter source")
        try limits.name(stage, "dead-letter stage", max: 64)
        try limits.text(url, "dead-letter url")
        guard reason.utf8.count <= limits.maxTextBytes else { throw WireError("dead-letter reason too long") }
    }
}

extension JobHeader: WireBody {
    public func validate(_ limits: WireLimits) throws(WireError) {
        try limits.name(job, "job id")
        try limits.count(attempt, "attempt", in: 1...limits.maxAttempts)
        try limits.count(articles.count + failures.count, "job items", in: 0...limits.maxArticlesPerJob)
        for article in articles { try article.validate(limits) }
        for failure in failures { try failure.validate(limits) }
        if let lease { try lease.validate(limits) }
        if let split {
            guard articles.isEmpty, failures.isEmpty else { throw WireError("a split job lists items") }
            try split.validate(limits)
        }
    }
}

extension FileSplit {
    func validate(_ limits: WireLimits) throws(WireError) {
        for name in [path, file] {
            guard !name.isEmpty, WireLimits.isText(name, max: limits.maxTextBytes) else {
                throw WireError("split file name is empty, too long or holds control characters")
            }
        }
        guard file.hasPrefix("/") || RemoteLocation.isRemote(file) else {
            throw WireError("split file is neither an absolute path nor an http(s) URL")
        }
        // Offsets must stay file offsets (off_t): no Int64 overflow when the range is read.
        guard fileSize <= UInt64(Int64.max), length > 0, offset < fileSize, length <= fileSize - offset else {
            throw WireError("split range \(offset)+\(length) does not lie in a file of \(fileSize) bytes")
        }
        if let records {
            guard isRecordRange == true, records.count <= limits.maxArticlesPerJob else {
                throw WireError("a split lists records but is no record range, or too many")
            }
            for record in records
            where record.length == 0 || record.offset < offset || record.offset >= end
                || record.length > end - record.offset
            {
                throw WireError("record \(record.offset)+\(record.length) lies outside its split")
            }
        }
    }
}

extension LeaseGrant {
    func validate(_ limits: WireLimits) throws(WireError) {
        try limits.name(worker, "lease holder")
        try limits.name(token, "lease token", max: 128)
    }
}

extension ResultHeader: WireBody {
    public func validate(_ limits: WireLimits) throws(WireError) {
        try limits.name(job, "job id")
        try limits.count(attempt, "attempt", in: 1...limits.maxAttempts)
        try limits.name(worker, "worker id")
        try limits.count(ids.count, "records", in: 0...limits.maxArticlesPerJob)
        try limits.count(deadLetters, "dead letters", in: 0...limits.maxArticlesPerJob)
        try limits.count(ids.count + deadLetters, "result items", in: 0...limits.maxArticlesPerJob)
        for id in ids { try limits.name(id, "record id", max: limits.maxArticleIDBytes) }
        try limits.stages(failedStages, "failed stages", total: deadLetters)
        if let lease { try lease.validate(limits) }
        if let split { try split.validate(limits) }
        if let skipped { try limits.skipCounts(skipped) }
    }
}

extension DeadJobHeader: WireBody {
    public func validate(_ limits: WireLimits) throws(WireError) {
        try limits.name(job, "job id")
        try limits.count(count, "dead letters", in: 0...limits.maxArticlesPerJob)
        try limits.stages(failedStages, "failed stages", total: count)
    }
}

extension CollectorFigures {
    func validate(_ limits: WireLimits) throws(WireError) {
        for value in [records, failures, files, duplicatesDropped, committedJobs, connectionsRefused ?? 0] {
            try limits.count(value, "a collector figure", in: 0...limits.maxCounter)
        }
        guard storedBytes >= 0, storedBytes <= Int64(limits.maxCounter) else {
            throw WireError("stored bytes out of range")
        }
        guard failuresByStage.keys.allSatisfy({ $0 == "other" || WireLimits.knownStages.contains($0) }) else {
            throw WireError("failures counted under an unknown stage")
        }
        try limits.stages(failuresByStage, "failures by stage", total: limits.maxCounter)
    }
}

extension CommittedBody: WireBody {
    public func validate(_ limits: WireLimits) throws(WireError) {
        try limits.count(jobs.count, "committed jobs", in: 0...limits.maxListedJobs)
        for job in jobs { try limits.name(job, "a committed job id") }
        if let items {
            guard items.count == jobs.count else {
                throw WireError("committed item counts do not match the jobs")
            }
            for n in items { try limits.count(n, "committed items", in: 0...limits.maxArticlesPerJob) }
        }
        if let skipped { try limits.skipCounts(skipped) }
        try figures.validate(limits)
    }
}

extension FinishBody: WireBody {
    public func validate(_ limits: WireLimits) throws(WireError) {
        try limits.text(reason, "finish reason")
    }
}

extension ErrorBody: WireBody {
    public func validate(_ limits: WireLimits) throws(WireError) {
        try limits.text(reason, "error reason")
    }
}

extension EmptyBody: WireBody {
    public func validate(_ limits: WireLimits) throws(WireError) {}
}

extension RunStatus: WireBody {
    /// A status reply is only read by `presswork status`, which prints it; nothing is summed.
    public func validate(_ limits: WireLimits) throws(WireError) {}
}
