import InngestTime

/// The JSON members that describe a function's triggers and options as Inngest's server decodes
/// them (`inngest/inngest:pkg/sdk/function.go` `SDKFunction`): what the serve handler registers
/// with a server and what the embedded engine writes into its `functions` table for the command
/// line and the dashboard. Absent options and absent fields are omitted, never `null`.
package enum FunctionConfig {
    /// `triggers`: `{"event", "expression"?}` or `{"cron"}` each.
    package static func triggers(_ triggers: [TriggerDefinition]) -> JSONValue {
        .array(triggers.map { trigger in
            switch trigger {
            case .event(let name, let expression?): .object(["event": .string(name), "expression": .string(expression)])
            case .event(let name, nil): .object(["event": .string(name)])
            case .cron(let expression): .object(["cron": .string(expression)])
            }
        })
    }

    /// `cancel`, `timeouts` and the flow-control members, to merge into a function's config.
    ///
    /// Fields whose value is the server's default when unset (a concurrency `scope` of `fn`, a
    /// throttle `burst` of 0) are left out, as the JS SDK leaves out what the user did not write
    /// (`inngest/inngest-js:packages/inngest/src/components/InngestFunction.ts` `getConfig`).
    /// Durations are `TimeString.format` strings (hours at most, never `d` or `w`), which both Go
    /// parsers the server uses accept: `str2duration` for periods and `time.ParseDuration` for
    /// `batchEvents.timeout`.
    package static func options(_ options: FunctionOptions) -> [String: JSONValue] {
        var config: [String: JSONValue] = [:]
        func duration(_ value: Duration) -> JSONValue { .string(TimeString.format(value)) }
        func integer(_ value: Int) -> JSONValue { .integer(Int64(value)) }

        if !options.cancelOn.isEmpty {
            config["cancel"] = .array(options.cancelOn.map { cancel in
                var members: [String: JSONValue] = ["event": .string(cancel.event)]
                if let condition = cancel.condition { members["if"] = .string(condition) }
                if let timeout = cancel.timeout { members["timeout"] = duration(timeout) }
                return .object(members)
            })
        }
        if let timeouts = options.timeouts, timeouts.start != nil || timeouts.finish != nil {
            var members: [String: JSONValue] = [:]
            if let start = timeouts.start { members["start"] = duration(start) }
            if let finish = timeouts.finish { members["finish"] = duration(finish) }
            config["timeouts"] = .object(members)
        }
        if let concurrency = options.concurrency {
            // Always the array form: the server reads a number, an object or an array alike.
            config["concurrency"] = .array(concurrency.limits.map { limit in
                var members: [String: JSONValue] = ["limit": integer(limit.limit)]
                if let key = limit.key { members["key"] = .string(key) }
                if limit.scope != .fn { members["scope"] = .string(limit.scope.rawValue) }
                return .object(members)
            })
        }
        if let throttle = options.throttle {
            var members: [String: JSONValue] = ["limit": integer(throttle.limit), "period": duration(throttle.period)]
            if throttle.burst != 0 { members["burst"] = integer(throttle.burst) }
            if let key = throttle.key { members["key"] = .string(key) }
            config["throttle"] = .object(members)
        }
        if let rateLimit = options.rateLimit {
            var members: [String: JSONValue] = ["limit": integer(rateLimit.limit), "period": duration(rateLimit.period)]
            if let key = rateLimit.key { members["key"] = .string(key) }
            config["rateLimit"] = .object(members)
        }
        if let debounce = options.debounce {
            var members: [String: JSONValue] = ["period": duration(debounce.period)]
            if let key = debounce.key { members["key"] = .string(key) }
            if let timeout = debounce.timeout { members["timeout"] = duration(timeout) }
            config["debounce"] = .object(members)
        }
        if let batchEvents = options.batchEvents {
            var members: [String: JSONValue] = ["maxSize": integer(batchEvents.maxSize), "timeout": duration(batchEvents.timeout)]
            if let key = batchEvents.key { members["key"] = .string(key) }
            if let condition = batchEvents.condition { members["if"] = .string(condition) }
            config["batchEvents"] = .object(members)
        }
        if let priority = options.priority {
            config["priority"] = .object(["run": .string(priority.run)])
        }
        if let idempotency = options.idempotency {
            config["idempotency"] = .string(idempotency.key)
        }
        if let singleton = options.singleton {
            var members: [String: JSONValue] = ["mode": .string(singleton.mode.rawValue)]
            if let key = singleton.key { members["key"] = .string(key) }
            config["singleton"] = .object(members)
        }
        return config
    }
}
