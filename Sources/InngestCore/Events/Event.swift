/// An event type: a Codable payload with a stable name such as `order/placed`.
///
/// Declare one by conformance:
/// ```swift
/// struct OrderPlaced: Event {
///     static let name = "order/placed"
///     var orderId: String
/// }
/// ```
/// or with the marker `// @inngest.event("order/placed")` above a `Codable & Sendable` struct; the
/// build plugin then adds the conformance.
public protocol Event: EventConvertible, TriggerPayload, Codable, Sendable {
    /// The event name, `domain/resource.action` by convention.
    static var name: String { get }
}

/// Anything that can become an event envelope: an `Event` value, or a case of the generated event enum.
public protocol EventConvertible: Sendable {
    /// The envelope to send, with a name and the encoded payload.
    /// - Throws: an encoding error when the payload cannot be represented as JSON.
    func eventEnvelope() throws -> InngestEvent
}

extension Event {
    /// Wraps the payload in an envelope named `Self.name`.
    public func eventEnvelope() throws -> InngestEvent {
        InngestEvent(name: Self.name, data: try JSONValue(encoding: self))
    }
}
