/// A `send(…)`/`sendEvent(…)` call in a function's code, with the events of the target it names.
public struct SendModel: Sendable, Hashable {
    /// The call as scanned.
    public var call: SendDecl
    /// The event types of the target its arguments name (by `AppEvent` case or construction), sorted.
    public var eventTypes: [String]

    /// Creates a send.
    public init(call: SendDecl, eventTypes: [String]) {
        self.call = call
        self.eventTypes = eventTypes
    }
}
