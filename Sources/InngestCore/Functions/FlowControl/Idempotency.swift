/// Inngest's `idempotency`: an expression over `event`; for 24 hours after a run starts, an event
/// whose key has the same value starts no run (it is recorded as skipped). Inngest implements it as
/// a rate limit of one per 24 h, and it takes the place of `rateLimit` when both are set.
///
/// ```swift
/// static let options = FunctionOptions(idempotency: .key(\OrderPlaced.orderId))
/// static let options = FunctionOptions(idempotency: "event.data.orderId + '-' + event.data.attempt")
/// ```
public struct Idempotency: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The key expression.
    public var key: String

    /// How long a key is remembered.
    public static let period: Duration = .seconds(86_400)

    /// Creates an idempotency option from a key expression.
    public init(key: String) { self.key = key }

    /// Creates an idempotency option from a key expression literal.
    public init(stringLiteral key: String) { self.key = key }

    /// The key is this expression.
    public static func key(_ expression: String) -> Idempotency { Idempotency(key: expression) }

    /// The key is a field of the event's data.
    public static func key<E: Event, V>(_ keyPath: KeyPath<E, V>) -> Idempotency {
        Idempotency(key: EventDataPath.expression(keyPath))
    }
}
