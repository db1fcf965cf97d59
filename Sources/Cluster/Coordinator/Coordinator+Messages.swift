import ZeroMQ

extension Coordinator {
    /// Handles every message waiting on the ROUTER socket: a routing id and one header frame,
    /// at most `WireProtocol.maxControlMessageBytes` in all (a larger message is dropped uncopied).
    func drainRouter() {
        while let received = Self.receive(
            on: router, maxFrames: 2, maxBytes: WireProtocol.maxControlMessageBytes)
        {
            switch received {
            case .oversize(let oversize):
                guard let id = oversize.firstFrame else { continue }
                reject(PeerAddress(id), reason: oversize.description)
            case .frames(let frames):
                guard frames.count == 2 else { continue }
                let from = PeerAddress(frames[0])
                do throws(WireError) {
                    try handle(from: from, header: frames[1], now: settings.clock())
                } catch {
                    reject(from, reason: error.reason)
                }
            }
        }
        warnings.report(to: logger)
    }

    /// The next message waiting on `socket` within the budgets, or an oversize one; nil when none
    /// is waiting (or the socket failed).
    private static func receive(on socket: ZMQSocket, maxFrames: Int, maxBytes: Int) -> BudgetedMessage? {
        (try? socket.receiveMultipart(maxTotalBytes: maxBytes, maxFrames: maxFrames, dontWait: true)) ?? nil
    }

    /// A message that could not be accepted: an `error` reply and a rate-limited log line.
    func reject(_ from: PeerAddress, reason: String) {
        warnings.warn("rejected a message", detail: "from \(from.name): \(reason)", logger: logger)
        let reply = WireCodec.encode(.error, ErrorBody(reason: reason))
        _ = try? router.send([from.bytes, reply], dontWait: true)
    }

    private func handle(from: PeerAddress, header: [UInt8], now: Moment) throws(WireError) {
        let peer = from.name
        let limits = settings.limits
        let kind = try WireCodec.kind(of: header)
        switch kind {
        case .hello:
            let hello = try WireCodec.body(HelloBody.self, from: header, limits: limits)
            if hello.peer.role == "collector" {
                try collectorSaidHello(from, hello, now: now)
            } else {
                addresses[peer] = from.bytes
                ledger.peers[peer] = hello.peer
                logger.info(
                    "worker joined",
                    metadata: [
                        "worker": "\(peer)", "threads": "\(hello.peer.threads)", "credit": "\(hello.credit)",
                    ])
                perform(
                    scheduler.join(peer, credit: hello.credit, threads: hello.peer.threads, now: now),
                    now: now)
            }
        case .credit:
            let body = try WireCodec.body(CreditBody.self, from: header, limits: limits)
            guard scheduler.knows(peer) else { return askWho(from) }
            if let done = body.done { scheduler.delivered(done, by: peer) }
            perform(scheduler.addCredit(body.n, to: peer, now: now), now: now)
        case .heartbeat:
            let body = try WireCodec.body(HeartbeatBody.self, from: header, limits: limits)
            if from.bytes == collectorID { return }
            guard scheduler.knows(peer) else { return askWho(from) }
            scheduler.heard(from: peer, now: now)
            if let figures = body.figures { ledger.update(peer, figures: figures, at: now) }
        case .draining:
            guard scheduler.knows(peer) else { return askWho(from) }
            logger.info("worker draining", metadata: ["worker": "\(peer)"])
            scheduler.drain(peer, now: now)
        case .bye:
            let body = try WireCodec.body(ByeBody.self, from: header, limits: limits)
            guard scheduler.knows(peer) else { return }
            logger.info("worker left", metadata: ["worker": "\(peer)", "returned": "\(body.returned.count)"])
            ledger.forget(peer)
            addresses[peer] = nil
            perform(scheduler.remove(peer, reason: "worker \(peer) left", now: now), now: now)
        case .committed:
            let body = try WireCodec.body(CommittedBody.self, from: header, limits: limits)
            // Only the collector that proved itself in its hello may commit. Another peer (or our
            // collector after we restarted) is asked to introduce itself: its hello lists every
            // job it committed, so nothing is lost by not taking this notice.
            guard from.bytes == collectorID else {
                askWho(from)
                throw WireError("a commit notice from a peer that is not the collector")
            }
            ledger.collector = body.figures
            recordCommitted(body.jobs, items: body.items)
            ledger.addSplitSkipped(body.skipped ?? [:])
        case .finished:
            let body = try WireCodec.body(CommittedBody.self, from: header, limits: limits)
            guard from.bytes == collectorID else {
                throw WireError("an end-of-run notice from a peer that is not the collector")
            }
            ledger.collector = body.figures
            collectorFinished = true
        case .error:
            let body = try WireCodec.body(ErrorBody.self, from: header, limits: limits)
            warnings.warn("a peer reported an error", detail: "\(peer): \(body.reason)", logger: logger)
        default:
            throw WireError("unexpected '\(kind.rawValue)' message to the coordinator")
        }
    }

    /// A collector's hello: with a lease key, it must prove it holds the key; then it is the one
    /// peer whose commits count.
    private func collectorSaidHello(_ from: PeerAddress, _ hello: HelloBody, now: Moment) throws(WireError) {
        if let signer {
            guard let proof = hello.proof, proof == signer.collectorProof(peerID: from.name) else {
                throw WireError("a collector hello without a valid proof of the lease key")
            }
        }
        if let known = collectorID, known != from.bytes {
            logger.warning("a new collector instance connected; re-running uncommitted deliveries")
            perform(scheduler.collectorRestarted(now: now), now: now)
        }
        collectorID = from.bytes
        logger.info("collector connected", metadata: ["collector": "\(from.name)"])
        recordCommitted(hello.committed ?? [])
        // A collector (re)started after the last commit still has to seal the output.
        if isComplete { sendFinish(to: from.bytes, reason: "all jobs committed") }
    }

    /// A peer we do not know (we restarted, or it was declared dead): ask it to introduce itself.
    private func askWho(_ peer: PeerAddress) {
        _ = try? router.send([peer.bytes, WireCodec.encode(.who, EmptyBody())], dontWait: true)
    }

    /// Answers `status_request`s on the status socket with a `status_reply` carrying RunStatus.
    /// Replies to a client that does not read them are dropped (a small send high-water mark).
    func answerStatusRequests() {
        guard let statusRouter else { return }
        var answered = 0
        while answered < 256,
            let received = Self.receive(
                on: statusRouter, maxFrames: 3, maxBytes: WireProtocol.maxStatusRequestBytes)
        {
            answered += 1
            guard let frames = received.frames, frames.count >= 2 else { continue }
            // REQ clients put an empty delimiter frame before the header; DEALER clients may not.
            let envelope = frames.dropLast()
            let reply: [UInt8]
            if (try? WireCodec.kind(of: frames[frames.count - 1])) == .statusRequest {
                reply = WireCodec.encode(.statusReply, status(now: settings.clock()))
            } else {
                reply = WireCodec.encode(.error, ErrorBody(reason: "expected a status_request"))
            }
            _ = try? statusRouter.send(Array(envelope) + [reply], dontWait: true)
        }
    }
}
