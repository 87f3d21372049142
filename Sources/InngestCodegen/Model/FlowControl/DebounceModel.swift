/// A function's `debounce`: run once `period` after the last event, per key value, at the latest
/// after `timeout`.
public struct DebounceModel: Sendable, Hashable {
    /// The quiet period; `nil` when not a literal.
    public var period: LocatedDuration?
    /// The key expression; `nil` when there is none.
    public var key: FlowKeyModel?
    /// The longest delay; `nil` when not written or not a literal.
    public var timeout: LocatedDuration?
    /// Where `debounce` is written.
    public var location: SourceLocation

    /// Creates a debounce model.
    public init(period: LocatedDuration?, key: FlowKeyModel? = nil, timeout: LocatedDuration? = nil, location: SourceLocation) {
        self.period = period
        self.key = key
        self.timeout = timeout
        self.location = location
    }
}
