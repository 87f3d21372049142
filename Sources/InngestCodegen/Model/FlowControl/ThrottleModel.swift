/// A function's `throttle`: at most `limit` runs start per `period` (plus `burst`), per key value.
public struct ThrottleModel: Sendable, Hashable {
    /// Runs per period; `nil` when not a literal.
    public var limit: LocatedInteger?
    /// The period; `nil` when not a literal.
    public var period: LocatedDuration?
    /// Extra runs allowed in a burst; `nil` when not written (0) or not a literal.
    public var burst: LocatedInteger?
    /// The key expression; `nil` when there is none.
    public var key: FlowKeyModel?
    /// Where `throttle` is written.
    public var location: SourceLocation

    /// Creates a throttle model.
    public init(limit: LocatedInteger?, period: LocatedDuration?, burst: LocatedInteger? = nil, key: FlowKeyModel? = nil,
                location: SourceLocation) {
        self.limit = limit
        self.period = period
        self.burst = burst
        self.key = key
        self.location = location
    }
}
