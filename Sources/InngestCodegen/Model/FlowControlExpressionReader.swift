/// Reads the flow-control arguments of a conformance's literal `FunctionOptions(…)` in the shapes
/// of the API: the static factories (`.limit(10, key: \OrderPlaced.customerId)`,
/// `.limit(1, per: .minutes(1))`, `.period(.seconds(30), key: "…", timeout: …)`,
/// `.maxSize(10, timeout: .seconds(5))`, `.run("…")`, `.key(…)`, `.key(…, mode: .skip)`,
/// `.function(mode:)`), the memberwise initialisers (`Throttle(limit:period:burst:key:)`,
/// `.init(…)`), an integer or array literal for `concurrency` and a string literal for
/// `idempotency`. An option in any other shape is `nil`; a part of a read option written another
/// way (a variable, a call) is `nil` or `.unread` in the model. Nothing is guessed: what the build
/// cannot read, the boot check judges.
enum FlowControlExpressionReader {
    /// A call `Type.name(…)`, `.name(…)`, `Type(…)` or `.init(…)`, with its arguments by label;
    /// a factory's first, unlabeled argument is labeled `positional` (`limit`, `period`, …).
    private struct Call {
        /// The factory name, or `init`.
        var name: String
        /// The arguments by label.
        var arguments: [String: ExpressionCursor]
    }

    /// Reads the `label:` argument of `FunctionOptions(…)` into `model`, when it is one of the
    /// flow-control labels and written in a shape of the API; `false` for any other label.
    static func read(_ label: String, _ value: ExpressionCursor, at location: SourceLocation, into model: inout FlowControlModel) -> Bool {
        var value = value
        switch label {
        case "concurrency": model.concurrency = concurrency(&value, at: location)
        case "throttle": model.throttle = throttle(&value, at: location)
        case "rateLimit": model.rateLimit = rateLimit(&value, at: location)
        case "debounce": model.debounce = debounce(&value, at: location)
        case "batchEvents": model.batchEvents = batchEvents(&value, at: location)
        case "priority": model.priority = priority(&value, at: location)
        case "idempotency": model.idempotency = idempotency(&value, at: location)
        case "singleton": model.singleton = singleton(&value, at: location)
        default: return false
        }
        return true
    }

    // MARK: Options

    /// `5`, `.limit(…)`, `Concurrency.limit(…)`, `[.limit(…), ConcurrencyLimit(…)]`, `Concurrency([…])`.
    private static func concurrency(_ cursor: inout ExpressionCursor, at location: SourceLocation) -> ConcurrencyModel? {
        var probe = cursor
        if let limit = probe.locatedInteger() {
            return ConcurrencyModel(limits: [ConcurrencyModel.Limit(limit: limit, location: limit.location)], location: location)
        }
        probe = cursor
        if let elements = probe.arrayElements() {
            return ConcurrencyModel(limits: elements.map(concurrencyLimit), location: location)
        }
        probe = cursor
        if let call = call(&probe, types: ["Concurrency"], factories: ["limit"]) {
            if call.name == "init" {
                // `Concurrency([…])`: the list of limits.
                guard call.arguments.count == 1, var list = call.arguments["positional"], let elements = list.arrayElements() else { return nil }
                return ConcurrencyModel(limits: elements.map(concurrencyLimit), location: location)
            }
            return limit(call, at: location).map { ConcurrencyModel(limits: [$0], location: location) }
        }
        return nil
    }

    /// One element of a list of limits; only its location when written another way.
    private static func concurrencyLimit(_ element: ExpressionCursor) -> ConcurrencyModel.Limit {
        var cursor = element
        let location = cursor.location
        if let call = call(&cursor, types: ["ConcurrencyLimit"], factories: ["limit"]), let limit = limit(call, at: location) {
            return limit
        }
        return ConcurrencyModel.Limit(limit: nil, isPartlyUnread: true, location: location)
    }

    /// `.limit(n, key:, scope:)` or `ConcurrencyLimit(limit:key:scope:)`.
    private static func limit(_ call: Call, at location: SourceLocation) -> ConcurrencyModel.Limit? {
        guard var arguments = labeled(call, positional: "limit", allowed: ["limit", "key", "scope"]) else { return nil }
        var limit = ConcurrencyModel.Limit(limit: arguments["limit"]?.locatedInteger(), key: key(arguments["key"]), location: location)
        if var scope = arguments["scope"] {
            let scopeLocation = scope.location
            if let name = scope.enumCase(in: ["ConcurrencyLimit.Scope", "Scope"]), ["fn", "env", "account"].contains(name) {
                limit.scope = LocatedString(name, at: scopeLocation)
            } else {
                limit.isPartlyUnread = true
            }
        }
        if limit.limit == nil { limit.isPartlyUnread = true }
        return limit
    }

    /// `.limit(n, per: d, burst: b, key: k)` or `Throttle(limit:period:burst:key:)`.
    private static func throttle(_ cursor: inout ExpressionCursor, at location: SourceLocation) -> ThrottleModel? {
        guard let call = call(&cursor, types: ["Throttle"], factories: ["limit"]),
              var arguments = labeled(call, positional: "limit", allowed: ["limit", "period", "burst", "key"]) else { return nil }
        return ThrottleModel(limit: arguments["limit"]?.locatedInteger(), period: arguments["period"]?.duration(),
                             burst: arguments["burst"]?.locatedInteger(), key: key(arguments["key"]), location: location)
    }

