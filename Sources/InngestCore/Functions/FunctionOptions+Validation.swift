import InngestExpression
import InngestTime

extension FunctionOptions {
    /// The most concurrency limits a function may have (Inngest's `consts.MaxConcurrencyLimits`).
    package static let maximumConcurrencyLimits = 2
    /// The periods a throttle may have: 1 s … 7 days.
    package static let throttlePeriods: ClosedRange<Duration> = .seconds(1) ... .seconds(7 * 86_400)
    /// The periods a rate limit may have: 1 s … 24 h (Inngest's `consts.FunctionIdempotencyPeriod`).
    package static let rateLimitPeriods: ClosedRange<Duration> = .seconds(1) ... .seconds(86_400)
    /// The periods a debounce may have: 1 s … 7 days (`consts.MinDebouncePeriod` … `MaxDebouncePeriod`).
    package static let debouncePeriods: ClosedRange<Duration> = .seconds(1) ... .seconds(7 * 86_400)
    /// The sizes a batch may have: 1 … 100.
    package static let batchSizes: ClosedRange<Int> = 1 ... 100
    /// The timeouts a batch may have: 1 s … 60 s.
    package static let batchTimeouts: ClosedRange<Duration> = .seconds(1) ... .seconds(60)
    /// The head starts a priority may give, in seconds (`consts.PriorityFactorMin` … `Max`).
    package static let priorities: ClosedRange<Int64> = -600 ... 600

    /// What is wrong with these options, one message per problem, each saying what to do; empty when
    /// Inngest (and the embedded engine) can honour them. Checks the ranges of every flow-control
    /// option, that each key, `if` and `run` expression parses (over `event`), and the combinations
    /// Inngest refuses at sync (batching with `cancelOn`, `debounce`, `singleton` or `priority`).
    /// Combinations Inngest accepts but partly ignores are not problems.
    /// - Parameter functionId: the function's id, named in every message.
    package func problems(functionId: String) -> [String] {
        var problems: [String] = []
        func report(_ message: String) { problems.append("function \(functionId.debugDescription): \(message)") }
        func check(_ expression: String?, _ name: String) {
            guard let expression else { return }
            do {
                _ = try InngestExpression.Expression.parse(expression, variables: ["event"])
            } catch {
                report("\(name) \(expression.debugDescription) is not an expression Inngest accepts (\(error.message)); "
                       + "write one over event, e.g. event.data.customerId")
            }
        }
        func checkRange(_ duration: Duration, _ name: String, _ range: ClosedRange<Duration>) {
            guard !range.contains(duration) else { return }
            report("\(name) is \(TimeString.format(duration)); it must be \(TimeString.format(range.lowerBound)) … "
                   + "\(TimeString.format(range.upperBound))")
        }

        if let concurrency {
            let limits = concurrency.limits
            if limits.isEmpty || limits.count > Self.maximumConcurrencyLimits {
                report("concurrency has \(limits.count) limits; it must have 1 or \(Self.maximumConcurrencyLimits)")
            }
            for (index, limit) in limits.enumerated() {
                let name = limits.count > 1 ? "concurrency[\(index)]" : "concurrency"
                if limit.limit < 1 { report("\(name).limit is \(limit.limit); it must be at least 1") }
                if limit.scope != .fn, limit.key == nil {
                    report("\(name) has scope \(limit.scope.rawValue) but no key; a limit shared with other functions needs a key "
                           + "naming what is shared, e.g. key: \"\\\"openai\\\"\"")
                }
                check(limit.key, "\(name).key")
            }
        }
        if let throttle {
            if throttle.limit < 1 { report("throttle.limit is \(throttle.limit); it must be at least 1") }
            if throttle.burst < 0 { report("throttle.burst is \(throttle.burst); it must be at least 0") }
            checkRange(throttle.period, "throttle.period", Self.throttlePeriods)
            check(throttle.key, "throttle.key")
        }
        if let rateLimit {
            if rateLimit.limit < 1 { report("rateLimit.limit is \(rateLimit.limit); it must be at least 1") }
            checkRange(rateLimit.period, "rateLimit.period", Self.rateLimitPeriods)
            check(rateLimit.key, "rateLimit.key")
        }
        if let debounce {
            checkRange(debounce.period, "debounce.period", Self.debouncePeriods)
            if let timeout = debounce.timeout, timeout <= .zero {
                report("debounce.timeout is \(TimeString.format(timeout)); it must be positive, or nil for no cap")
            }
            check(debounce.key, "debounce.key")
        }
        if let batchEvents {
            if !Self.batchSizes.contains(batchEvents.maxSize) {
                report("batchEvents.maxSize is \(batchEvents.maxSize); it must be \(Self.batchSizes.lowerBound) … "
                       + "\(Self.batchSizes.upperBound)")
            }
            checkRange(batchEvents.timeout, "batchEvents.timeout", Self.batchTimeouts)
            check(batchEvents.key, "batchEvents.key")
            check(batchEvents.condition, "batchEvents.if")
            let refused = [
                ("cancelOn", !cancelOn.isEmpty), ("debounce", debounce != nil), ("singleton", singleton != nil),
                ("priority", priority != nil),
            ]
            for (option, isSet) in refused where isSet {
                report("batchEvents cannot be combined with \(option) (Inngest refuses the function at sync); remove one of them")
            }
        }
        if let priority {
            check(priority.run, "priority.run")
            if let parsed = try? InngestExpression.Expression.parse(priority.run, variables: ["event"]),
               case .literal(.integer(let seconds)) = parsed.root, !Self.priorities.contains(seconds) {
                report("priority.run is \(seconds); it must be \(Self.priorities.lowerBound) … \(Self.priorities.upperBound) "
                       + "(seconds of head start)")
            }
        }
        if let idempotency { check(idempotency.key, "idempotency") }
        if let singleton { check(singleton.key, "singleton.key") }
        return problems
    }
}
