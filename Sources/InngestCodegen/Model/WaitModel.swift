/// A `step.waitForEvent(…)` call found in a function body, with what the build could read of its
/// literal arguments.
public struct WaitModel: Sendable, Hashable {
    /// The awaited event type (`OrderApproved.self`), when written.
    public var typeName: String?
    /// The awaited event name (`event: "shop/order.approved"`), when written as a literal.
    public var eventName: LocatedString?
    /// The `match:` key path, when written.
    public var match: KeyPathModel?
    /// The `if:` expression, when written as a literal.
    public var condition: LocatedString?
    /// The `timeout:`, when written as a literal duration.
    public var timeout: LocatedDuration?
    /// Where the call is (the tool's name).
    public var location: SourceLocation

    /// Creates a wait.
    public init(typeName: String? = nil, eventName: LocatedString? = nil, match: KeyPathModel? = nil, condition: LocatedString? = nil,
                timeout: LocatedDuration? = nil, location: SourceLocation) {
        self.typeName = typeName
        self.eventName = eventName
        self.match = match
        self.condition = condition
        self.timeout = timeout
        self.location = location
    }
}
