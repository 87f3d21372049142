import Dispatch
import Synchronization

/// Runs the jobs of one execution's task tree one at a time, in the order they were enqueued, and
/// calls its idle handler each time no job is left.
///
/// The executor runs a handler with this as its task executor preference (SE-0417), which `async
/// let` and task-group children inherit, and so do default actors they call. Every branch of the
/// handler therefore runs here until it suspends: when the queue is empty, each branch that does
/// not wait on something elsewhere (I/O, an actor with its own executor, the main actor) has
/// reached a step tool, however loaded the machine is. That moment, not a timer, is when a round of
/// steps is settled (`ExecutionSession.settle()`).
///
/// Jobs run in FIFO order, whatever their priority: the order in which branches reach their steps,
/// and so the `id:N` numbering of repeated step ids, depends only on the code.
final class SerialTaskExecutor: TaskExecutor {
    private let queue: DispatchQueue
    /// Jobs (and nudges) enqueued and not finished yet.
    private let pending = Mutex(0)
    /// Boxed in a struct: a bare closure in a generic `Mutex` is reabstracted on every `withLock`
    /// and written back wrapped in two more thunks, so calling it cost O(jobs so far) (a run
    /// replaying 1,000 steps spent 14 % of its time in those thunks).
    private let idleHandler = Mutex<IdleHandler?>(nil)

    private struct IdleHandler: Sendable {
        let call: @Sendable () -> Void
    }

    private static let identity = DispatchSpecificKey<ObjectIdentifier>()

    /// Creates an executor.
    /// - Parameter label: the dispatch queue's label, for debuggers.
    init(label: String) {
        self.queue = DispatchQueue(label: label)
        queue.setSpecific(key: Self.identity, value: ObjectIdentifier(self))
    }

    /// Whether the caller runs on this executor as its only job: once it suspends, the executor is
    /// idle (unless a job arrives from elsewhere meanwhile, which no order could be promised for).
    var isRunningAlone: Bool {
        DispatchQueue.getSpecific(key: Self.identity) == ObjectIdentifier(self) && pending.withLock { $0 } == 1
    }

    /// Sets what runs on the executor's queue each time its last pending job finished.
    func onIdle(_ handler: @escaping @Sendable () -> Void) {
        idleHandler.withLock { $0 = IdleHandler(call: handler) }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        pending.withLock { $0 += 1 }
        queue.async { [self] in
            job.runSynchronously(on: asUnownedTaskExecutor())
            finishOne()
        }
    }

    /// Checks for idleness once the jobs enqueued so far have run: a step reached by a task that
    /// does not run here (an unstructured `Task`, the main actor) still gets its round settled.
    func nudge() {
        pending.withLock { $0 += 1 }
        queue.async { [self] in finishOne() }
    }

    private func finishOne() {
        let left = pending.withLock { pending in
            pending -= 1
            return pending
        }
        if left == 0, let handler = idleHandler.withLock({ $0 }) { handler.call() }
    }
}
