// swift-tools-version:6.0
// Presswork: a news-scrape to article-record pipeline over ZeroMQ.
//
// Dependencies are chosen for CI cost: swift-argument-parser and swift-log build in seconds;
// compression and messaging come from the system (libzmq, zlib, libzstd) through tiny
// system-library targets instead of packages that drag in large dependency trees.
import PackageDescription

let package = Package(
    name: "presswork",
    products: [
        .executable(name: "presswork", targets: ["presswork"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // libzmq's pkg-config file adds -isystem flags (Kerberos, PGM) that SwiftPM rejects with a
        // warning; <zmq.h> is on the default include path, so the module map links it directly.
        // Installed by tools/install-deps.sh (Debian: libzmq3-dev).
        .systemLibrary(name: "CZeroMQ"),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"]),
        .target(name: "ArticlePipeline"),
        .target(
            name: "ScrapeIO",
            dependencies: [
                "ArticlePipeline", "CZlib", "CZstd",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Cluster",
            dependencies: [
                "ZeroMQ", "ArticlePipeline", "ScrapeIO",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "presswork",
            dependencies: [
                "Cluster", "ScrapeIO", "ArticlePipeline", "ZeroMQ",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "zmq-bench",
            dependencies: ["ZeroMQ", "CZeroMQ"],
            path: "tools/zmq-bench"
        ),
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"]),
        .testTarget(name: "ArticlePipelineTests", dependencies: ["ArticlePipeline"], exclude: ["Fixtures", "Gold"]),
        .testTarget(
            name: "ScrapeIOTests",
            dependencies: [
                "ScrapeIO", "ArticlePipeline", "CZlib", "CZstd",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "ClusterTests", dependencies: ["Cluster", "ArticlePipeline", "ScrapeIO"]),
        .testTarget(name: "PressworkTests", dependencies: ["ScrapeIO", "ArticlePipeline"]),
    ],
    swiftLanguageModes: [.v6]
)
