import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
///
/// Each job runs as one work item of the global (width-limited) dispatch queue, and the next job of
/// the same execution goes to the back of that queue: executions share the machine's cores fairly,
/// one job at a time, and hundreds of executions at once do not each get a thread (two cores would
/// spend their time switching between them).
final class SerialTaskExecutor: TaskExecutor {
    private enum Item {
        case job(UnownedJob)
        /// An idleness check (`nudge()`).
        case nudge
    }

    private struct State {
        var items: [Item] = []
        var head = 0
        /// Whether a work item that will run the next job is on the global queue.
        var scheduled = false
        /// Jobs (and nudges) enqueued and not finished yet.
        var pending = 0

        mutating func popFirst() -> Item? {
            guard head < items.count else { return nil }
            let item = items[head]
            head += 1
            if head == items.count {
                items.removeAll(keepingCapacity: true)
                head = 0
            }
            return item
        }
    }

    private let state = Mutex(State())
    /// Boxed in a struct: a bare closure in a generic `Mutex` is reabstracted on every `withLock`
    /// and written back wrapped in two more thunks, so calling it cost O(jobs so far) (a run
    /// replaying 1,000 steps spent 14 % of its time in those thunks).
    private let idleHandler = Mutex<IdleHandler?>(nil)

    private struct IdleHandler: Sendable {
        let call: @Sendable () -> Void
    }

    /// The global queue the jobs run on.
    private let queue: DispatchQueue

    /// Creates an executor.
    /// - Parameter urgent: whether its jobs go before others' (a higher quality of service).
    init(urgent: Bool = false) {
        queue = urgent ? .global(qos: .userInitiated) : .global()
    }

    /// Whether the caller runs on this executor as its only job: once it suspends, the executor is
    /// idle (unless a job arrives from elsewhere meanwhile, which no order could be promised for).
    var isRunningAlone: Bool {
        CurrentExecutor.get() == Unmanaged.passUnretained(self).toOpaque() && state.withLock { $0.pending } == 1
    }

    /// Sets what runs each time the executor's last pending job finished (on the thread that ran it).
    func onIdle(_ handler: @escaping @Sendable () -> Void) {
        idleHandler.withLock { $0 = IdleHandler(call: handler) }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        add(.job(UnownedJob(job)))
    }

    /// Checks for idleness once the jobs enqueued so far have run: a step reached by a task that
    /// does not run here (an unstructured `Task`, the main actor) still gets its round settled.
    func nudge() {
        add(.nudge)
    }

    private func add(_ item: Item) {
        let schedule = state.withLock { state -> Bool in
            state.items.append(item)
            state.pending += 1
            guard !state.scheduled else { return false }
            state.scheduled = true
            return true
        }
        if schedule { queue.async { self.runNext() } }
    }

    /// Runs one job, then puts the next (if any) at the back of the global queue.
    private func runNext() {
        guard let item = state.withLock({ $0.popFirst() }) else {
            state.withLock { $0.scheduled = false }
            return
        }
        if case .job(let job) = item {
            CurrentExecutor.set(Unmanaged.passUnretained(self).toOpaque())
            job.runSynchronously(on: asUnownedTaskExecutor())
            CurrentExecutor.set(nil)
        }
        let left = state.withLock { state in
            state.pending -= 1
            return state.pending
        }
        if left == 0, let handler = idleHandler.withLock({ $0 }) { handler.call() }
        let more = state.withLock { state -> Bool in
            if state.head < state.items.count { return true }
            state.scheduled = false
            return false
        }
        if more { queue.async { self.runNext() } }
    }
}

/// The `SerialTaskExecutor` whose job the current thread runs, if any (a thread-specific value).
private enum CurrentExecutor {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    static func get() -> UnsafeMutableRawPointer? { pthread_getspecific(key) }

    static func set(_ executor: UnsafeMutableRawPointer?) { pthread_setspecific(key, executor) }
}
