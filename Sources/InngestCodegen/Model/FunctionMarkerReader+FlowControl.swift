/// The flow-control keys of `@inngest.function(…)`, read like `timeouts:` and `cancelOn:`: a value
/// or a `(key: value)` group, strictly (unknown entries and wrong kinds are errors at the entry).
/// Required parts that are missing are errors here; ranges, expressions and combinations are
/// checked by `FlowControlCheck` and `ExpressionCheck`, for markers and conformances alike.
extension FunctionMarkerReader {
    /// Reads every flow-control key of `arguments`.
    mutating func readFlowControl(_ arguments: inout MarkerReader) -> FlowControlModel {
        var model = FlowControlModel()
        if let argument = arguments.argument("concurrency") { model.concurrency = readConcurrency(argument) }
        if let argument = arguments.argument("throttle") { model.throttle = readThrottle(argument) }
        if let argument = arguments.argument("rateLimit") { model.rateLimit = readRateLimit(argument) }
        if let argument = arguments.argument("debounce") { model.debounce = readDebounce(argument) }
        if let argument = arguments.argument("batchEvents") { model.batchEvents = readBatchEvents(argument) }
        if let argument = arguments.argument("priority") { model.priority = readPriority(argument) }
        if let argument = arguments.argument("idempotency") { model.idempotency = readIdempotency(argument) }
        if let argument = arguments.argument("singleton") { model.singleton = readSingleton(argument) }
        return model
    }

    // MARK: concurrency

    private mutating func readConcurrency(_ argument: MarkerArgument) -> ConcurrencyModel? {
        if case .array = argument.value {
            let limits = argument.elements.compactMap { readConcurrencyLimit($0) }
            guard limits.count == argument.elements.count else { return nil }
            return ConcurrencyModel(limits: limits, location: argument.valueLocation)
        }
        return readConcurrencyLimit(argument).map { ConcurrencyModel(limits: [$0], location: argument.valueLocation) }
    }

    private mutating func readConcurrencyLimit(_ element: MarkerArgument) -> ConcurrencyModel.Limit? {
        switch element.value {
        case .integer(let limit):
            return ConcurrencyModel.Limit(limit: LocatedInteger(limit, at: element.valueLocation), location: element.valueLocation)
        case .record(let entries):
            var entry = MarkerReader(entries: entries, in: "concurrency")
            let written = entry.has("limit")
            let limit = entry.integer("limit").map { LocatedInteger($0.0, at: $0.1) }
            let key = entry.locatedString("key").map(FlowKeyModel.expression)
            var scope: LocatedString?
            if let scopeArgument = entry.stringOrIdentifier("scope") {
                let name = scopeArgument.0.stringValue ?? scopeArgument.0.identifierValue ?? ""
                if ["fn", "env", "account"].contains(name) {
                    scope = LocatedString(name, at: scopeArgument.1)
                } else {
                    fail(scopeArgument.1, "'scope' is \"fn\" (the default: this function's runs), \"env\" or \"account\" (runs of every function with the same key), not \"\(name)\"")
                }
            }
            entry.finish(allowed: ["limit", "key", "scope"])
            diagnostics += entry.diagnostics
            guard let limit else {
                if written { return nil }
                fail(element.valueLocation, "a concurrency limit needs limit:, e.g. concurrency: (limit: 10, key: \"event.data.customerId\")")
                return nil
            }
            return ConcurrencyModel.Limit(limit: limit, key: key, scope: scope, location: element.valueLocation)
        default:
            fail(element.valueLocation, "'concurrency' takes a number, (limit: …, key: \"…\", scope: \"fn\"|\"env\"|\"account\") or a list of one or two of them")
            return nil
        }
    }

    // MARK: throttle, rateLimit, debounce, batchEvents

    private mutating func readThrottle(_ argument: MarkerArgument) -> ThrottleModel? {
        let shape = "(limit: 10, period: \"1m\", burst: 2, key: \"event.data.customerId\")"
        guard var entry = group(argument, "throttle", shape) else { return nil }
        let written = (limit: entry.has("limit"), period: entry.has("period"))
        let limit = entry.integer("limit").map { LocatedInteger($0.0, at: $0.1) }
        let period = entry.locatedString("period").flatMap { duration($0, "period") }
        let burst = entry.integer("burst").map { LocatedInteger($0.0, at: $0.1) }
        let key = entry.locatedString("key").map(FlowKeyModel.expression)
        entry.finish(allowed: ["limit", "period", "burst", "key"])
        diagnostics += entry.diagnostics
        guard [required(written.limit, "limit", argument, "throttle", shape), required(written.period, "period", argument, "throttle", shape)].allSatisfy({ $0 }),
              let limit, let period else { return nil }
        return ThrottleModel(limit: limit, period: period, burst: burst, key: key, location: argument.valueLocation)
    }

    private mutating func readRateLimit(_ argument: MarkerArgument) -> RateLimitModel? {
        let shape = "(limit: 1, period: \"1m\", key: \"event.data.customerId\")"
        guard var entry = group(argument, "rateLimit", shape) else { return nil }
        let written = (limit: entry.has("limit"), period: entry.has("period"))
        let limit = entry.integer("limit").map { LocatedInteger($0.0, at: $0.1) }
        let period = entry.locatedString("period").flatMap { duration($0, "period") }
        let key = entry.locatedString("key").map(FlowKeyModel.expression)
        entry.finish(allowed: ["limit", "period", "key"])
        diagnostics += entry.diagnostics
        guard [required(written.limit, "limit", argument, "rateLimit", shape), required(written.period, "period", argument, "rateLimit", shape)].allSatisfy({ $0 }),
              let limit, let period else { return nil }
        return RateLimitModel(limit: limit, period: period, key: key, location: argument.valueLocation)
    }

