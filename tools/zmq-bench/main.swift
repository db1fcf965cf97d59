// zmq-bench: small tools around the ZeroMQ wrapper.
//
//   zmq-bench echo --connect ENDPOINT --count N [--type dealer|rep] [--timeout-ms 10000]
//   zmq-bench throughput [--size 100[,10240…]] [--count 1000000] [--transport tcp|ipc|inproc]
//                        [--rounds 3] [--touch yes|no] [--only wrapper|raw]
import Foundation

let usage = """
    usage: zmq-bench echo --connect ENDPOINT --count N [--type dealer|rep] [--timeout-ms MS]
           zmq-bench throughput [--size BYTES[,BYTES…]] [--count N] [--transport tcp|ipc|inproc] [--rounds R]
                                [--touch yes|no] [--only wrapper|raw]
    """

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
arguments.removeFirst()

do {
    let options = try BenchOptions(parsing: arguments)
    switch command {
    case "echo":
        exit(try EchoPeer(options: options).run())
    case "throughput":
        try ThroughputCommand(options: options).run()
    default:
        throw BenchOptions.UsageError(message: "unknown command '\(command)'")
    }
} catch let error as BenchOptions.UsageError {
    FileHandle.standardError.write(Data("zmq-bench: \(error.message)\n\(usage)\n".utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("zmq-bench: \(error)\n".utf8))
    exit(1)
}
