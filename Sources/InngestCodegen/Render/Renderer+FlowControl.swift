/// The flow-control arguments of a marker function's generated `FunctionOptions(…)`, in the API's
/// factory shapes, with exact durations (`.milliseconds(1500)`, never a rounded unit).
extension Renderer {
    /// `concurrency: […], throttle: .limit(…), …` for what the marker states, in the order of
    /// `FunctionOptions.init`. A marker's options are read whole (a missing part is an error that
    /// stops the build), so every part rendered here is known.
    static func flowControlArguments(_ flow: FlowControlModel) -> [String] {
        var arguments: [String] = []
        if let concurrency = flow.concurrency {
            let limits = concurrency.limits.compactMap { limit -> String? in
                guard let value = limit.limit?.value else { return nil }
                var parts = ["\(value)"]
                if let key = limit.key.flatMap(keyExpression) { parts.append("key: \(key)") }
                if let scope = limit.scope?.value, scope != "fn" { parts.append("scope: .\(scope)") }
                return ".limit(\(parts.joined(separator: ", ")))"
            }
            arguments.append("concurrency: [\(limits.joined(separator: ", "))]")
        }
        if let throttle = flow.throttle, let limit = throttle.limit?.value, let period = throttle.period {
            var parts = ["\(limit)", "per: \(period.swiftExpression)"]
            if let burst = throttle.burst?.value { parts.append("burst: \(burst)") }
            if let key = throttle.key.flatMap(keyExpression) { parts.append("key: \(key)") }
            arguments.append("throttle: .limit(\(parts.joined(separator: ", ")))")
        }
        if let rateLimit = flow.rateLimit, let limit = rateLimit.limit?.value, let period = rateLimit.period {
            var parts = ["\(limit)", "per: \(period.swiftExpression)"]
            if let key = rateLimit.key.flatMap(keyExpression) { parts.append("key: \(key)") }
            arguments.append("rateLimit: .limit(\(parts.joined(separator: ", ")))")
        }
        if let debounce = flow.debounce, let period = debounce.period {
            var parts = [period.swiftExpression]
            if let key = debounce.key.flatMap(keyExpression) { parts.append("key: \(key)") }
            if let timeout = debounce.timeout { parts.append("timeout: \(timeout.swiftExpression)") }
            arguments.append("debounce: .period(\(parts.joined(separator: ", ")))")
        }
        if let batch = flow.batchEvents, let size = batch.maxSize?.value, let timeout = batch.timeout {
            var parts = ["\(size)", "timeout: \(timeout.swiftExpression)"]
            if let key = batch.key.flatMap(keyExpression) { parts.append("key: \(key)") }
            if let condition = batch.condition { parts.append("if: \(literal(condition.value))") }
            arguments.append("batchEvents: .maxSize(\(parts.joined(separator: ", ")))")
        }
        if let run = flow.priority.flatMap({ keyExpression($0.run) }) {
            arguments.append("priority: .run(\(run))")
        }
        if let key = flow.idempotency.flatMap({ keyExpression($0.key) }) {
            arguments.append("idempotency: .key(\(key))")
        }
        if let singleton = flow.singleton, let mode = singleton.mode {
            if let key = singleton.key.flatMap(keyExpression) {
                arguments.append("singleton: .key(\(key), mode: .\(mode))")
            } else {
                arguments.append("singleton: .function(mode: .\(mode))")
            }
        }
        return arguments
    }

    /// A key as Swift source: the string literal, or the key path (`\Root.path`); `nil` for a
    /// key the build could not read (never in a marker).
    static func keyExpression(_ key: FlowKeyModel) -> String? {
        switch key {
        case .expression(let text): literal(text.value)
        case .keyPath(let path): "\\" + ([path.root].compactMap { $0 } + path.properties).joined(separator: ".")
        case .unread: nil
        }
    }
}
