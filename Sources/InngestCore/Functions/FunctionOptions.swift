/// Options of a function: retries, timeouts, cancellation, and Inngest's flow control. Every option
/// here is enforced by the embedded engine and registered with an Inngest server; none is accepted
/// and then ignored.
///
/// ```swift
/// static let options = FunctionOptions(retries: 3, concurrency: .limit(10, key: \OrderPlaced.customerId),
///                                      throttle: .limit(20, per: .minutes(1)), idempotency: .key(\OrderPlaced.orderId))
/// ```
public struct FunctionOptions: Sendable, Hashable {
    /// How many times a failing step (or function body) is retried after its first attempt: 0–20.
    /// `nil` means Inngest's default of 4 (5 attempts in all).
    public var retries: Int?
    /// How long a run may wait to start, and how long it may take once started; a run past either
    /// is cancelled (Inngest's `timeouts`).
    public var timeouts: Timeouts?
    /// Events that cancel the function's unfinished runs.
    public var cancelOn: [CancelOn]
    /// Limits on steps executing at once.
    public var concurrency: Concurrency?
    /// Limits on runs started per period; excess runs are delayed.
    public var throttle: Throttle?
    /// Limits on runs per period; excess events start no run.
    public var rateLimit: RateLimit?
    /// Starts one run after events stop arriving for a period.
    public var debounce: Debounce?
    /// Delivers several events to one run.
    public var batchEvents: BatchEvents?
    /// Head start over other queued runs.
    public var priority: Priority?
    /// One run per key per 24 hours.
    public var idempotency: Idempotency?
    /// One unfinished run per key.
    public var singleton: Singleton?

    /// Creates options.
    /// - Parameters:
    ///   - retries: retries after the first attempt, 0–20; `nil` for Inngest's default of 4.
    ///   - timeouts: start and finish timeouts.
    ///   - cancelOn: events that cancel unfinished runs.
    ///   - concurrency: limits on steps executing at once (one or two).
    ///   - throttle: runs started per period; excess runs are delayed.
    ///   - rateLimit: runs per period; excess events start no run.
    ///   - debounce: one run after events stop arriving for a period.
    ///   - batchEvents: several events per run.
    ///   - priority: head start over other queued runs.
    ///   - idempotency: one run per key per 24 hours.
    ///   - singleton: one unfinished run per key.
    public init(retries: Int? = nil, timeouts: Timeouts? = nil, cancelOn: [CancelOn] = [], concurrency: Concurrency? = nil,
                throttle: Throttle? = nil, rateLimit: RateLimit? = nil, debounce: Debounce? = nil, batchEvents: BatchEvents? = nil,
                priority: Priority? = nil, idempotency: Idempotency? = nil, singleton: Singleton? = nil) {
        self.retries = retries
        self.timeouts = timeouts
        self.cancelOn = cancelOn
        self.concurrency = concurrency
        self.throttle = throttle
        self.rateLimit = rateLimit
        self.debounce = debounce
        self.batchEvents = batchEvents
        self.priority = priority
        self.idempotency = idempotency
        self.singleton = singleton
    }

    /// Inngest's default retry count.
    public static let defaultRetries = 4
    /// Inngest's maximum retry count.
    public static let maximumRetries = 20

    /// Attempts in all: retries + 1.
    public var maxAttempts: Int { (retries ?? Self.defaultRetries) + 1 }
}
