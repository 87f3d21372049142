import Foundation

/// Where the engine tests keep their databases and ledgers: one directory per test process under
/// `$TMPDIR/inngest-tests`, so that files a test leaves behind do not pile up over runs. The first
/// use removes the directories of test processes that are no longer alive.
enum TestScratch {
    /// This process's directory, created (and the dead processes' removed) on first use.
    static let directory: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("inngest-tests")
        let files = FileManager.default
        for name in (try? files.contentsOfDirectory(atPath: root.path)) ?? [] {
            // kill(pid, 0) fails with ESRCH when no such process exists.
            if let pid = Int32(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                try? files.removeItem(at: root.appendingPathComponent(name))
            }
        }
        let mine = root.appendingPathComponent(String(getpid()))
        try? files.createDirectory(at: mine, withIntermediateDirectories: true)
        return mine
    }()

    /// A new, not yet existing path in this process's directory, named `prefix` and a UUID.
    static func path(_ prefix: String) -> URL {
        directory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }
}
