/// A function's `batchEvents`: one run for up to `maxSize` events, or those within `timeout`.
public struct BatchEventsModel: Sendable, Hashable {
    /// The most events per batch; `nil` when not a literal.
    public var maxSize: LocatedInteger?
    /// How long a batch collects; `nil` when not a literal.
    public var timeout: LocatedDuration?
    /// The key expression; `nil` when there is none.
    public var key: FlowKeyModel?
    /// The `if` expression over `event` that lets an event into a batch, when written as a literal.
    public var condition: LocatedString?
    /// Where `batchEvents` is written.
    public var location: SourceLocation

    /// Creates a batch model.
    public init(maxSize: LocatedInteger?, timeout: LocatedDuration?, key: FlowKeyModel? = nil, condition: LocatedString? = nil,
                location: SourceLocation) {
        self.maxSize = maxSize
        self.timeout = timeout
        self.key = key
        self.condition = condition
        self.location = location
    }
}
