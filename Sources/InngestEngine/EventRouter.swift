import InngestCore
import InngestExpression
import InngestTime

/// Which functions an accepted event starts, and on which schedules: each function's triggers,
/// with their `if` filters parsed once at registration.
struct EventRouter: Sendable {
    /// A function an event name leads to, with its trigger's filter.
    struct Route: Sendable {
        let functionId: String
        let condition: Expression?
    }

    /// A cron trigger of a function; `key` names it in the store.
    struct Schedule: Sendable {
        let key: String
        let functionId: String
        let expression: CronExpression
    }

    /// A `cancelOn` of a function, with its condition parsed.
    struct Cancellation: Sendable {
        let functionId: String
        let condition: Expression?
        /// Milliseconds after the run's start during which it applies.
        let timeout: Int64?
    }

    private let routes: [String: [Route]]
    private let cancellations: [String: [Cancellation]]
    /// Every cron trigger, by key.
    let schedules: [String: Schedule]
    /// The app id, which lifecycle events name functions with (`<appId>-<id>`).
    let appId: String

    /// Parses every trigger and cancellation.
    /// - Throws: `EngineError` for a cron or an expression that does not parse.
    init(_ functions: [FunctionDefinition], appId: String) throws {
        self.appId = appId
        var routes: [String: [Route]] = [:]
        var schedules: [String: Schedule] = [:]
        var cancellations: [String: [Cancellation]] = [:]
        for function in functions {
            for cancel in function.options.cancelOn {
                var condition: Expression?
                if let text = cancel.condition {
                    do {
                        // Inngest holds cancellation conditions to its restrictive policy at sync.
                        condition = try Expression.parse(text, variables: ["event", "async"], rules: .restrictive)
                    } catch {
                        throw EngineError.invalidExpression(functionId: function.id, expression: text, detail: error.description)
                    }
                }
                let timeout = cancel.timeout.map { duration in
                    duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
                }
                cancellations[cancel.event, default: []].append(Cancellation(functionId: function.id, condition: condition, timeout: timeout))
            }
            for trigger in function.triggers {
                switch trigger {
                case .event(let name, let text):
                    var condition: Expression?
                    if let text {
                        do {
                            condition = try Expression.parse(text, variables: ["event"])
                        } catch {
                            throw EngineError.invalidExpression(functionId: function.id, expression: text, detail: error.description)
                        }
                    }
                    routes[name, default: []].append(Route(functionId: function.id, condition: condition))
                case .cron(let text):
                    do {
                        let key = "\(function.id) \(text)"
                        schedules[key] = Schedule(key: key, functionId: function.id, expression: try CronExpression(text))
                    } catch {
                        throw EngineError.invalidCron(functionId: function.id, detail: error.description)
                    }
                }
            }
        }
        self.routes = routes.mapValues { $0.sorted { $0.functionId < $1.functionId } }
        self.schedules = schedules
        self.cancellations = cancellations
    }

    /// The `cancelOn`s that events of this name trigger.
    func cancellations(for name: String) -> [Cancellation] { cancellations[name] ?? [] }

    /// Inngest's id of a function of this app.
    func compositeId(of functionId: String) -> String { appId.isEmpty ? functionId : "\(appId)-\(functionId)" }

    /// The functions `event` starts: those with a trigger for its name whose filter holds (an
    /// evaluation error, as in Inngest, starts nothing).
    /// The most runs an event of this name can start (its routes, before their conditions).
    func maximumRuns(forEventNamed name: String) -> Int { routes[name]?.count ?? 0 }

    func functions(for event: InngestEvent) -> [String] {
        guard let candidates = routes[event.name] else { return [] }
        var started: [String] = []
        var json: JSONValue?
        for route in candidates where !started.contains(route.functionId) {
            if let condition = route.condition {
                let value = json ?? event.jsonValue
                json = value
                guard condition.matches(["event": value]) else { continue }
            }
            started.append(route.functionId)
        }
        return started
    }

    /// The first schedule of a function, for `runNow`.
    func firstSchedule(of functionId: String) -> Schedule? {
        schedules.values.filter { $0.functionId == functionId }.min { $0.key < $1.key }
    }
}
