import Metrics
import NIOCore
import NIOHTTP1
import NIOPosix
import Prometheus

/// Serves `GET /metrics` in the Prometheus text format over HTTP/1.1, on one event-loop thread.
/// The exposition comes from swift-prometheus; SwiftNIO does the HTTP.
final class MetricsServer {
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel

    /// The address it listens on, e.g. `127.0.0.1:9464`.
    var localAddress: String {
        guard let address = channel.localAddress, let ip = address.ipAddress, let port = address.port else {
            return "?"
        }
        return "\(ip):\(port)"
    }

    /// Bootstraps swift-metrics with a Prometheus registry and starts serving it at `bind` (`HOST:PORT`).
    static func start(bind: String) throws -> MetricsServer {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = ClusterMetricsBuckets.all
        MetricsSystem.bootstrap(factory)
        return try MetricsServer(bind: bind, registry: registry)
    }

    init(bind: String, registry: PrometheusCollectorRegistry) throws {
        guard let colon = bind.lastIndex(of: ":"), let port = Int(bind[bind.index(after: colon)...]) else {
            throw MetricsServerError(reason: "--metrics-bind wants HOST:PORT, got '\(bind)'")
        }
        var host = String(bind[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 16)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(MetricsHandler(registry: registry))
                }
            }
        do {
            channel = try bootstrap.bind(host: host, port: port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw MetricsServerError(reason: "cannot serve metrics at \(bind): \(error)")
        }
    }

    func shutdown() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }
}

/// A failure to start the metrics endpoint.
struct MetricsServerError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}

/// Answers `GET /metrics` with the registry's exposition and anything else with 404.
private final class MetricsHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let registry: PrometheusCollectorRegistry
    private var request: HTTPRequestHead?

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = head
        case .body:
            break
        case .end:
            guard let head = request else { return }
            request = nil
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.split(separator: "?").first.map(String.init) ?? head.uri
        let found = head.method == .GET && path == "/metrics"
        let body = found ? registry.emitToBuffer() : Array("not found: try /metrics\n".utf8)
        var headers = HTTPHeaders()
        headers.add(
            name: "Content-Type", value: found ? "text/plain; version=0.0.4; charset=utf-8" : "text/plain")
        headers.add(name: "Content-Length", value: "\(body.count)")
        if !head.isKeepAlive { headers.add(name: "Connection", value: "close") }
        let response = HTTPResponseHead(
            version: head.version, status: found ? .ok : .notFound, headers: headers)
        context.write(wrapOutboundOut(.head(response)), promise: nil)
        context.write(
            wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        let keepAlive = head.isKeepAlive
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            if !keepAlive { bound.value.close(promise: nil) }
        }
    }
}