    private mutating func readDebounce(_ argument: MarkerArgument) -> DebounceModel? {
        let shape = "(period: \"5m\", key: \"event.data.customerId\", timeout: \"30m\")"
        guard var entry = group(argument, "debounce", shape) else { return nil }
        let written = entry.has("period")
        let period = entry.locatedString("period").flatMap { duration($0, "period") }
        let key = entry.locatedString("key").map(FlowKeyModel.expression)
        let timeout = entry.locatedString("timeout").flatMap { duration($0, "timeout") }
        entry.finish(allowed: ["period", "key", "timeout"])
        diagnostics += entry.diagnostics
        guard required(written, "period", argument, "debounce", shape), let period else { return nil }
        return DebounceModel(period: period, key: key, timeout: timeout, location: argument.valueLocation)
    }

    private mutating func readBatchEvents(_ argument: MarkerArgument) -> BatchEventsModel? {
        let shape = "(maxSize: 100, timeout: \"5s\", key: \"event.data.customerId\", if: \"…\")"
        guard var entry = group(argument, "batchEvents", shape) else { return nil }
        let written = (maxSize: entry.has("maxSize"), timeout: entry.has("timeout"))
        let maxSize = entry.integer("maxSize").map { LocatedInteger($0.0, at: $0.1) }
        var timeout: LocatedDuration?
        if let text = entry.locatedString("timeout") {
            // Inngest reads a batch timeout with Go's time.ParseDuration, which has no days or weeks.
            if text.value.contains(where: { $0 == "d" || $0 == "w" }) {
                fail(text.location, "the batchEvents timeout \"\(text.value)\" uses days or weeks, which Inngest does not accept here; "
                     + "write it in h, m, s or ms (and at most 60s)")
            } else {
                timeout = duration(text, "timeout")
            }
        }
        let key = entry.locatedString("key").map(FlowKeyModel.expression)
        let condition = entry.locatedString("if")
        entry.finish(allowed: ["maxSize", "timeout", "key", "if"])
        diagnostics += entry.diagnostics
        guard [required(written.maxSize, "maxSize", argument, "batchEvents", shape), required(written.timeout, "timeout", argument, "batchEvents", shape)].allSatisfy({ $0 }),
              let maxSize, let timeout else { return nil }
        return BatchEventsModel(maxSize: maxSize, timeout: timeout, key: key, condition: condition, location: argument.valueLocation)
    }

    // MARK: priority, idempotency, singleton

    private mutating func readPriority(_ argument: MarkerArgument) -> PriorityModel? {
        let shape = "'priority' takes (run: \"…\") or its expression alone, e.g. priority: \"event.data.plan == 'pro' ? 120 : 0\""
        switch argument.value {
        case .string(let run):
            return PriorityModel(run: .expression(LocatedString(run, at: argument.valueLocation, literal: argument.literal)),
                                 location: argument.valueLocation)
        case .record(let entries):
            var entry = MarkerReader(entries: entries, in: "priority")
            let run = entry.locatedString("run")
            entry.finish(allowed: ["run"])
            diagnostics += entry.diagnostics
            guard let run else {
                if !entries.contains(where: { $0.label == "run" }) { fail(argument.valueLocation, shape) }
                return nil
            }
            return PriorityModel(run: .expression(run), location: argument.valueLocation)
        default:
            fail(argument.valueLocation, shape)
            return nil
        }
    }

    private mutating func readIdempotency(_ argument: MarkerArgument) -> IdempotencyModel? {
        guard case .string(let key) = argument.value else {
            fail(argument.valueLocation, "'idempotency' takes the key expression as a quoted string, e.g. idempotency: \"event.data.orderId\"")
            return nil
        }
        return IdempotencyModel(key: .expression(LocatedString(key, at: argument.valueLocation, literal: argument.literal)),
                                location: argument.valueLocation)
    }

    private mutating func readSingleton(_ argument: MarkerArgument) -> SingletonModel? {
        guard var entry = group(argument, "singleton", "(key: \"event.data.accountId\", mode: \"skip\"), with mode \"skip\" (the default) or \"cancel\"") else {
            return nil
        }
        let key = entry.locatedString("key").map(FlowKeyModel.expression)
        var mode = "skip"
        if let written = entry.stringOrIdentifier("mode") {
            let name = written.0.stringValue ?? written.0.identifierValue ?? ""
            if SingletonModel.modes.contains(name) {
                mode = name
            } else {
                fail(written.1, "singleton's 'mode' is \"skip\" (a new run is skipped while one runs) or \"cancel\" (it cancels the one running), not \"\(name)\"")
            }
        }
        entry.finish(allowed: ["key", "mode"])
        diagnostics += entry.diagnostics
        return SingletonModel(key: key, mode: mode, location: argument.valueLocation)
    }

    // MARK: Helpers

    /// A reader over the entries of `(key: value)`, or an error naming `shape`.
    private mutating func group(_ argument: MarkerArgument, _ label: String, _ shape: String) -> MarkerReader? {
        guard case .record(let entries) = argument.value else {
            fail(argument.valueLocation, "'\(label)' takes \(shape)")
            return nil
        }
        return MarkerReader(entries: entries, in: label)
    }

    /// Reports a missing required entry; `true` when it is written.
    private mutating func required(_ written: Bool, _ entry: String, _ argument: MarkerArgument, _ label: String, _ shape: String) -> Bool {
        if !written { fail(argument.valueLocation, "'\(label)' needs \(entry):, e.g. \(label): \(shape)") }
        return written
    }
}
