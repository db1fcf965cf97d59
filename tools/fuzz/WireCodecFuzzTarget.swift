// libFuzzer entry point for the wire codec: compiled by tools/fuzz/run-wire.sh together with the
// protocol, lease and result-admission sources of Cluster into one module (so it reaches their
// internals), on top of ArticlePipeline and the one ScrapeIO file the messages use. Every input is
// decoded as each message body, split at NUL bytes into a result message for the collector's
// admission (with and without a lease key), scanned as a record line, and used as a routing id and
// as log text; nothing may trap, and the escapes must stay printable.

private let signer = LeaseSigner(key: [UInt8](repeating: 0x5A, count: 32))!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWireCodec(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? WireCodec.kind(of: bytes)
    _ = try? WireCodec.body(HelloBody.self, from: bytes)
    _ = try? WireCodec.body(CreditBody.self, from: bytes)
    _ = try? WireCodec.body(ByeBody.self, from: bytes)
    _ = try? WireCodec.body(HeartbeatBody.self, from: bytes)
    _ = try? WireCodec.body(JobHeader.self, from: bytes)
    _ = try? WireCodec.body(DeadJobHeader.self, from: bytes)
    _ = try? WireCodec.body(CommittedBody.self, from: bytes)
    _ = try? WireCodec.body(FinishBody.self, from: bytes)
    _ = try? WireCodec.body(ErrorBody.self, from: bytes)

    let frames = bytes.split(separator: 0, omittingEmptySubsequences: false).map(Array.init)
    _ = try? WireCodec.checkSize(of: frames, maxFrames: 64, maxBytes: 1 << 16)
    if let header = frames.first, let result = try? WireCodec.body(ResultHeader.self, from: header) {
        for admission in [ResultAdmission(signer: signer), ResultAdmission(signer: nil)] {
            if let admitted = try? admission.admit(result, lines: frames.dropFirst()) {
                precondition(admitted.records.count + admitted.deadLetters.count == frames.count - 1)
                precondition(
                    admitted.stages.keys.allSatisfy { $0 == "other" || WireLimits.knownStages.contains($0) })
            }
        }
    }

    if JSONLineCheck.fields(of: bytes) != nil {
        precondition(!bytes.contains(0x0A) && !bytes.contains(0x0D), "a record line holding a line break")
    }
    let name = PeerAddress(bytes).name
    precondition(name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "an unprintable peer name")
    let escaped = LogText.escaped(String(decoding: bytes, as: UTF8.self))
    precondition(escaped.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F }, "a control character in log text")
    return 0
}
