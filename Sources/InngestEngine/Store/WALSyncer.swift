import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Makes committed transactions durable off the store's thread (pipelined group commit).
///
/// With `Durability.full` the store commits with `synchronous = NORMAL`: SQLite writes the
/// transaction's frames to the write-ahead log and returns without an fsync. The writers of the
/// transaction are told it succeeded only once this syncer has fsynced the log after that commit;
/// one fsync covers every transaction committed before it started. Meanwhile the store's thread
/// goes on with the next transactions instead of waiting for the disk. A checkpoint, which SQLite
/// runs inside a commit, fsyncs the log and the database file itself.
final class WALSyncer: Sendable {
    private struct State {
        var waiting: [@Sendable (Result<Void, any Error>) -> Void] = []
        var draining = false
    }

    /// The log's descriptor, opened at the first sync, and its inode.
    private struct File {
        var descriptor: Int32 = -1
        var inode: UInt64 = 0
    }

    private let path: String
    private let queue = DispatchQueue(label: "inngest.store.fsync")
    private let state = Mutex(State())
    /// Used only on `queue` (its lock is never contended): the fsync does not hold `state`, so
    /// writers queue up for the next fsync while one runs.
    private let file = Mutex(File())

    /// A syncer of the write-ahead log of the database at `databasePath`.
    init(databasePath: String) {
        self.path = databasePath + "-wal"
    }

    deinit {
        let descriptor = file.withLock { $0.descriptor }
        if descriptor >= 0 { close(descriptor) }
    }

    /// Calls `completion` once everything committed before this call is on the disk, or with the
    /// error of the fsync that was to make it so.
    func whenDurable(_ completion: @escaping @Sendable (Result<Void, any Error>) -> Void) {
        let start = state.withLock { state -> Bool in
            state.waiting.append(completion)
            guard !state.draining else { return false }
            state.draining = true
            return true
        }
        if start { queue.async { self.drain() } }
    }

    /// Makes everything committed so far durable now, on the caller's thread, when no fsync is
    /// running or waiting: one writer alone (a single run, a single send) then saves the two
    /// thread hand-offs, which cost more than the fsync itself. Returns nil when the syncer is busy
    /// (the caller then uses `whenDurable`, to share the next fsync).
    func syncIfIdle() -> Result<Void, any Error>? {
        guard state.withLock({ !$0.draining }) else { return nil }
        return sync()
    }

    /// Waits until everything committed before this call is on the disk.
    /// - Parameter inline: whether to fsync on the caller's thread when the syncer is idle.
    func durable(inline: Bool = true) async throws {
        if inline, let result = syncIfIdle() { return try result.get() }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            whenDurable { continuation.resume(with: $0) }
        }
    }

    private func drain() {
        while true {
            let batch = state.withLock { state -> [@Sendable (Result<Void, any Error>) -> Void] in
                defer { state.waiting = [] }
                if state.waiting.isEmpty { state.draining = false }
                return state.waiting
            }
            if batch.isEmpty { return }
            let result = sync()
            for completion in batch { completion(result) }
        }
    }

    /// fdatasyncs the log. The descriptor is reopened when the file at the path is no longer the
    /// one it refers to (SQLite recreates the log after the last connection to it closed).
    private func sync() -> Result<Void, any Error> {
        file.withLock { state in
            var current = stat()
            guard stat(path, &current) == 0 else {
                // No log yet: nothing was committed through one, so nothing waits for the disk.
                return errno == ENOENT ? .success(()) : .failure(SyncError(path: path, errno: errno))
            }
            if state.descriptor < 0 || state.inode != UInt64(current.st_ino) {
                if state.descriptor >= 0 { close(state.descriptor) }
                state.descriptor = open(path, O_RDWR | O_CLOEXEC)
                state.inode = UInt64(current.st_ino)
                guard state.descriptor >= 0 else { return .failure(SyncError(path: path, errno: errno)) }
            }
            guard fdatasync(state.descriptor) == 0 else { return .failure(SyncError(path: path, errno: errno)) }
            return .success(())
        }
    }

    /// An fsync of the write-ahead log failed: the writes it was to make durable are not known to be.
    struct SyncError: Error, CustomStringConvertible {
        let path: String
        let errno: Int32
        var description: String { "fsync of \(path) failed: \(String(cString: strerror(errno)))" }
    }
}
