import Foundation

/// What `/proc` says about processes a test did not start itself (the children of a
/// `presswork run`).
public enum ProcessTable {
    /// The processes whose parent is `pid`.
    public static func children(of pid: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { fields(of: $0)?.parent == pid }
    }

    /// Whether `pid` has exited: it is gone, or a zombie nobody has reaped yet.
    public static func hasExited(_ pid: pid_t) -> Bool {
        guard let fields = fields(of: pid) else { return true }
        return fields.state == "Z" || fields.state == "X"
    }

    /// The state letter and the parent of `pid`, from `/proc/PID/stat` (`pid (comm) state ppid …`;
    /// the command name may hold spaces and parentheses, so fields are read after the last `)`).
    private static func fields(of pid: pid_t) -> (state: String, parent: pid_t)? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let rest = stat[stat.index(after: close)...].split(separator: " ")
        guard rest.count >= 2, let parent = pid_t(rest[1]) else { return nil }
        return (String(rest[0]), parent)
    }
}
