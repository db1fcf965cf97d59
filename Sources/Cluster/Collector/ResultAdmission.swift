/// The collector's checks on one result before anything of it is written: the lines match the
/// header, every line is one JSON object with the id the header names, and — with a lease key — the
/// result carries the token of a hand-out of exactly this job, attempt and set of article ids (for a
/// split job, of exactly this split: its ids are known only to the worker that read it).
/// Pure: no socket, no writer, so every refusal is tested directly.
struct ResultAdmission: Sendable {
    /// What the collector writes for an admitted result.
    struct Admitted: Sendable {
        var job: String
        var records: [(id: String, line: [UInt8])]
        var deadLetters: [[UInt8]]
        /// Dead letters by stage, as the lines themselves say (unknown stages as `other`).
        var stages: [String: Int]
    }

    let signer: LeaseSigner?

    func admit(_ result: ResultHeader, lines: ArraySlice<[UInt8]>) throws(WireError) -> Admitted {
        guard lines.count == result.ids.count + result.deadLetters else {
            throw WireError(
                "result for \(result.job) has \(lines.count) lines, its header \(result.ids.count + result.deadLetters)"
            )
        }
        var admitted = Admitted(job: result.job, records: [], deadLetters: [], stages: [:])
        admitted.records.reserveCapacity(result.ids.count)
        var allIDs = result.ids
        for (position, (id, line)) in zip(result.ids, lines).enumerated() {
            guard let fields = JSONLineCheck.fields(of: line), fields.id == id else {
                throw WireError(
                    "record \(position + 1) of \(result.job) is not one JSON object with the id its header names"
                )
            }
            admitted.records.append((id, line))
        }
        for (position, line) in lines.dropFirst(result.ids.count).enumerated() {
            guard let fields = JSONLineCheck.fields(of: line), let id = fields.id, let stage = fields.stage
            else {
                throw WireError(
                    "dead letter \(position + 1) of \(result.job) is not one JSON object with an id and a stage"
                )
            }
            allIDs.append(id)
            admitted.deadLetters.append(line)
            admitted.stages[WireLimits.stageLabel(stage), default: 0] += 1
        }
        if let signer {
            guard let lease = result.lease,
                signer.verify(
                    lease, job: result.job, attempt: result.attempt,
                    idsDigest: result.split.map(LeaseSigner.digest(ofSplit:))
                        ?? LeaseSigner.digest(ofIDs: allIDs))
            else {
                throw WireError(
                    "result for \(result.job) attempt \(result.attempt) carries no valid lease for its articles"
                )
            }
        }
        return admitted
    }
}
