import InngestCore

/// The body of an execution `POST`, as Inngest's server sends it, read with one strict parse
/// (`JSONValue(json:)`, nesting capped at `JSONValue.maximumDepth`) and mapped by hand. Unknown
/// keys are ignored and optional keys default; a known key of the wrong type is refused.
struct ExecutionCall: Sendable {
    /// The `ctx` object.
    struct CallContext: Sendable {
        var runId: String?
        var attempt: Int?
        var maxAttempts: Int?
        var disableImmediateExecution: Bool?
        var useAPI: Bool?
        var stepId: String?
    }

    /// The most attempts a call may announce: far above Inngest's (21: 20 retries and the first
    /// attempt), low enough that counting on from it cannot overflow.
    static let maximumAttempts = 10_000

    var event: InngestEvent?
    var events: [InngestEvent]
    var steps: [String: StepMemo]
    var context: CallContext
    var version: Int?
    var useAPI: Bool?

    /// Whether the server asks the SDK to fetch events and steps from its API (large runs).
    var needsAPIFetch: Bool { useAPI == true || context.useAPI == true }

    /// The triggering events: `events`, or `[event]` when `events` is empty.
    var triggeringEvents: [InngestEvent] {
        if !events.isEmpty { return events }
        return event.map { [$0] } ?? []
    }

    /// Parses and checks a body.
    /// - Throws: `MalformedCallError` with a message for the server's log.
    static func parse(_ body: [UInt8]) throws(MalformedCallError) -> ExecutionCall {
        guard !body.isEmpty else { throw MalformedCallError("the execution request body is empty; Inngest always sends a JSON object") }
        let json: JSONValue
        do {
            json = try JSONValue(json: body)
        } catch {
            throw MalformedCallError("the execution request body is not valid JSON (\(body.count) bytes; truncated?): \(error)")
        }
        let fields = try CallFields(json, path: "")
        let contextFields = try fields.object("ctx")
        let context = CallContext(
            runId: try contextFields?.string("run_id"),
            attempt: try contextFields?.integer("attempt", in: 0...maximumAttempts),
            maxAttempts: try contextFields?.integer("max_attempts", in: 1...maximumAttempts),
            disableImmediateExecution: try contextFields?.bool("disable_immediate_execution"),
            useAPI: try contextFields?.bool("use_api"),
            stepId: try contextFields?.string("step_id"))
        var steps: [String: StepMemo] = [:]
        for (id, memo) in try fields.object("steps")?.members ?? [:] { steps[id] = StepMemo(json: memo) }
        var events: [InngestEvent] = []
        for (index, item) in (try fields.array("events") ?? []).enumerated() {
            events.append(try event(item, path: "events[\(index)]"))
        }
        var first: InngestEvent?
        if let value = fields.members["event"], value != .null { first = try event(value, path: "event") }
        let call = ExecutionCall(
            event: first,
            events: events, steps: steps, context: context,
            version: try fields.integer("version", in: -1...Int(Int32.max)), useAPI: try fields.bool("use_api"))
        if !call.needsAPIFetch {
            guard call.event != nil || !call.events.isEmpty else {
                throw MalformedCallError("the execution request has neither \"event\" nor \"events\"")
            }
            guard let runId = call.context.runId, !runId.isEmpty else {
                throw MalformedCallError("the execution request has no ctx.run_id")
            }
        }
        return call
    }

    private static func event(_ value: JSONValue, path: String) throws(MalformedCallError) -> InngestEvent {
        do {
            return try InngestEvent(json: value)
        } catch {
            throw MalformedCallError("the execution request's \(path) is not an event: \(error)")
        }
    }
}
