import Metrics

/// The metrics every role emits through swift-metrics (the executable decides where they go:
/// Prometheus at `--metrics-bind`, or nowhere). Names follow the Prometheus conventions; no ids
/// as labels, only bounded label sets such as the failing stage.
public enum ClusterMetrics {
    // Coordinator
    static let articlesRead = Counter(label: "presswork_articles_read_total")
    static let articlesCommitted = Counter(label: "presswork_articles_committed_total")
    static let inputBytesRead = Counter(label: "presswork_input_bytes_read_total")
    static let jobsCommitted = Counter(label: "presswork_jobs_committed_total")
    static let jobRetries = Counter(label: "presswork_job_retries_total")
    static let jobsGivenUp = Counter(label: "presswork_jobs_given_up_total")
    static let fetchRequests = Counter(label: "presswork_fetch_requests_total")
    static let fetchRetries = Counter(label: "presswork_fetch_retries_total")
    static let fetchThrottled = Counter(label: "presswork_fetch_throttled_total")
    /// Bytes workers fetched for split and CDX jobs of remote files.
    static let fetchBytes = Counter(label: "presswork_fetch_bytes_total")
    static let jobsInFlight = Gauge(label: "presswork_jobs_in_flight")
    static let jobsQueued = Gauge(label: "presswork_jobs_queued")
    static let workersAlive = Gauge(label: "presswork_workers_alive")
    // Coordinator and collector: connections to their bound sockets.
    static let connectionsOpen = Gauge(label: "presswork_connections_open")
    // Worker
    static let articlesProcessed = Counter(label: "presswork_articles_processed_total")
    static let extractDuration = Timer(label: "presswork_extract_duration_seconds")
    static let jobsHeld = Gauge(label: "presswork_worker_jobs_held")
    // Collector
    static let recordsWritten = Counter(label: "presswork_records_written_total")
    static let outputBytes = Counter(label: "presswork_output_bytes_total")
    static let duplicatesDropped = Counter(label: "presswork_duplicates_dropped_total")
    static let commitDuration = Timer(label: "presswork_commit_duration_seconds")

    /// The roles whose metrics `announce` creates.
    public enum Role: Sendable {
        case coordinator, worker, collector
    }

    /// Creates a role's metrics at zero when it starts, so every series is scrapeable from the first
    /// moment (Prometheus convention) rather than appearing with its first event.
    static func announce(_ role: Role) {
        switch role {
        case .coordinator:
            for counter in [
                articlesRead, articlesCommitted, inputBytesRead, jobsCommitted, jobRetries, jobsGivenUp,
                fetchRequests, fetchRetries, fetchThrottled,
            ] {
                counter.increment(by: 0)
            }
            for gauge in [jobsInFlight, jobsQueued, workersAlive] { gauge.record(0) }
            announceConnections()
        case .worker:
            articlesProcessed.increment(by: 0)
            for counter in [fetchBytes, fetchRequests, fetchRetries, fetchThrottled] {
                counter.increment(by: 0)
            }
            jobsHeld.record(0)
        case .collector:
            for counter in [recordsWritten, outputBytes, duplicatesDropped] { counter.increment(by: 0) }
            announceConnections()
        }
    }

    private static func announceConnections() {
        connectionsOpen.record(0)
        for cap in ConnectionLedger.Cap.allCases { connectionsRefused(cap: cap.rawValue).increment(by: 0) }
    }

    /// Connections a server role closed at once for being over a cap (`per_address`, `total`).
    static func connectionsRefused(cap: String) -> Counter {
        Counter(label: "presswork_connections_refused_total", dimensions: [("cap", cap)])
    }

    /// Articles the pipeline failed on, by stage (`limits`, `decode`, …), counted by workers.
    static func articlesFailed(stage: String) -> Counter {
        Counter(label: "presswork_articles_failed_total", dimensions: [("stage", stage)])
    }

    /// Dead-letter rows committed by the collector, by the stage that failed.
    static func deadLetters(stage: String) -> Counter {
        Counter(label: "presswork_dead_letters_total", dimensions: [("stage", stage)])
    }

    /// The histogram buckets of the duration metrics, for the exporter's configuration.
    public static let durationBuckets: [String: [Duration]] = [
        "presswork_extract_duration_seconds": [
            .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
            .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .seconds(1),
        ],
        "presswork_commit_duration_seconds": [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ],
    ]
}
