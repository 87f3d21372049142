/// Options of a function. Only what the engine enforces is offered; Inngest's flow-control options
/// (concurrency, throttle, rate limit, debounce, batching, priority) are not supported yet and have
/// no property here, so nothing is accepted and then ignored.
public struct FunctionOptions: Sendable, Hashable {
    /// How many times a failing step (or function body) is retried after its first attempt: 0–20.
    /// `nil` means Inngest's default of 4 (5 attempts in all).
    public var retries: Int?
    /// How long a run may wait to start, and how long it may take once started; a run past either
    /// is cancelled (Inngest's `timeouts`).
    public var timeouts: Timeouts?
    /// Events that cancel the function's unfinished runs.
    public var cancelOn: [CancelOn]

    /// Creates options.
    /// - Parameters:
    ///   - retries: retries after the first attempt, 0–20; `nil` for Inngest's default of 4.
    ///   - timeouts: start and finish timeouts.
    ///   - cancelOn: events that cancel unfinished runs.
    public init(retries: Int? = nil, timeouts: Timeouts? = nil, cancelOn: [CancelOn] = []) {
        self.retries = retries
        self.timeouts = timeouts
        self.cancelOn = cancelOn
    }

    /// Inngest's default retry count.
    public static let defaultRetries = 4
    /// Inngest's maximum retry count.
    public static let maximumRetries = 20

    /// Attempts in all: retries + 1.
    public var maxAttempts: Int { (retries ?? Self.defaultRetries) + 1 }
}
