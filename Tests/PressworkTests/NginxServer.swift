import Foundation
import TestSupport
import Testing

/// nginx (the Debian package) serving a folder over HTTP on a free loopback port, started by the
/// test itself with a generated config (static files, Range requests, keep-alive) and stopped at
/// the end. Nothing listens beyond 127.0.0.1.
final class NginxServer {
    /// nginx on its reserved port.
    private let server: LoopbackServerProcess
    let root: URL
    private let logs: URL

    /// The nginx executable, or nil when the package is not installed.
    static let executable: String? = {
        let candidates = [
            "/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx", "/usr/local/bin/nginx",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Why remote-input tests cannot run here, if they cannot.
    static var missing: String? {
        executable == nil ? "nginx is not installed (tools/setup/install-deps.sh installs it)" : nil
    }

    var port: Int { server.port }

    /// `http://127.0.0.1:PORT/`.
    var baseURL: String { "http://127.0.0.1:\(port)/" }

    /// Starts nginx serving `root`, its config, pid and logs in `logs`.
    init(serving root: URL, logs: URL) throws {
        guard let executable = Self.executable else { throw ServerError("nginx is not installed") }
        self.root = root
        self.logs = logs
        let prefix = logs.appendingPathComponent("nginx")
        try FileManager.default.createDirectory(
            at: prefix.appendingPathComponent("temp"), withIntermediateDirectories: true)
        server = try LoopbackServerProcess(
            name: "nginx",
            launch: { port in
                let config = prefix.appendingPathComponent("nginx.conf")
                try Self.config(port: port, root: root, prefix: prefix).write(
                    to: config, atomically: true, encoding: .utf8)
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = [
                    "-p", prefix.path, "-c", config.path, "-e",
                    prefix.appendingPathComponent("error.log").path,
                ]
                process.standardInput = FileHandle.nullDevice
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            },
            lastError: {
                (try? String(contentsOf: prefix.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
            })
    }

    deinit { stop() }

    /// Stops nginx (SIGTERM to the master, which stops its worker; SIGKILL after 5 s).
    func stop() { server.stop(timeout: 5) }

    /// The access log: one line per request (`"GET /x HTTP/1.1" status bytes range`).
    var accessLog: String {
        (try? String(contentsOf: logs.appendingPathComponent("nginx/access.log"), encoding: .utf8)) ?? ""
    }

    private static func config(port: Int, root: URL, prefix: URL) -> String {
        let temp = prefix.appendingPathComponent("temp").path
        return """
            daemon off;
            worker_processes 1;
            pid \(prefix.path)/nginx.pid;
            error_log \(prefix.path)/error.log warn;
            events { worker_connections 256; }
            http {
                log_format ranges '$connection "$request" $status $body_bytes_sent "$http_range"';
                access_log \(prefix.path)/access.log ranges;
                client_body_temp_path \(temp)/body;
                proxy_temp_path \(temp)/proxy;
                fastcgi_temp_path \(temp)/fastcgi;
                uwsgi_temp_path \(temp)/uwsgi;
                scgi_temp_path \(temp)/scgi;
                default_type application/octet-stream;
                keepalive_requests 100000;
                server {
                    listen 127.0.0.1:\(port);
                    root \(root.path);
                    location / { }
                }
            }

            """
    }
}

/// A test server that could not be started.
struct ServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
