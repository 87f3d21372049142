/// Inngest's `rateLimit`: runs start at a steady `limit` per `period`, overall or per key, with
/// `limit / 10` more allowed at once (Inngest's algorithm, GCRA). Events beyond it start no run:
/// each is recorded as a skipped run, with the reason on its timeline.
///
/// ```swift
/// static let options = FunctionOptions(rateLimit: .limit(1, per: .minutes(1), key: \OrderPlaced.customerId))
/// ```
public struct RateLimit: Sendable, Hashable {
    /// Runs per period: at least 1.
    public var limit: Int
    /// The period: 1 s to 24 h.
    public var period: Duration
    /// An expression over `event` whose value partitions the limit; `nil` for the whole function.
    public var key: String?

    /// Creates a rate limit.
    /// - Parameters:
    ///   - limit: runs per period, at least 1.
    ///   - period: 1 s to 24 h.
    ///   - key: an Inngest expression over `event`.
    public init(limit: Int, period: Duration, key: String? = nil) {
        self.limit = limit
        self.period = period
        self.key = key
    }

    /// A rate limit of `limit` runs per `period`.
    public static func limit(_ limit: Int, per period: Duration, key: String? = nil) -> RateLimit {
        RateLimit(limit: limit, period: period, key: key)
    }

    /// A rate limit per value of a field of the event's data.
    public static func limit<E: Event, V>(_ limit: Int, per period: Duration, key: KeyPath<E, V>) -> RateLimit {
        RateLimit(limit: limit, period: period, key: EventDataPath.expression(key))
    }
}