    /// `.limit(n, per: d, key: k)` or `RateLimit(limit:period:key:)`.
    private static func rateLimit(_ cursor: inout ExpressionCursor, at location: SourceLocation) -> RateLimitModel? {
        guard let call = call(&cursor, types: ["RateLimit"], factories: ["limit"]),
              var arguments = labeled(call, positional: "limit", allowed: ["limit", "period", "key"]) else { return nil }
        return RateLimitModel(limit: arguments["limit"]?.locatedInteger(), period: arguments["period"]?.duration(),
                              key: key(arguments["key"]), location: location)
    }

    /// `.period(d, key: k, timeout: t)` or `Debounce(period:key:timeout:)`.
    private static func debounce(_ cursor: inout ExpressionCursor, at location: SourceLocation) -> DebounceModel? {
        guard let call = call(&cursor, types: ["Debounce"], factories: ["period"]),
              var arguments = labeled(call, positional: "period", allowed: ["period", "key", "timeout"]) else { return nil }
        return DebounceModel(period: arguments["period"]?.duration(), key: key(arguments["key"]), timeout: arguments["timeout"]?.duration(),
                             location: location)
    }

    /// `.maxSize(n, timeout: d, key: k, if: "…")` or `BatchEvents(maxSize:timeout:key:if:)`.
    private static func batchEvents(_ cursor: inout ExpressionCursor, at location: SourceLocation) -> BatchEventsModel? {
        guard let call = call(&cursor, types: ["BatchEvents"], factories: ["maxSize"]),
              var arguments = labeled(call, positional: "maxSize", allowed: ["maxSize", "timeout", "key", "if"]) else { return nil }
        return BatchEventsModel(maxSize: arguments["maxSize"]?.locatedInteger(), timeout: arguments["timeout"]?.duration(),
                                key: key(arguments["key"]), condition: arguments["if"]?.string(), location: location)
    }

    /// `.run("…")`, `.run(\E.rank)` or `Priority(run: "…")`.
    private static func priority(_ cursor: inout ExpressionCursor, at location: SourceLocation) -> PriorityModel? {
        guard let call = call(&cursor, types: ["Priority"], factories: ["run"]),
              let arguments = labeled(call, positional: "run", allowed: ["run"]), let run = key(arguments["run"]) else { return nil }
        return PriorityModel(run: run, location: location)
    }

    /// `"…"`, `.key("…")`, `.key(\E.id)` or `Idempotency(key: "…")`.
    private static func idempotency(_ cursor: inout ExpressionCursor, at location: SourceLocation) -> IdempotencyModel? {
        var probe = cursor
        if let key = probe.string() { return IdempotencyModel(key: .expression(key), location: location) }
        guard let call = call(&cursor, types: ["Idempotency"], factories: ["key"]),
              let arguments = labeled(call, positional: "key", allowed: ["key"]), let key = key(arguments["key"]) else { return nil }
        return IdempotencyModel(key: key, location: location)
    }

    /// `.key(k, mode: m)`, `.function(mode: m)` or `Singleton(key:mode:)`.
    private static func singleton(_ cursor: inout ExpressionCursor, at location: SourceLocation) -> SingletonModel? {
        guard let call = call(&cursor, types: ["Singleton"], factories: ["key", "function"]),
              let arguments = labeled(call, positional: "key", allowed: ["key", "mode"]), var mode = arguments["mode"] else { return nil }
        let name = mode.enumCase(in: ["Singleton.Mode", "Mode"])
        return SingletonModel(key: key(arguments["key"]), mode: name.flatMap { SingletonModel.modes.contains($0) ? $0 : nil }, location: location)
    }

    // MARK: Pieces

    /// A key: `nil` when absent or `nil`; the literal or key path; `.unread` otherwise.
    private static func key(_ cursor: ExpressionCursor?) -> FlowKeyModel? {
        guard var cursor else { return nil }
        let location = cursor.location
        var probe = cursor
        if probe.take(.identifier, "nil"), probe.atEnd { return nil }
        probe = cursor
        if let text = probe.string() { return .expression(text) }
        if let path = cursor.keyPath() { return .keyPath(path) }
        return .unread(location)
    }

    /// The arguments of `call` by label, the positional one named `positional`; `nil` when a label
    /// is not one of `allowed` or is written twice (a shape of the API the build does not know).
    private static func labeled(_ call: Call, positional: String, allowed: Set<String>) -> [String: ExpressionCursor]? {
        var arguments: [String: ExpressionCursor] = [:]
        for (label, value) in call.arguments {
            let name = label == "positional" ? positional : label == "per" ? "period" : label
            guard allowed.contains(name), arguments[name] == nil else { return nil }
            arguments[name] = value
        }
        return arguments
    }

    /// A call of a factory or initialiser of one of `types` filling the whole cursor.
    private static func call(_ cursor: inout ExpressionCursor, types: Set<String>, factories: Set<String>) -> Call? {
        if cursor.take(.identifier, "Inngest") {
            guard cursor.take(.period) else { return nil }
        }
        var name = "init"
        if cursor.kind == .identifier, types.contains(cursor.text) {
            _ = cursor.take(.identifier)
            if cursor.take(.period) {
                guard cursor.kind == .identifier else { return nil }
                name = cursor.text
                _ = cursor.take(.identifier)
            }
        } else {
            guard cursor.take(.period), cursor.kind == .identifier else { return nil }
            name = cursor.text
            _ = cursor.take(.identifier)
        }
        guard name == "init" || factories.contains(name), let arguments = cursor.arguments(), cursor.atEnd else { return nil }
        var call = Call(name: name, arguments: [:])
        for (index, argument) in arguments.enumerated() {
            // Only a factory's first argument is unlabeled (`Concurrency([…])` too).
            let label = argument.label ?? (index == 0 ? "positional" : "")
            guard !label.isEmpty, call.arguments[label] == nil else { return nil }
            call.arguments[label] = argument.value
        }
        return call
    }
}
