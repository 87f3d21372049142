import Inngest

/// An event that a function under test sent, recorded for assertions: by `step.sendEvent`, or by
/// `InngestClient.send` from a handler or a service it called. The engine received it too: the
/// functions it triggers run as they would in production.
public struct SentEvent: Sendable, Hashable {
    /// The event as accepted, with its id.
    public let event: InngestEvent
    /// The run that sent it; `nil` when it was sent outside a run (a lifecycle hook, a background task).
    public let runId: String?
    /// The `step.sendEvent` step that sent it; `nil` for `InngestClient.send`.
    public let stepId: String?

    /// The event's name.
    public var name: String { event.name }

    /// The payload as `E`, or `nil` when the event is not an `E`.
    /// - Throws: `EventDecodingError` when the event has `E`'s name but its data does not decode.
    public func payload<E: Event>(as type: E.Type) throws -> E? {
        guard event.name == E.name else { return nil }
        return try event.payload(as: E.self)
    }
}
