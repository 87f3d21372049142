/// A function's flow-control options, each as far as the build could read it: from a marker
/// (always whole) or from a conformance's literal `FunctionOptions(…)` (whatever is written
/// another way is `nil`, left to the boot check).
public struct FlowControlModel: Sendable, Hashable {
    /// `concurrency`.
    public var concurrency: ConcurrencyModel?
    /// `throttle`.
    public var throttle: ThrottleModel?
    /// `rateLimit`.
    public var rateLimit: RateLimitModel?
    /// `debounce`.
    public var debounce: DebounceModel?
    /// `batchEvents`.
    public var batchEvents: BatchEventsModel?
    /// `priority`.
    public var priority: PriorityModel?
    /// `idempotency`.
    public var idempotency: IdempotencyModel?
    /// `singleton`.
    public var singleton: SingletonModel?

    /// Creates a model with the options given.
    public init(concurrency: ConcurrencyModel? = nil, throttle: ThrottleModel? = nil, rateLimit: RateLimitModel? = nil,
                debounce: DebounceModel? = nil, batchEvents: BatchEventsModel? = nil, priority: PriorityModel? = nil,
                idempotency: IdempotencyModel? = nil, singleton: SingletonModel? = nil) {
        self.concurrency = concurrency
        self.throttle = throttle
        self.rateLimit = rateLimit
        self.debounce = debounce
        self.batchEvents = batchEvents
        self.priority = priority
        self.idempotency = idempotency
        self.singleton = singleton
    }

    /// Whether no option is stated.
    public var isEmpty: Bool { self == FlowControlModel() }
}
