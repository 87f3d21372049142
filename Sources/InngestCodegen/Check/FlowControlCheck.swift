import InngestTime

/// Flow-control options within the ranges Inngest accepts, and combined only in ways it accepts
/// (an error where Inngest refuses the function at sync, a warning where it ignores one option).
/// Markers and conformances alike, on what the build could read; each problem is reported at the
/// value, or at the option, that is wrong. Expressions are checked by ``ExpressionCheck``.
enum FlowControlCheck {
    /// One second, in nanoseconds.
    static let second: Int64 = 1_000_000_000
    /// The longest throttle and debounce period: 7 days.
    static let sevenDays: Int64 = 7 * 86_400 * second
    /// The longest rate-limit period: 24 hours.
    static let day: Int64 = 86_400 * second
    /// The longest batch timeout: 60 seconds.
    static let minute: Int64 = 60 * second
    /// The largest batch.
    static let largestBatch = 100
    /// The widest literal priority, in seconds either way.
    static let priorityRange = -600...600

    /// Every function's flow control.
    static func check(_ model: AppModel) -> [Diagnostic] {
        model.functions.flatMap { function in
            var check = Pass(function: function)
            check.ranges()
            check.combinations()
            return check.diagnostics
        }
    }

    /// The checks of one function.
    private struct Pass {
        /// The function.
        let function: FunctionModel
        /// What was found.
        var diagnostics: [Diagnostic] = []

        /// The options.
        var flow: FlowControlModel { function.flowControl }
        /// The function for messages.
        var name: String { "function \"\(function.displayId)\"" }

        /// Creates the pass.
        init(function: FunctionModel) { self.function = function }

        /// Every value within its range.
        mutating func ranges() {
            if let concurrency = flow.concurrency {
                if !(1...2).contains(concurrency.limits.count) {
                    error(concurrency.location, "concurrency of \(name) has \(concurrency.limits.count) limits; Inngest takes 1 or 2 (e.g. one per customer and one for the whole account)")
                }
                for limit in concurrency.limits {
                    atLeast(1, limit.limit, "the concurrency limit of \(name)")
                    if let scope = limit.scope, scope.value != "fn", limit.key == nil {
                        error(scope.location, "the \(scope.value)-scoped concurrency limit of \(name) needs a key: a limit shared across functions "
                              + "counts the runs with the same key value, e.g. key: \"\\\"openai\\\"\" for one shared limit")
                    }
                }
            }
            if let throttle = flow.throttle {
                atLeast(1, throttle.limit, "the throttle limit of \(name)")
                atLeast(0, throttle.burst, "the throttle burst of \(name)")
                within(throttle.period, second...sevenDays, "the throttle period of \(name)", "1s to 7 days")
            }
            if let rateLimit = flow.rateLimit {
                atLeast(1, rateLimit.limit, "the rateLimit limit of \(name)")
                within(rateLimit.period, second...day, "the rateLimit period of \(name)", "1s to 24h")
            }
            if let debounce = flow.debounce {
                within(debounce.period, second...sevenDays, "the debounce period of \(name)", "1s to 7 days")
                if let timeout = debounce.timeout {
                    if timeout.nanoseconds <= 0 {
                        error(timeout.location, "the debounce timeout of \(name) must be positive, not \(Self.describe(timeout))")
                    } else if let period = debounce.period, timeout.nanoseconds < period.nanoseconds {
                        warning(timeout.location, "the debounce timeout of \(name) (\(Self.describe(timeout))) is shorter than its period (\(Self.describe(period))), "
                                + "so every run starts at the timeout and the period has no effect; make the timeout longer than the period or remove it")
                    }
                }
            }
            if let batch = flow.batchEvents {
                if let size = batch.maxSize {
                    if !(1...largestBatch).contains(size.value) {
                        error(size.location, "the batchEvents maxSize of \(name) is \(size.value); Inngest takes 1 to \(largestBatch)")
                    } else if size.value == 1 {
                        warning(size.location, "the batchEvents maxSize of \(name) is 1, which an Inngest server refuses (batches hold at least 2 events); "
                                + "use 2 or more, or remove batchEvents")
                    }
                }
                within(batch.timeout, second...minute, "the batchEvents timeout of \(name)", "1s to 60s")
                if function.declaration != .conformance, let payload = function.handlerPayload, ModelBuilder.arrayElement(of: payload) == nil {
                    warning(batch.location, "\(name) batches events, but its handler takes one \(payload), so it sees only the first event of each batch; "
                            + "take [\(payload)] to receive them all")
                }
            }
            if let priority = flow.priority, let run = priority.run.expression,
               let value = Int(run.value.filter { !$0.isWhitespace }), !priorityRange.contains(value) {
                error(run.location, "the priority of \(name) is \(value) seconds; Inngest takes -600 to 600")
            }
        }

        /// Options Inngest refuses together (errors) or ignores together (warnings).
        mutating func combinations() {
            if let batch = flow.batchEvents {
                let refused: [(String, SourceLocation?)] = [
                    ("cancelOn", function.cancels.first?.location), ("debounce", flow.debounce?.location),
                    ("singleton", flow.singleton?.location), ("priority", flow.priority?.location),
                ]
                for case let (option, location?) in refused {
                    error(location, "\(name) has both batchEvents and \(option), which Inngest refuses when the app syncs; "
                          + "remove one of them (batchEvents is written at \(batch.location))")
                }
                for case let (option, location?) in [("rateLimit", flow.rateLimit?.location), ("idempotency", flow.idempotency?.location)] {
                    warning(location, "\(option) of \(name) has no effect: batched runs skip \(option == "rateLimit" ? "rate limiting" : "the idempotency check"); "
                            + "remove it, or remove batchEvents")
                }
            }
            if let rateLimit = flow.rateLimit, flow.idempotency != nil, flow.batchEvents == nil {
                warning(rateLimit.location, "rateLimit of \(name) has no effect: idempotency replaces it (Inngest applies idempotency as a rate limit of 1 per 24h); "
                        + "remove one of them")
            }
        }

        /// An error unless `value` is at least `minimum`.
        mutating func atLeast(_ minimum: Int, _ value: LocatedInteger?, _ what: String) {
            guard let value, value.value < minimum else { return }
            error(value.location, "\(what) is \(value.value); it must be at least \(minimum)")
        }

        /// An error unless `duration` is within `range`.
        mutating func within(_ duration: LocatedDuration?, _ range: ClosedRange<Int64>, _ what: String, _ stated: String) {
            guard let duration, !range.contains(duration.nanoseconds) else { return }
            error(duration.location, "\(what) is \(Self.describe(duration)); Inngest takes \(stated)")
        }

        /// Reports an error.
        mutating func error(_ location: SourceLocation, _ message: String) {
            diagnostics.append(Diagnostic(.error, message, at: location))
        }

        /// Reports a warning.
        mutating func warning(_ location: SourceLocation, _ message: String) {
            diagnostics.append(Diagnostic(.warning, message, at: location))
        }

        /// A duration as an Inngest time string (`90s`), or as written in Swift when not positive.
        static func describe(_ duration: LocatedDuration) -> String {
            duration.nanoseconds > 0 ? TimeString.format(.nanoseconds(duration.nanoseconds)) : duration.swiftExpression
        }
    }
}
