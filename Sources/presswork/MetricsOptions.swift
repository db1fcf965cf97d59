import ArgumentParser
import Cluster
import Foundation
import Logging

/// `--metrics-bind HOST:PORT`: serve Prometheus metrics over HTTP (env PRESSWORK_METRICS_BIND).
struct MetricsOptions: ParsableArguments {
    @Option(help: "Serve Prometheus metrics at http://HOST:PORT/metrics (env PRESSWORK_METRICS_BIND).")
    var metricsBind: String?

    /// Starts the endpoint when asked for; the caller keeps it alive for the life of the role.
    func start(resolver: SettingsResolver) throws -> MetricsServer? {
        guard let bind = resolver.optionalString("metrics-bind", flag: metricsBind) else { return nil }
        return try MetricsServer.start(bind: bind)
    }
}

/// The histogram buckets of the cluster's duration metrics.
enum ClusterMetricsBuckets {
    static var all: [String: [Duration]] { ClusterMetrics.durationBuckets }
}

/// Starts the metrics endpoint of a role, turning a failure into the fatal exit code.
func startMetrics(
    _ options: MetricsOptions, resolver: SettingsResolver, logger: Logger
) throws -> MetricsServer? {
    do {
        let server = try options.start(resolver: resolver)
        if let server { logger.info("serving metrics", metadata: ["address": "\(server.localAddress)"]) }
        return server
    } catch {
        logger.critical("\(error)")
        FileHandle.standardError.write(Data("presswork: \(error)\n".utf8))
        throw PressworkExit.fatal
    }
}
