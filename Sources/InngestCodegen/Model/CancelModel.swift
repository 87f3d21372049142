/// One `cancelOn` entry: the event that cancels a function's unfinished runs, with its match key,
/// condition and timeout.
public struct CancelModel: Sendable, Hashable {
    /// The cancelling event's Swift type, when known.
    public var typeName: String?
    /// The cancelling event's name, when known.
    public var eventName: String?
    /// Where the event is written (name or type).
    public var location: SourceLocation
    /// The property of both events' data that must be equal.
    public var match: KeyPathModel?
    /// The `if` expression over `event` and `async`, when written as a literal.
    public var condition: LocatedString?
    /// How long after the run starts the cancellation applies.
    public var timeout: LocatedDuration?

    /// Creates an entry.
    public init(typeName: String?, eventName: String?, location: SourceLocation, match: KeyPathModel? = nil,
                condition: LocatedString? = nil, timeout: LocatedDuration? = nil) {
        self.typeName = typeName
        self.eventName = eventName
        self.location = location
        self.match = match
        self.condition = condition
        self.timeout = timeout
    }
}
