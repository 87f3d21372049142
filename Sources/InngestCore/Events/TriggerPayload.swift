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

    /// Reads the payload from every triggering event of the run: several for a batch
    /// (`batchEvents`), one otherwise. The default reads the first; an array payload reads them all.
    /// - Throws: `EventDecodingError` when an event does not fit.
    init(triggeringEvents events: [InngestEvent]) throws
}

extension TriggerPayload {
    /// Reads the first event.
    public init(triggeringEvents events: [InngestEvent]) throws {
        try self.init(triggeringEvent: events.first ?? InngestEvent(name: ""))
    }
}

/// A batch payload (`batchEvents`): one element per event, in the order they were accepted.
extension Array: TriggerPayload where Element: TriggerPayload {
    /// A batch of one event.
    public init(triggeringEvent event: InngestEvent) throws {
        self = [try Element(triggeringEvent: event)]
    }

    /// Every event of the batch.
    public init(triggeringEvents events: [InngestEvent]) throws {
        self = try events.map(Element.init(triggeringEvent:))
    }
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
