import Digests
import ScrapeIO

/// Signs and checks lease tokens with a key the coordinator and the collector share, so that the
/// collector can tell, without asking, that a result answers a job the coordinator handed out.
///
/// The token of a hand-out is HMAC-SHA256 over the job id, the attempt, the worker it went to and
/// a digest of the ids of every item of the job (its articles and its read failures, sorted): a
/// result that carries it can only commit that job, and only with exactly those ids.
public struct LeaseSigner: Sendable {
    /// Bytes of a key.
    public static let keyBytes = 32
    private let key: [UInt8]

    /// A signer with `key` (at least 16 bytes).
    public init?(key: [UInt8]) {
        guard key.count >= 16 else { return nil }
        self.key = key
    }

    /// A fresh random key (for `presswork run`, which starts both roles).
    public static func randomKey() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<keyBytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// A key derived from a CURVE server secret key, which the coordinator and the collector share.
    public static func derivedKey(fromCurveSecret secret: String) -> [UInt8] {
        HMACSHA256.authenticate(Array("presswork lease key".utf8), key: Array(secret.utf8))
    }

    /// The digest of a job's item ids, in any order.
    public static func digest<IDs: Sequence<String>>(ofIDs ids: IDs) -> [UInt8] {
        var hasher = SHA256()
        for id in ids.sorted() {
            hasher.update(Array(id.utf8))
            hasher.update(CollectionOfOne(0x0A))
        }
        return hasher.finish()
    }

    /// The digest a split job's lease covers instead of item ids: its items are known only to the
    /// worker that reads it, so the lease binds the result to the split (file, range and the
    /// records of a CDX batch).
    public static func digest(ofSplit split: FileSplit) -> [UInt8] {
        let records = (split.records ?? []).map { "\u{0}\($0.offset)+\($0.length)" }.joined()
        return digest(ofIDs: [
            "split\u{0}\(split.file)\u{0}\(split.offset)\u{0}\(split.length)\u{0}\(split.fileSize)" + records
        ])
    }

    /// The token of one hand-out.
    public func token(job: String, attempt: Int, worker: String, idsDigest: [UInt8]) -> String {
        var message = Array("lease\u{0}\(job)\u{0}\(attempt)\u{0}\(worker)\u{0}".utf8)
        message += idsDigest
        return Hex.encode(HMACSHA256.authenticate(message, key: key))
    }

    /// Whether `grant` is the token of this hand-out.
    public func verify(
        _ grant: LeaseGrant, job: String, attempt: Int, idsDigest: [UInt8]
    ) -> Bool {
        let expected = token(job: job, attempt: attempt, worker: grant.worker, idsDigest: idsDigest)
        return HMACSHA256.equal(Array(expected.utf8), Array(grant.token.utf8))
    }

    /// What a collector with this key says in its `hello` to prove it is the collector.
    public func collectorProof(peerID: String) -> String {
        Hex.encode(HMACSHA256.authenticate(Array("collector\u{0}\(peerID)".utf8), key: key))
    }
}
