/// When the engine's commits reach the disk: SQLite's `synchronous` setting.
public struct Durability: Sendable, Hashable, CustomStringConvertible {
    /// The `PRAGMA synchronous` value.
    let pragma: String

    private init(_ pragma: String) { self.pragma = pragma }

    /// Every commit that must survive is fsynced before it returns (`synchronous = FULL`): an
    /// accepted event, a recorded step, a sleep or a retry survives a power loss or an
    /// operating-system crash. Two writes are redone rather than waited for: a claim (lost, the run
    /// is still queued) and a run's completion (lost, the run is claimed again and replays its
    /// recorded steps to the same end); both reach the disk with the next fsync. A run of three
    /// steps sent on its own costs four fsyncs. The default.
    public static let full = Durability("FULL")

    /// Commits are fsynced only when the write-ahead log is checkpointed (`synchronous = NORMAL`):
    /// they survive a crash or kill of the process, but the last ones before a power loss or an
    /// operating-system crash may be lost (accepted events and recorded steps included; a lost step
    /// runs again). The file is never damaged. Far fewer fsyncs per run.
    public static let normal = Durability("NORMAL")

    /// `full` or `normal`.
    public var description: String { pragma.lowercased() }
}
