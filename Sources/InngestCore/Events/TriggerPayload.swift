/// What a handler receives: the payload of the event that started the run.
///
/// Every `Event` is one (its `data` decoded). A function with several triggers takes an enum with a
/// case per event, which reads the event's name:
/// ```swift
/// enum CheckoutEvent: TriggerPayload {
///     case placed(OrderPlaced)
///     case abandoned(CartAbandoned)
///     init(triggeringEvent event: InngestEvent) throws {
///         switch event.name {
///         case OrderPlaced.name: self = .placed(try event.payload(as: OrderPlaced.self))
///         default: self = .abandoned(try event.payload(as: CartAbandoned.self))
///         }
///     }
/// }
/// ```
public protocol TriggerPayload: Sendable {
    /// Reads the payload from the run's triggering event.
    /// - Throws: `EventDecodingError` when the event does not fit; the run then fails without retries.
    init(triggeringEvent event: InngestEvent) throws
}

extension Event {
    /// Decodes the event's `data`.
    public init(triggeringEvent event: InngestEvent) throws {
        self = try event.payload(as: Self.self)
    }
}

extension InngestEvent: TriggerPayload {
    /// The event itself: a handler may take its triggering event untyped.
    public init(triggeringEvent event: InngestEvent) { self = event }
}
