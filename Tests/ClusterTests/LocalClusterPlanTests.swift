import Foundation
import RemoteIO
import Testing

@testable import Cluster

/// The command lines of a local run's children, exactly as `presswork run` has always built them.
@Suite struct LocalClusterPlanTests {
    func plan(workers: Int = 2, level: Int? = nil, emptyPipeline: Bool = false) -> LocalClusterPlan {
        LocalClusterPlan(
            inputs: ["/data/a.warc.gz", "/data/b.warc.gz", "/other/c.jsonl", "-"],
            socketDirectory: "/tmp/run",
            output: "out", shards: 4, compression: "gzip", level: level, workers: workers,
            threadsPerWorker: 3,
            batchSize: 64, byReference: true, emptyPipeline: emptyPipeline, logLevel: "warning",
            logFormat: "text", parentPID: 42, leaseKey: [0xab, 0xcd])
    }

    @Test func theCollectorComesFirstWithTheLeaseKeyInItsEnvironment() {
        let children = plan().children
        #expect(children.map(\.name) == ["collector", "worker 1", "worker 2"])
        #expect(
            children[0].arguments == [
                "collector", "--bind", "ipc:///tmp/run/collector", "--coordinator",
                "ipc:///tmp/run/coordinator",
                "-o", "out", "--shards", "4", "--compression", "gzip", "--log-level", "warning",
                "--log-format",
                "text", "--exit-with-parent", "42",
            ])
        #expect(children[0].environment == ["PRESSWORK_LEASE_KEY": "abcd"])
        #expect(!children[0].arguments.contains("abcd"), "never on a command line")
    }

    @Test func workersReadOnlyTheInputsFolders() {
        let worker = plan(level: 5, emptyPipeline: true).children[1]
        #expect(
            worker.arguments == [
                "worker", "--coordinator", "ipc:///tmp/run/coordinator", "--collector",
                "ipc:///tmp/run/collector",
                "--threads", "3", "--input-root", "/data", "--input-root", "/other", "--fetch-attempts",
                "6", "--empty-pipeline", "--log-level", "warning", "--log-format", "text",
                "--exit-with-parent", "42",
            ])
        #expect(worker.environment == ["AWS_REGION": "us-east-1"])
        #expect(plan(level: 5).children[0].arguments.contains("--level"))
    }

    @Test func workersGetTheS3EndpointAsAFlagAndTheCredentialsInTheirEnvironment() {
        var plan = plan()
        plan.remote.s3.endpoint = "http://127.0.0.1:9000"
        plan.remote.s3.region = "eu-west-1"
        plan.remote.s3.credentials = S3Credentials(accessKeyID: "AKID", secretAccessKey: "SECRET")
        let worker = plan.children[1]
        let flag = worker.arguments.firstIndex(of: "--s3-endpoint")
        #expect(flag.map { worker.arguments[$0 + 1] } == "http://127.0.0.1:9000")
        #expect(
            worker.environment == [
                "AWS_REGION": "eu-west-1", "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "SECRET",
            ])
        #expect(!worker.arguments.contains("SECRET"), "never on a command line")
        #expect(plan.children[0].environment["AWS_SECRET_ACCESS_KEY"] == nil, "the collector reads no input")
    }

    @Test func theCoordinatorBindsThePrivateSocketAndHasNoStatusSocket() {
        let settings = plan().coordinatorSettings
        #expect(settings.bind == "ipc:///tmp/run/coordinator")
        #expect(settings.statusBind == nil)
        #expect(settings.reader.handsOutReferences)
        #expect(settings.leaseKey == [0xab, 0xcd])
        #expect(settings.inputs.count == 4)
    }
}
