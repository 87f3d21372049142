import Dispatch

/// The serial executor of the engine's store: SQLite calls and their fsyncs run on a dispatch
/// queue of their own, never on Swift's cooperative thread pool, so a commit that waits for the
/// disk does not hold a thread that handlers need.
final class StoreExecutor: SerialExecutor {
    private let queue: DispatchQueue

    /// Creates the executor.
    /// - Parameter label: the queue's label, for debuggers.
    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedSerialExecutor()) }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
