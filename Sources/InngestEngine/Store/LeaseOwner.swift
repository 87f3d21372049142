#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who holds a run's lease: this machine, this process (its id and start time) and this engine,
/// written into the run's row while it executes. Another process on the same machine can tell a
/// holder that died (no process with that id and start time exists: its runs are taken over at
/// once) from one that lives (its runs are left alone until their lease expires).
struct LeaseOwner: Sendable, Hashable {
    /// `host#pid#start#engine`.
    let text: String

    /// The owner for a new engine in this process.
    static func current() -> LeaseOwner {
        let pid = getpid()
        return LeaseOwner(text: "\(hostName())#\(pid)#\(startTime(of: pid) ?? "?")#\(ULID.make(milliseconds: 0).suffix(16))")
    }

    /// Whether the process that wrote `text` is known to have stopped: it ran on this machine, and
    /// no process of its id exists, or the one that does started at another time (the id was
    /// reused, as by a container's restarted process). Anything unreadable, or from another
    /// machine, is not known to have stopped.
    static func isGone(_ text: String) -> Bool {
        let parts = text.split(separator: "#", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == hostName()[...], let pid = Int32(parts[1]), pid > 0 else { return false }
        if kill(pid, 0) != 0 { return errno == ESRCH }
        guard parts[2] != "?", let started = startTime(of: pid) else { return false }
        return started != parts[2]
    }

    /// When a process started, in clock ticks since boot (field 22 of `/proc/<pid>/stat`); `nil`
    /// where there is no such file.
    private static func startTime(of pid: Int32) -> String? {
        guard let file = fopen("/proc/\(pid)/stat", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 1024)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The command name (field 2) is in parentheses and may hold spaces: count from after it.
        guard let close = line.lastIndex(of: ")") else { return nil }
        let fields = line[line.index(after: close)...].split(separator: " ")
        // After the name come fields 3, 4, …; the start time is field 22.
        return fields.count > 19 ? String(fields[19]) : nil
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(String(decoding: bytes, as: UTF8.self).map { $0 == "#" ? "_" : $0 })
    }
}
