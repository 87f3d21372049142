/// One trigger of a function: an event (with an optional `if` filter) or a cron schedule.
public struct TriggerModel: Sendable, Hashable {
    /// What fires it.
    public enum Kind: Sendable, Hashable {
        /// An event, by Swift type and name (each when known).
        case event(typeName: String?, eventName: String?)
        /// A cron expression.
        case cron(String)
    }

    /// What fires it.
    public var kind: Kind
    /// The `if` expression over `event`, when written as a literal.
    public var condition: LocatedString?
    /// Where the trigger is written: its event name or type, or its cron string.
    public var location: SourceLocation
    /// The event name or cron string literal as written, to point inside it.
    public var literal: SourceSpan?

    /// Creates a trigger.
    public init(_ kind: Kind, condition: LocatedString? = nil, location: SourceLocation, literal: SourceSpan? = nil) {
        self.kind = kind
        self.condition = condition
        self.location = location
        self.literal = literal
    }

    /// The event type, for an event trigger whose type is known.
    public var eventTypeName: String? {
        if case .event(let typeName, _) = kind { return typeName }
        return nil
    }

    /// The payload type this trigger delivers, when known: its event type, or `ScheduledRun`.
    public var payloadType: String? {
        switch kind {
        case .event(let typeName, _): typeName
        case .cron: "ScheduledRun"
        }
    }
}
