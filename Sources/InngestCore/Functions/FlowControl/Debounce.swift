/// Inngest's `debounce`: a run starts once `period` passes with no new event (per key), with the
/// last event; `timeout` caps how long the first event can be held back by later ones.
///
/// ```swift
/// static let options = FunctionOptions(debounce: .period(.minutes(5), key: \ProfileEdited.userId, timeout: .minutes(30)))
/// ```
public struct Debounce: Sendable, Hashable {
    /// How long with no new event before the run starts: 1 s to 7 days.
    public var period: Duration
    /// An expression over `event` whose value partitions the debounce; `nil` for the whole function.
    public var key: String?
    /// The longest the run waits after the first event, however many follow; `nil` for no cap.
    public var timeout: Duration?

    /// Creates a debounce.
    /// - Parameters:
    ///   - period: 1 s to 7 days.
    ///   - key: an Inngest expression over `event`.
    ///   - timeout: the longest wait after the first event.
    public init(period: Duration, key: String? = nil, timeout: Duration? = nil) {
        self.period = period
        self.key = key
        self.timeout = timeout
    }

    /// A debounce of `period`.
    public static func period(_ period: Duration, key: String? = nil, timeout: Duration? = nil) -> Debounce {
        Debounce(period: period, key: key, timeout: timeout)
    }

    /// A debounce per value of a field of the event's data.
    public static func period<E: Event, V>(_ period: Duration, key: KeyPath<E, V>, timeout: Duration? = nil) -> Debounce {
        Debounce(period: period, key: EventDataPath.expression(key), timeout: timeout)
    }
}
