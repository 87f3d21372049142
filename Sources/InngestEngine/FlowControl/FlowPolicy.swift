import InngestCore
import InngestExpression

/// A function's flow control as the store enforces it, with every expression parsed once at boot.
/// Keys are qualified so that one table serves every function: a `fn`-scoped concurrency key, a
/// throttle, rate limit, debounce, batch or singleton key carries its function id; `env` and
/// `account` concurrency keys are shared by every function that uses the same value (the embedded
/// engine is one environment of one account).
struct FlowPolicy: Sendable {
    /// One concurrency limit.
    struct ConcurrencyRule: Sendable {
        let limit: Int
        let key: Expression?
        let scope: ConcurrencyLimit.Scope
    }

    /// A rate limit (or idempotency, which is a rate limit of one per 24 h).
    struct RateRule: Sendable {
        let gate: RateGate
        let key: Expression?
        /// `rateLimit` or `idempotency`, for messages.
        let name: String
    }

    /// A throttle.
    struct ThrottleRule: Sendable {
        let gate: RateGate
        let key: Expression?
    }

    /// A debounce.
    struct DebounceRule: Sendable {
        let period: Int64
        let key: Expression?
        let timeout: Int64?
    }

    /// Batching.
    struct BatchRule: Sendable {
        let maxSize: Int
        let timeout: Int64
        let key: Expression?
        let condition: Expression?
    }

    /// A singleton.
    struct SingletonRule: Sendable {
        let key: Expression?
        let mode: Singleton.Mode
    }

    let functionId: String
    let concurrency: [ConcurrencyRule]
    let throttle: ThrottleRule?
    let rateLimit: RateRule?
    let debounce: DebounceRule?
    let batch: BatchRule?
    let priority: Expression?
    let singleton: SingletonRule?

    /// Whether claims must look at each run (concurrency or throttle), rather than take the due runs in bulk.
    var gatesClaims: Bool { !concurrency.isEmpty || throttle != nil }

    /// The policy of a function; `nil` when it uses no flow control.
    /// - Throws: `EngineError` for an expression that does not parse or an option out of range.
    init?(function: FunctionDefinition) throws {
        let options = function.options
        let id = function.id
        func parse(_ text: String?) throws -> Expression? {
            guard let text else { return nil }
            do {
                return try Expression.parse(text, variables: ["event"])
            } catch {
                throw EngineError.invalidExpression(functionId: id, expression: text, detail: error.description)
            }
        }
        functionId = id
        concurrency = try (options.concurrency?.limits ?? []).map {
            ConcurrencyRule(limit: $0.limit, key: try parse($0.key), scope: $0.scope)
        }
        throttle = try options.throttle.map {
            ThrottleRule(gate: RateGate(limit: $0.limit, periodMilliseconds: Self.milliseconds($0.period), burst: $0.limit + $0.burst - 1),
                         key: try parse($0.key))
        }
        if let idempotency = options.idempotency {
            // Inngest registers idempotency as a rate limit of one per 24 h, in place of any rateLimit.
            rateLimit = RateRule(gate: RateGate(limit: 1, periodMilliseconds: Self.milliseconds(Idempotency.period), burst: 0),
                                 key: try parse(idempotency.key), name: "idempotency")
        } else {
            rateLimit = try options.rateLimit.map {
                RateRule(gate: RateGate(limit: $0.limit, periodMilliseconds: Self.milliseconds($0.period), burst: $0.limit / 10),
                         key: try parse($0.key), name: "rateLimit")
            }
        }
        debounce = try options.debounce.map {
            DebounceRule(period: Self.milliseconds($0.period), key: try parse($0.key), timeout: $0.timeout.map(Self.milliseconds))
        }
        batch = try options.batchEvents.map {
            BatchRule(maxSize: $0.maxSize, timeout: Self.milliseconds($0.timeout), key: try parse($0.key), condition: try parse($0.condition))
        }
        priority = try parse(options.priority?.run)
        singleton = try options.singleton.map { SingletonRule(key: try parse($0.key), mode: $0.mode) }
        if concurrency.isEmpty && throttle == nil && rateLimit == nil && debounce == nil && batch == nil && priority == nil
            && singleton == nil {
            return nil
        }
    }

    // MARK: Keys

    /// The value of a key expression for an event, as Inngest forms it: a string as written, `null`
    /// or missing data as `<nil>`, anything else as JSON; an evaluation error as `<invalid>`.
    static func keyValue(_ expression: Expression?, event: JSONValue) -> String {
        guard let expression else { return "" }
        do {
            switch try expression.value(["event": event]) {
            case nil, .null?: return "<nil>"
            case .string(let text)?: return text
            case let value?: return value.jsonString
            }
        } catch {
            return "<invalid>"
        }
    }

    /// Whether a key expression evaluates to `false`, which exempts the event from a rate limit or
    /// a singleton, as in Inngest.
    static func isExempt(_ expression: Expression?, event: JSONValue) -> Bool {
        guard let expression else { return false }
        return (try? expression.value(["event": event])) == .bool(false)
    }

    /// The qualified concurrency keys of a run of this function for `event`.
    func concurrencyKeys(event: JSONValue) -> [String] {
        concurrency.enumerated().map { index, rule in
            let value = Self.keyValue(rule.key, event: event)
            switch rule.scope {
            case .fn: return rule.key == nil ? "f:\(functionId)" : "f:\(functionId)#\(index):\(value)"
            case .env: return "e:\(value)"
            case .account: return "a:\(value)"
            }
        }
    }

    /// The limit of the concurrency key at `index`.
    func concurrencyLimit(at index: Int) -> Int { concurrency[index].limit }

    /// The qualified throttle key for `event`.
    func throttleKey(event: JSONValue) -> String? {
        throttle.map { "t:\(functionId):\(Self.keyValue($0.key, event: event))" }
    }

    /// The qualified rate-limit key for `event`, or `nil` when the event is exempt.
    func rateLimitKey(event: JSONValue) -> String? {
        guard let rateLimit, !Self.isExempt(rateLimit.key, event: event) else { return nil }
        return "r:\(functionId):\(Self.keyValue(rateLimit.key, event: event))"
    }

    /// The qualified singleton key for `event`, or `nil` when the event is exempt.
    func singletonKey(event: JSONValue) -> String? {
        guard let singleton, !Self.isExempt(singleton.key, event: event) else { return nil }
        return "s:\(functionId):\(Self.keyValue(singleton.key, event: event))"
    }

    /// The qualified debounce key for `event`.
    func debounceKey(event: JSONValue) -> String? {
        debounce.map { "d:\(functionId):\(Self.keyValue($0.key, event: event))" }
    }

    /// The qualified batch key for `event`, or `nil` when the function does not batch it (its `if`
    /// does not hold: the event runs alone).
    func batchKey(event: JSONValue) -> String? {
        guard let batch else { return nil }
        if let condition = batch.condition, !condition.matches(["event": event]) { return nil }
        return "b:\(functionId):\(Self.keyValue(batch.key, event: event))"
    }

    /// The head start of a run for `event`, in milliseconds: the priority expression's integer
    /// value clamped to −600 … 600 seconds; 0 when it errs or is not an integer, as in Inngest.
    func priorityMilliseconds(event: JSONValue) -> Int64 {
        guard let priority, case .integer(let seconds)? = try? priority.value(["event": event]) else { return 0 }
        return min(600, max(-600, seconds)) * 1000
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
