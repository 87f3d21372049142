/// Inngest's `throttle`: runs start at a steady `limit` per `period`, overall or per key; after a
/// quiet spell `limit + burst` may start at once. Runs beyond it are delayed in the queue, in
/// order, never dropped. Only the start of a run is throttled; its later steps are not.
///
/// ```swift
/// static let options = FunctionOptions(throttle: .limit(10, per: .minutes(1), burst: 2, key: \OrderPlaced.customerId))
/// ```
public struct Throttle: Sendable, Hashable {
    /// Runs started per period: at least 1.
    public var limit: Int
    /// The period: 1 s to 7 days.
    public var period: Duration
    /// Runs that may start at once on top of `limit`: 0 by default, as in Inngest.
    public var burst: Int
    /// An expression over `event` whose value partitions the throttle; `nil` for the whole function.
    public var key: String?

    /// Creates a throttle.
    /// - Parameters:
    ///   - limit: runs started per period, at least 1.
    ///   - period: 1 s to 7 days.
    ///   - burst: runs that may start at once on top of `limit`, at least 0.
    ///   - key: an Inngest expression over `event`.
    public init(limit: Int, period: Duration, burst: Int = 0, key: String? = nil) {
        self.limit = limit
        self.period = period
        self.burst = burst
        self.key = key
    }

    /// A throttle of `limit` runs started per `period`.
    public static func limit(_ limit: Int, per period: Duration, burst: Int = 0, key: String? = nil) -> Throttle {
        Throttle(limit: limit, period: period, burst: burst, key: key)
    }

    /// A throttle per value of a field of the event's data.
    public static func limit<E: Event, V>(_ limit: Int, per period: Duration, burst: Int = 0, key: KeyPath<E, V>) -> Throttle {
        Throttle(limit: limit, period: period, burst: burst, key: EventDataPath.expression(key))
    }
}
