import Foundation
import TestSupport
import Testing

/// Every role serves Prometheus metrics over HTTP during a run; the exposition parses and moves.
@Suite(.serialized) struct MetricsEndpointTests {
    @Test func rolesServeParsableMetricsDuringARun() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let file = dir.path("scrape.jsonl.gz")
            try Scrapes.generate(count: 2_000, format: "jsonl.gz", to: file, urls: dir.path("urls.txt"))
            let reservations = try ReservedPort.take(3)
            defer { for reservation in reservations { reservation.release() } }
            let ports = reservations.map(\.port)
            let cluster = try LocalCluster(dir: dir)
            let coordinator = try cluster.startCoordinator(
                [file.path], extra: ["--batch", "16", "--metrics-bind", "127.0.0.1:\(ports[0])"])
            try cluster.startCollector(extra: ["--metrics-bind", "127.0.0.1:\(ports[1])"])
            try cluster.startWorker(extra: ["--metrics-bind", "127.0.0.1:\(ports[2])"])
            #expect(cluster.waitUntil { cluster.hasCommitted(atLeast: 200) })

            let worker = try Exposition(try HTTPGet.fetch(port: ports[2], path: "/metrics"))
            #expect(worker.types["presswork_articles_processed_total"] == "counter")
            #expect((worker.value("presswork_articles_processed_total") ?? 0) > 0)
            #expect(worker.types["presswork_extract_duration_seconds"] == "histogram")
            #expect((worker.value("presswork_extract_duration_seconds_count") ?? 0) > 0)

            let coordinatorMetrics = try Exposition(try HTTPGet.fetch(port: ports[0], path: "/metrics"))
            #expect(coordinatorMetrics.value("presswork_workers_alive") == 1)
            #expect(coordinatorMetrics.types["presswork_jobs_in_flight"] == "gauge")
            let first = try #require(coordinatorMetrics.value("presswork_articles_committed_total"))
            #expect(
                cluster.waitUntil {
                    let later = try? Exposition(try HTTPGet.fetch(port: ports[0], path: "/metrics"))
                    return (later?.value("presswork_articles_committed_total") ?? 0) > first
                }, "the committed counter rises")

            let collector = try Exposition(try HTTPGet.fetch(port: ports[1], path: "/metrics"))
            #expect((collector.value("presswork_output_bytes_total") ?? 0) > 0)
            #expect(try HTTPGet.fetch(port: ports[1], path: "/nothing-here").hasPrefix("HTTP/1.1 404"))
            for sample in worker.samples + collector.samples + coordinatorMetrics.samples {
                #expect(!sample.contains("job-"), "no ids as labels: \(sample)")
            }
            #expect(cluster.wait(coordinator) == 0, "\(cluster.allLogs)")
        }
    }
}

/// A parsed Prometheus text exposition (the subset we emit: TYPE lines and samples).
struct Exposition {
    var types: [String: String] = [:]
    var samples: [String] = []
    private var values: [String: Double] = [:]

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    init(_ response: String) throws {
        guard let split = response.range(of: "\r\n\r\n") else { throw Malformed(description: "no HTTP body") }
        guard response.hasPrefix("HTTP/1.1 200") else {
            throw Malformed(description: "status: \(response.prefix(40))")
        }
        for line in response[split.upperBound...].split(separator: "\n") {
            if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ")
                guard parts.count == 4 else { throw Malformed(description: "bad TYPE line: \(line)") }
                types[String(parts[2])] = String(parts[3])
            } else if line.hasPrefix("#") {
                continue
            } else {
                guard let space = line.lastIndex(of: " "),
                    let value = Double(line[line.index(after: space)...])
                else {
                    throw Malformed(description: "bad sample: \(line)")
                }
                let name = String(line[..<space])
                guard name.first?.isLetter == true else { throw Malformed(description: "bad name: \(line)") }
                samples.append(String(line))
                values[name] = value
            }
        }
    }

    func value(_ name: String) -> Double? { values[name] }
}

/// A plain HTTP/1.1 GET over a loopback TCP socket (the test is the client; no server-side parsing).
enum HTTPGet {
    struct Failed: Error {}

    static func fetch(port: Int, path: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failed() }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failed() }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        guard write(fd, request, request.count) == request.count else { throw Failed() }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        return String(decoding: response, as: UTF8.self)
    }
}
