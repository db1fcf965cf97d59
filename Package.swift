// swift-tools-version:6.0
// Presswork: a news-scrape to article-record pipeline over ZeroMQ.
//
// Dependencies are chosen for CI cost: swift-argument-parser, swift-log and swift-metrics build in
// seconds; compression and messaging come from the system (libzmq, zlib, libdeflate, libzstd)
// through tiny system-library targets instead of packages that drag in large dependency trees. Metrics are
// exposed with swift-prometheus (no dependencies beyond swift-metrics and swift-atomics) over a
// small HTTP endpoint on SwiftNIO (NIOCore/NIOPosix/NIOHTTP1 only, about a minute of a cold
// build), used by the executable alone: the libraries only emit through swift-metrics.
import PackageDescription

let package = Package(
    name: "presswork",
    products: [
        .executable(name: "presswork", targets: ["presswork"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.65.0"),
    ],
    targets: [
        // libzmq's pkg-config file adds -isystem flags (Kerberos, PGM) that SwiftPM rejects with a
        // warning; <zmq.h> is on the default include path, so the module map links it directly.
        // Installed by tools/setup/install-deps.sh (Debian: libzmq3-dev).
        .systemLibrary(name: "CZeroMQ"),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // libdeflate decodes a whole gzip member about 3× faster than zlib's streaming inflate
        // (measured on AEB .warc.gz: ~190 vs ~65 MB/s of compressed input, one core); the
        // .warc.gz reader uses it for members that fit its input buffer and zlib for the rest.
        .systemLibrary(
            name: "CLibdeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        // Remote inputs (http://, https://) are fetched with libcurl (Debian: libcurl4-openssl-dev),
        // not AsyncHTTPClient: AsyncHTTPClient pulls in swift-nio-ssl (BoringSSL, minutes of a
        // cold CI build) and more of SwiftNIO, while libcurl is a system library that links in
        // seconds, is maintained everywhere, and already does what reading a crawl needs: Range
        // requests, keep-alive connection reuse, redirects, TLS from the system's trust store.
        // The readers pull bytes on their own thread, which fits libcurl's multi interface
        // (driven by the reader, paused when its buffer is full) better than an event loop.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"]),
        // SHA-256 and HMAC-SHA256 of our own (see SHA256.swift for why not swift-crypto): the lease
        // tokens (Cluster) and the AWS Signature V4 of S3 requests (RemoteIO) share them.
        .target(name: "Digests"),
        .target(
            name: "RemoteIO",
            dependencies: ["CCurl", "Digests", .product(name: "Logging", package: "swift-log")]
        ),
        .target(name: "ArticlePipeline"),
        .target(
            name: "ScrapeIO",
            dependencies: [
                "ArticlePipeline", "CLibdeflate", "CZlib", "CZstd", "RemoteIO",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Cluster",
            dependencies: [
                "ZeroMQ", "ArticlePipeline", "ScrapeIO", "RemoteIO", "Digests",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .executableTarget(
            name: "presswork",
            dependencies: [
                "Cluster", "ScrapeIO", "RemoteIO", "ArticlePipeline", "ZeroMQ",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "zmq-bench",
            dependencies: ["ZeroMQ", "CZeroMQ"],
            path: "tools/zmq-bench"
        ),
        // Scoring against gold (shingle and word overlap, field and entity matching): used by the
        // evaluator and the tests, never shipped in the pipeline library.
        .target(name: "ExtractionScoring", dependencies: ["ArticlePipeline"], path: "tools/scoring"),
        .executableTarget(
            name: "presswork-eval", dependencies: ["ArticlePipeline", "ExtractionScoring", "CZlib"],
            path: "tools/eval"),
        .target(name: "BenchCorpus", dependencies: ["ArticlePipeline"], path: "tools/bench-corpus"),
        .executableTarget(
            name: "presswork-bench",
            dependencies: [
                "ArticlePipeline", "BenchCorpus", "ScrapeIO", .product(name: "Logging", package: "swift-log"),
            ],
            path: "tools/bench"),
        .executableTarget(
            name: "presswork-io-bench",
            dependencies: [
                "ScrapeIO", "ArticlePipeline", "BenchCorpus", "CZlib", "CZstd",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "tools/io-bench"
        ),
        // Runs the tests that block (child processes, timeouts, long computations) on threads of
        // their own, off the cooperative pool the other tests need (one thread per core).
        .target(name: "TestExecutors", path: "Tests/TestExecutors"),
        // What the test targets share, once: temporary directories, the built binaries, the shared
        // corpus folder, fixture and JSON-lines files, waits on observable states (never fixed
        // sleeps), reserved ports and the servers started on them, raw TCP connections, a seeded
        // random generator.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ", "TestExecutors", "TestSupport"]),
        .testTarget(
            name: "RemoteIOTests",
            dependencies: [
                "RemoteIO", "Digests", "TestExecutors", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ArticlePipelineTests",
            dependencies: ["ArticlePipeline", "ExtractionScoring", "TestExecutors", "TestSupport"],
            exclude: ["Fixtures", "Gold"]
        ),
        .testTarget(
            name: "ScrapeIOTests",
            dependencies: [
                "ScrapeIO", "ArticlePipeline", "CZlib", "CZstd", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ClusterTests",
            dependencies: [
                "Cluster", "ArticlePipeline", "ScrapeIO", "ZeroMQ", "Digests", "RemoteIO", "TestExecutors",
                "TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "PressworkTests",
            dependencies: [
                "ScrapeIO", "ArticlePipeline", "ZeroMQ", "Cluster", "presswork", "TestExecutors",
                "TestSupport",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
