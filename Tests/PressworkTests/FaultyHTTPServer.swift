import Foundation
import TestSupport

/// A small HTTP server with faults on purpose, for what nginx does not do: it answers 503 to the
/// first `failFirst` GETs, then for the first `dropFirst` GETs of a file it has announces the whole
/// range asked for (or the whole file) but sends half of it and closes the connection; after that
/// it serves files with Range support (`bytes=A-B` and `bytes=A-`). HEADs are always answered,
/// with the size. Each request is logged, in the order decided, as `number path range status`
/// (`HEAD` as the range of a HEAD). Started by the test itself (python3's standard library only)
/// on a free loopback port.
final class FaultyHTTPServer {
    /// The server on its reserved port.
    private let server: LoopbackServerProcess
    private let log: URL

    var port: Int { server.port }
    var baseURL: String { "http://127.0.0.1:\(port)/" }

    init(serving root: URL, logs: URL, failFirst: Int = 0, dropFirst: Int = 0) throws {
        let script = logs.appendingPathComponent("faulty_server.py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        let log = logs.appendingPathComponent("faulty-server.log")
        self.log = log
        let errors = logs.appendingPathComponent("faulty-server.err")
        server = try LoopbackServerProcess(
            name: "the faulty server",
            launch: { port in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = [
                    "python3", script.path, root.path, "\(port)", "\(failFirst)", "\(dropFirst)", log.path,
                ]
                process.standardInput = FileHandle.nullDevice
                process.standardOutput = FileHandle.nullDevice
                _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
                process.standardError = try FileHandle(forWritingTo: errors)
                try process.run()
                return process
            },
            lastError: { (try? String(contentsOf: errors, encoding: .utf8)) ?? "" })
    }

    deinit { server.forceStop() }

    /// One entry per request: (path, Range header or "-", status).
    var requests: [(path: String, range: String, status: Int)] {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 4, let status = Int(fields[3]) else { return nil }
            return (String(fields[1]), String(fields[2]), status)
        }
    }

    private static let script = #"""
        import http.server, os, socket, sys, threading

        root, port, fail_first, drop_first, log_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
        lock = threading.Lock()
        count = [0]
        failed = [0]
        served = [0]

        def decide(head, exists, path, rng):
            """The answer's status and whether to drop it, logged in the order decided."""
            with lock:
                number = count[0]
                count[0] += 1
                dropping = False
                if not head and failed[0] < fail_first:
                    failed[0] += 1
                    status = 503
                elif not exists:
                    status = 404
                elif head:
                    status = 200
                else:
                    status = 206 if rng else 200
                    dropping = served[0] < drop_first
                    served[0] += 1
                with open(log_path, "a") as log:
                    log.write(f"{number} {path} {rng.replace(' ', '') if rng else '-'} {status}\n")
                return status, dropping

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def answer(self, head):
                rng = "HEAD" if head else self.headers.get("Range")
                path = os.path.join(root, self.path.lstrip("/"))
                status, dropping = decide(head, os.path.isfile(path), self.path, rng)
                if status in (503, 404):
                    self.send_response(status)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                with open(path, "rb") as f:
                    data = f.read()
                if head:
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(data)))
                    self.send_header("Accept-Ranges", "bytes")
                    self.end_headers()
                    return
                ranged = rng is not None
                start, stop = 0, len(data)
                if ranged:
                    first, _, last = rng.split("=")[1].partition("-")
                    start = int(first)
                    stop = min(len(data), int(last) + 1) if last.strip() else len(data)
                body = data[start:stop]
                self.send_response(status)
                if ranged:
                    self.send_header("Content-Range", f"bytes {start}-{start + len(body) - 1}/{len(data)}")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Accept-Ranges", "bytes")
                self.end_headers()
                if dropping:
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.wfile.write(body)

            def do_GET(self):
                self.answer(head=False)

            def do_HEAD(self):
                self.answer(head=True)

            def log_message(self, *args):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        server.daemon_threads = True
        server.serve_forever()
        """#
}
