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
final class WALCheckpointer: @unchecked Sendable {
    // @unchecked: `connection` is used only on `queue`, a serial queue; `scheduled` is atomic.
    private let connection: SQLiteConnection
    private let queue = DispatchQueue(label: "swift-inngest.checkpoint")
    private let scheduled = Atomic<Bool>(false)
    /// SQLite's own threshold for its automatic checkpoint.
    static let pages: Int32 = 1_000

    /// A checkpointer of the database at `path`, already in WAL mode.
    /// - Parameter synchronous: the connection's `synchronous` setting (`NORMAL` or `FULL`: both
    ///   fsync the log before copying it and the database file after).
    init(path: String, synchronous: String) throws {
        connection = try SQLiteConnection(path: path)
        try connection.execute("PRAGMA synchronous = \(synchronous)")
    }

    /// A commit left `pages` pages in the log: from the threshold on, a checkpoint is scheduled
    /// (one at a time; growth during it schedules the next).
    func logGrew(to pages: Int32) {
        guard pages >= Self.pages, !scheduled.exchange(true, ordering: .acquiringAndReleasing) else { return }
        queue.async {
            self.scheduled.store(false, ordering: .releasing)
            _ = try? self.connection.query("PRAGMA wal_checkpoint(PASSIVE)")
        }
    }
}
