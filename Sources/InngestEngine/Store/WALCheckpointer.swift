import Dispatch
import Synchronization

/// Copies the write-ahead log into the database file off the store's thread.
///
/// SQLite checkpoints inside the commit that grows the log past 1,000 pages: that commit then
/// writes the log's pages into the database file and fsyncs it, which on a disk busy with a
/// backlog took 20 ms to nearly a second, and the store's thread (the one serial stage) waits for
/// it, and every run with it. The store's connection instead reports each commit's log size here
/// (`sqlite3_wal_hook`, which replaces the automatic checkpoint) and this checkpointer runs a
/// passive checkpoint on its own connection and thread: it never blocks the writer, and what it
/// cannot copy yet (pages a reader still needs) waits for the next one.
///
/// The log starts again from its beginning only when a commit begins after a checkpoint copied all
/// of it, and commits go on while this one runs: the frames they add are left behind. Those few are
/// copied by the store's own connection between two of its transactions (`finishWanted`), where no
/// commit can come between; otherwise the log grew without end (57 MB over 1,050 runs sent one at
/// a time, restarted 5 times), and every commit past the threshold scheduled another pass.
final class WALCheckpointer: @unchecked Sendable {
    // @unchecked: `connection` is used only on `queue`, a serial queue; `state` is atomic.
    private let connection: SQLiteConnection
    private let queue = DispatchQueue(label: "swift-inngest.checkpoint")
    /// `idle`, `running` (a pass on `queue`), or `behind` (a pass ended; what was committed while
    /// it ran is for the store's connection to copy).
    private let state = Atomic<UInt8>(WALCheckpointer.idle)
    private static let idle: UInt8 = 0
    private static let running: UInt8 = 1
    private static let behind: UInt8 = 2
    /// The log's size that schedules a pass: 16 MiB of 4 KiB pages, four times SQLite's own
    /// threshold, so that the store's connection finishes a pass about once per 150 runs sent one
    /// at a time rather than per 36 (each finish costs it two fsyncs, 0.3–0.5 ms).
    static let pages: Int32 = 4_000
    private let threshold: Int32

    /// A checkpointer of the database at `path`, already in WAL mode.
    /// - Parameter synchronous: the connection's `synchronous` setting (`NORMAL` or `FULL`: both
    ///   fsync the log before copying it and the database file after).
    /// - Parameter threshold: the log's size, in pages, that schedules a pass (tests make it small).
    init(path: String, synchronous: String, threshold: Int32 = WALCheckpointer.pages) throws {
        self.threshold = threshold
        connection = try SQLiteConnection(path: path)
        try connection.execute("PRAGMA synchronous = \(synchronous)")
    }

    /// A commit left `pages` pages in the log: from the threshold on, a checkpoint is scheduled
    /// (one at a time, and none while the store has the last one's remainder to copy).
    func logGrew(to pages: Int32) {
        guard pages >= threshold,
              state.compareExchange(expected: Self.idle, desired: Self.running, ordering: .acquiringAndReleasing).exchanged else { return }
        queue.async {
            // What the pass reports is the log as it began: commits made meanwhile are not in it.
            _ = try? self.connection.query("PRAGMA wal_checkpoint(PASSIVE)")
            self.state.store(Self.behind, ordering: .releasing)
        }
    }

    /// Whether a pass ended since the store's connection last finished one: the caller then
    /// checkpoints what is left (nothing to copy costs no fsync) and calls `finished()`.
    func finishWanted() -> Bool {
        state.load(ordering: .acquiring) == Self.behind
    }

    /// The store's connection copied what was left: passes may be scheduled again.
    func finished() {
        state.store(Self.idle, ordering: .releasing)
    }
}
