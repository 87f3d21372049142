#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Sends events: inject it into any service or handler.
///
/// ```swift
/// try await client.send(OrderPlaced(orderId: "o-1", total: 42))
/// try await client.send(.orderPlaced(order), id: "order-o-1")           // generated enum
/// try await client.send(ReminderDue(userId: "u"), at: tomorrow)         // deliver later
/// ```
public struct InngestClient: Sendable {
    /// Where events go: the embedded engine or Inngest's event API.
    public let transport: any EventSending

    /// Creates a client over a transport (the embedded engine, or the event API).
    public init(transport: any EventSending) { self.transport = transport }

    /// Sends one event.
    /// - Parameters:
    ///   - event: an `Event` value or a case of the generated event enum.
    ///   - id: idempotency key: a repeat within 24 h triggers nothing.
    ///   - at: deliver later.
    ///   - user: user context.
    /// - Returns: the event id.
    /// - Throws: `InvalidEventError`, or the transport's error; nothing is sent then.
    @discardableResult
    public func send(_ event: some EventConvertible, id: String? = nil, at: Date? = nil, user: JSONValue? = nil) async throws -> String {
        try await send(envelopes: [InngestEvent(event, id: id, at: at, user: user)]).first ?? ""
    }

    /// Sends several events at once. All are validated first (one invalid event and none is sent);
    /// the embedded engine accepts up to 100 in one transaction and more in parts of 100, so a
    /// storage failure midway leaves the parts before it accepted. Give events an `id` to send
    /// again safely.
    /// - Returns: their ids, in order.
    @discardableResult
    public func send(_ events: [any EventConvertible]) async throws -> [String] {
        try await send(envelopes: events.map { try $0.eventEnvelope() })
    }

    /// Sends raw envelopes, e.g. for events declared elsewhere.
    /// - Returns: their ids, in order.
    @discardableResult
    public func send(envelopes: [InngestEvent]) async throws -> [String] {
        for envelope in envelopes { try envelope.validate() }
        let ids = try await transport.send(envelopes)
        if let interceptor = StepInterception.current {
            var sent = envelopes
            for index in sent.indices where index < ids.count { sent[index].id = ids[index] }
            interceptor.sent(sent, runId: StepInterception.currentRunId, stepId: nil)
        }
        return ids
    }
}
