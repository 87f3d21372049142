/// A function with a failure handler: `onFailure` runs once, as its own durable run, after a run
/// of the function failed for good (its retries exhausted, or a non-retriable error). It is not
/// called for cancelled runs.
///
/// ```swift
/// struct ChargeCard: InngestFunction, OnFailure {
///     …
///     func onFailure(_ failure: FunctionFailure<OrderPlaced>, context: Context) async throws {
///         try await context.step.run("alert") { try await pager.alert("charge failed for \(failure.input.orderId): \(failure.error)") }
///     }
/// }
/// ```
/// Over the serve protocol it is registered as Inngest's SDKs register theirs: a function
/// `<id>-failure` triggered by `inngest/function.failed` for this function.
public protocol OnFailure: InngestFunction {
    /// Handles a run that failed for good. It has its own steps and retries.
    func onFailure(_ failure: FunctionFailure<Input>, context: Context) async throws
}

/// What a failure handler receives: the failed run, its payload and its error.
public struct FunctionFailure<Input: TriggerPayload>: Sendable {
    /// The event Inngest sends when a run fails for good.
    public static var eventName: String { "inngest/function.failed" }

    /// The failed run's payload.
    public let input: Input
    /// The event that started the failed run.
    public let event: InngestEvent
    /// Why it failed.
    public let error: SerializedError
    /// The failed run's id.
    public let runId: String
    /// Inngest's id of the failed function, `<app>-<function>`.
    public let functionId: String

    /// Reads the failure from an `inngest/function.failed` event:
    /// `{"function_id", "run_id", "error", "event"}`.
    /// - Throws: `EventDecodingError` when the event is not a failure of a run, or its payload does not fit.
    public init(failureEvent: InngestEvent) throws {
        func missing(_ what: String) -> EventDecodingError {
            EventDecodingError(eventName: failureEvent.name, type: "FunctionFailure<\(Input.self)>", underlying: "no \(what)")
        }
        guard let functionId = failureEvent.data["function_id"]?.stringValue else { throw missing("function_id") }
        guard let runId = failureEvent.data["run_id"]?.stringValue else { throw missing("run_id") }
        guard let eventJSON = failureEvent.data["event"], let event = try? InngestEvent(json: eventJSON) else { throw missing("event") }
        self.functionId = functionId
        self.runId = runId
        self.event = event
        self.error = failureEvent.data["error"].flatMap(SerializedError.init(json:))
            ?? SerializedError(name: "Error", message: failureEvent.data["error"]?.jsonString ?? "unknown")
        let events = failureEvent.data["events"]?.arrayValue?.compactMap { try? InngestEvent(json: $0) } ?? []
        self.input = try Input(triggeringEvents: events.isEmpty ? [event] : events)
    }

    /// The data of the failure event for a run, as Inngest writes it.
    package static func eventData(functionId: String, runId: String, error: SerializedError, events: [InngestEvent]) -> JSONValue {
        .object(["function_id": .string(functionId), "run_id": .string(runId), "error": error.jsonValue,
                 "event": (events.first ?? InngestEvent(name: "")).jsonValue, "events": .array(events.map(\.jsonValue))])
    }
}
