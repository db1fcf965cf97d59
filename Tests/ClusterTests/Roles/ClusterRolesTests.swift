import Foundation
import TestExecutors
import TestSupport
import Testing

@testable import Cluster

/// Coordinator, collector and workers as objects of one process over real ipc:// sockets: a whole
/// run, a result delivered twice, and a collector restarted in the middle of a run.
@Suite(.timeLimit(.minutes(1))) struct ClusterRolesTests {
    @Test func aWholeRunInOneProcessWritesEveryArticleOnce() async throws {
        try await DedicatedThreads.run {
            let cluster = try InProcessCluster()
            let input = try cluster.scrape(count: 120)
            let coordinator = try cluster.start(cluster.coordinatorSettings(inputs: [input.path], batch: 8))
            let collector = try cluster.start(cluster.collectorSettings())
            let workers = try (0..<2).map { _ in try cluster.start(cluster.workerSettings()) }
            let status = try coordinator.result()
            #expect(status.state == "finished")
            #expect(status.articlesCommitted == 120)
            #expect(status.jobsCommitted == 15)
            let figures = try collector.result()
            #expect(figures.records == 120)
            #expect(figures.duplicatesDropped == 0)
            let done = try workers.map { try $0.result().articlesDone }
            #expect(done.reduce(0, +) == 120)
            let urls = try cluster.writtenURLs()
            #expect(urls.count == 120)
            #expect(Set(urls) == input.urls)
            #expect(FileManager.default.fileExists(atPath: cluster.output + "/_SUCCESS"))
        }
    }

    @Test func aResultDeliveredTwiceIsWrittenOnce() async throws {
        try await DedicatedThreads.run {
            let cluster = try InProcessCluster()
            let input = try cluster.scrape(count: 8)
            var settings = cluster.coordinatorSettings(inputs: [input.path], batch: 8)
            settings.keepRunning = true
            let coordinator = try cluster.start(settings)
            let collector = try cluster.start(cluster.collectorSettings())
            let worker = try ScriptedWorker("w-twice", coordinator: cluster.coordinatorEndpoint)
            try worker.hello(credit: 1)
            let job = try #require(try worker.jobsSoFar().first)
            try worker.pushResult(for: job, to: cluster.collectorEndpoint)
            try worker.pushResult(for: job, to: cluster.collectorEndpoint)
            #expect(
                cluster.waitForStatus { $0.state == "finished" && $0.collector?.duplicatesDropped == 1 },
                "\(String(describing: cluster.status()))")
            coordinator.stop.request()
            #expect(try coordinator.result().articlesCommitted == 8)
            #expect(try collector.result().records == 8)
            let urls = try cluster.writtenURLs()
            #expect(urls.count == 8)
            #expect(Set(urls) == input.urls)
        }
    }

    @Test func aCollectorRestartedOnItsOutputKeepsWhatItCommittedAndFinishesTheRun() async throws {
        try await DedicatedThreads.run {
            let cluster = try InProcessCluster()
            let input = try cluster.scrape(count: 16)
            let coordinator = try cluster.start(cluster.coordinatorSettings(inputs: [input.path], batch: 8))
            let first = try cluster.start(cluster.collectorSettings())
            let worker = try ScriptedWorker("w-restart", coordinator: cluster.coordinatorEndpoint)
            try worker.hello(credit: 1)
            let jobA = try #require(try worker.jobsSoFar().first)
            try worker.pushResult(for: jobA, to: cluster.collectorEndpoint)
            #expect(cluster.waitForStatus { $0.jobsCommitted == 1 })
            first.stop.request()
            #expect(try first.result().records == 8)

            let second = try cluster.start(cluster.collectorSettings())
            try worker.credit(1, done: jobA.job)
            let jobB = try #require(try worker.jobsSoFar().first)
            #expect(jobB.job != jobA.job)
            try worker.pushResult(for: jobB, to: cluster.collectorEndpoint)
            try worker.pushResult(for: jobA, to: cluster.collectorEndpoint)  // committed before the restart
            let status = try coordinator.result()
            #expect(status.state == "finished")
            #expect(status.articlesCommitted == 16)
            let figures = try second.result()
            #expect(figures.records == 16, "the manifest's records and the new ones")
            let urls = try cluster.writtenURLs()
            #expect(urls.count == 16, "nothing written twice")
            #expect(Set(urls) == input.urls)
        }
    }
}
