import ZeroMQ

extension Coordinator {
    /// Handles every message waiting on the ROUTER socket.
    func drainRouter() {
        while let frames = (try? router.receive(dontWait: true)) ?? nil {
            guard frames.count >= 2 else { continue }
            handle(from: frames[0], header: frames[1], now: Moment.now())
        }
    }

    private func handle(from identity: [UInt8], header: [UInt8], now: Moment) {
        let peer = String(decoding: identity, as: UTF8.self)
        do throws(WireError) {
            let kind = try WireCodec.kind(of: header)
            switch kind {
            case .hello:
                let hello = try WireCodec.body(HelloBody.self, from: header)
                if hello.peer.role == "collector" {
                    if let known = collectorID, known != identity {
                        logger.warning(
                            "a new collector instance connected; re-running uncommitted deliveries")
                        perform(scheduler.collectorRestarted(now: now), now: now)
                    }
                    collectorID = identity
                    logger.info("collector connected", metadata: ["collector": "\(peer)"])
                    recordCommitted(hello.committed ?? [])
                    // A collector (re)started after the last commit still has to seal the output.
                    if isComplete { sendFinish(to: identity, reason: "all jobs committed") }
                } else {
                    ledger.peers[peer] = hello.peer
                    logger.info(
                        "worker joined",
                        metadata: [
                            "worker": "\(peer)", "threads": "\(hello.peer.threads)",
                            "credit": "\(hello.credit)",
                        ])
                    perform(scheduler.join(peer, credit: hello.credit, now: now), now: now)
                }
            case .credit:
                let body = try WireCodec.body(CreditBody.self, from: header)
                guard scheduler.knows(peer) else { return askWho(identity) }
                if let done = body.done { scheduler.delivered(done, by: peer) }
                perform(scheduler.addCredit(body.n, to: peer, now: now), now: now)
            case .heartbeat:
                let body = try WireCodec.body(HeartbeatBody.self, from: header)
                if identity == collectorID { return }
                guard scheduler.knows(peer) else { return askWho(identity) }
                scheduler.heard(from: peer, now: now)
                if let figures = body.figures { ledger.update(peer, figures: figures, at: now) }
            case .draining:
                guard scheduler.knows(peer) else { return askWho(identity) }
                logger.info("worker draining", metadata: ["worker": "\(peer)"])
                scheduler.drain(peer, now: now)
            case .bye:
                let body = try WireCodec.body(ByeBody.self, from: header)
                logger.info(
                    "worker left", metadata: ["worker": "\(peer)", "returned": "\(body.returned.count)"])
                ledger.forget(peer)
                perform(scheduler.remove(peer, reason: "worker \(peer) left", now: now), now: now)
            case .committed:
                let body = try WireCodec.body(CommittedBody.self, from: header)
                // A collector this process has not heard say hello (we restarted): ask for its whole
                // list of committed jobs, since notices sent while we were down may be lost.
                if collectorID != identity { askWho(identity) }
                collectorID = identity
                ledger.collector = body.figures
                recordCommitted(body.jobs)
            case .finished:
                let body = try WireCodec.body(CommittedBody.self, from: header)
                ledger.collector = body.figures
                collectorFinished = true
            case .error:
                let body = try WireCodec.body(ErrorBody.self, from: header)
                logger.error(
                    "peer reported an error", metadata: ["peer": "\(peer)", "reason": "\(body.reason)"])
            default:
                throw WireError("unexpected '\(kind.rawValue)' message to the coordinator")
            }
        } catch {
            logger.warning("rejected a message", metadata: ["peer": "\(peer)", "reason": "\(error.reason)"])
            let reply = WireCodec.encode(.error, ErrorBody(reason: error.reason))
            _ = try? router.send([identity, reply], dontWait: true)
        }
    }

    /// A peer we do not know (we restarted, or it was declared dead): ask it to introduce itself.
    private func askWho(_ identity: [UInt8]) {
        _ = try? router.send([identity, WireCodec.encode(.who, EmptyBody())], dontWait: true)
    }

    /// Answers `status_request`s on the status socket with a `status_reply` carrying RunStatus.
    func answerStatusRequests() {
        guard let statusRouter else { return }
        while let frames = (try? statusRouter.receive(dontWait: true)) ?? nil {
            guard frames.count >= 2 else { continue }
            // REQ clients put an empty delimiter frame before the header; DEALER clients may not.
            let envelope = frames.dropLast()
            let reply: [UInt8]
            if (try? WireCodec.kind(of: frames[frames.count - 1])) == .statusRequest {
                reply = WireCodec.encode(.statusReply, status(now: Moment.now()))
            } else {
                reply = WireCodec.encode(.error, ErrorBody(reason: "expected a status_request"))
            }
            _ = try? statusRouter.send(Array(envelope) + [reply], dontWait: true)
        }
    }
}
