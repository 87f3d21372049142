import InngestCore

/// How the store sets up and admits runs of one function: its start and finish timeouts (Inngest's
/// `timeouts`), in milliseconds, and its flow control.
struct RunTarget: Sendable {
    /// A run not started this long after it became due is cancelled.
    let startTimeout: Int64?
    /// A run still unfinished this long after it started is cancelled.
    let finishTimeout: Int64?
    /// Concurrency, throttling, rate limits, debounce, batching, priority and singleton; `nil` for none.
    let flow: FlowPolicy?

    /// The target of a registered function, from its options.
    /// - Throws: `EngineError` for a flow-control expression that does not parse.
    init(function: FunctionDefinition) throws {
        if let problem = function.options.problems(functionId: function.id).first {
            throw EngineError.invalidOptions(functionId: function.id, detail: problem)
        }
        flow = try FlowPolicy(function: function)
        startTimeout = function.options.timeouts?.start.map(Self.milliseconds)
        finishTimeout = function.options.timeouts?.finish.map(Self.milliseconds)
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}

/// A run that a `step.invoke` starts: the function, its event data, and the waiting step.
struct Invocation: Sendable {
    /// The event an invoked run receives, as Inngest names it.
    static let eventName = "inngest/function.invoked"

    /// The local function id.
    let functionId: String
    /// The event data: the payload, with Inngest's `_inngest` metadata.
    let data: JSONValue
    /// The hashed id of the invoking step.
    let step: String
    /// The step id as written, for the timeline.
    let stepName: String
}

/// A durable `step.waitForEvent`.
struct EventWait: Sendable {
    /// The hashed step id.
    let step: String
    /// The awaited event name.
    let eventName: String
    /// An expression over `event` (the run's triggering event) and `async` (the candidate) that
    /// must hold; `nil` accepts any event of the name.
    let expression: String?
    /// The run's triggering event, which `event` in the expression reads.
    let triggeringEvent: JSONValue
    /// When the wait times out, in milliseconds.
    let expiresAt: Int64
}
