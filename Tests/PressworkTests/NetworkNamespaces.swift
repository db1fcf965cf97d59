import Foundation

/// Test hosts made of Linux network namespaces joined by veth pairs: a hub (coordinator and
/// collector) and leaf hosts (workers), each with its own address, talking tcp across the links.
/// Everything is created by the test and deleted afterwards, even when the test fails.
final class NetworkNamespaces {
    let hub: String
    let leaves: [String]
    /// The hub's address as seen from leaf i, and leaf i's own address.
    let hubAddresses: [String]
    let leafAddresses: [String]
    private(set) var created: [String] = []
    static let ipTool = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Creates the hosts, or returns nil (with the reason) where namespaces cannot be made here.
    static func make(leaves count: Int) -> (NetworkNamespaces?, String?) {
        guard getuid() == 0 else { return (nil, "network namespaces need root") }
        guard ipTool != nil else { return (nil, "the ip tool (iproute2) is not installed") }
        let hosts = NetworkNamespaces(leaves: count)
        do {
            try hosts.build()
            return (hosts, nil)
        } catch {
            hosts.destroy()
            return (nil, "cannot create network namespaces here: \(error)")
        }
    }

    private init(leaves count: Int) {
        let tag = String(getpid() % 100_000)
        hub = "pw\(tag)h"
        leaves = (1...count).map { "pw\(tag)w\($0)" }
        hubAddresses = (1...count).map { "10.231.\($0).1" }
        leafAddresses = (1...count).map { "10.231.\($0).2" }
    }

    deinit { destroy() }

    private func build() throws {
        try Self.ip(["netns", "add", hub])
        created.append(hub)
        try Self.ip(["-n", hub, "link", "set", "lo", "up"])
        for (index, leaf) in leaves.enumerated() {
            try Self.ip(["netns", "add", leaf])
            created.append(leaf)
            try Self.ip(["-n", leaf, "link", "set", "lo", "up"])
            let hubEnd = "\(hub)e\(index)"
            let leafEnd = "\(leaf)e"
            try Self.ip([
                "link", "add", hubEnd, "netns", hub, "type", "veth", "peer", "name", leafEnd, "netns", leaf,
            ])
            try Self.ip(["-n", hub, "addr", "add", "\(hubAddresses[index])/24", "dev", hubEnd])
            try Self.ip(["-n", leaf, "addr", "add", "\(leafAddresses[index])/24", "dev", leafEnd])
            try Self.ip(["-n", hub, "link", "set", hubEnd, "up"])
            try Self.ip(["-n", leaf, "link", "set", leafEnd, "up"])
        }
    }

    /// Deletes every namespace this object made (their veth links go with them).
    func destroy() {
        for name in created.reversed() { try? Self.ip(["netns", "del", name]) }
        created.removeAll()
    }

    /// The command prefix that runs a program inside namespace `name`.
    static func exec(in name: String) -> [String] {
        [ipTool ?? "ip", "netns", "exec", name]
    }

    struct CommandFailed: Error, CustomStringConvertible {
        var description: String
    }

    static func ip(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ipTool ?? "/usr/sbin/ip")
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw CommandFailed(description: "ip \(arguments.joined(separator: " ")): \(text)")
        }
    }
}
