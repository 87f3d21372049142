/// A function's `rateLimit`: at most `limit` runs per `period`, per key value; the rest are skipped.
public struct RateLimitModel: Sendable, Hashable {
    /// Runs per period; `nil` when not a literal.
    public var limit: LocatedInteger?
    /// The period; `nil` when not a literal.
    public var period: LocatedDuration?
    /// The key expression; `nil` when there is none.
    public var key: FlowKeyModel?
    /// Where `rateLimit` is written.
    public var location: SourceLocation

    /// Creates a rate-limit model.
    public init(limit: LocatedInteger?, period: LocatedDuration?, key: FlowKeyModel? = nil, location: SourceLocation) {
        self.limit = limit
        self.period = period
        self.key = key
        self.location = location
    }
}
