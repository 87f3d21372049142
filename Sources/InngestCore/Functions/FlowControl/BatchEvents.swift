/// Inngest's `batchEvents`: one run receives up to `maxSize` events, started when the batch is full
/// or `timeout` after its first event. Take the payload as an array to receive them typed:
///
/// ```swift
/// struct IndexProducts: InngestFunction {
///     static let id = "index-products"
///     static let trigger = Trigger<[ProductUpdated]>.event(ProductUpdated.self)
///     static let options = FunctionOptions(batchEvents: .maxSize(100, timeout: .seconds(5), key: \ProductUpdated.storeId))
///     func handle(_ updates: [ProductUpdated], context: Context) async throws { … }
/// }
/// ```
public struct BatchEvents: Sendable, Hashable {
    /// The most events in one run: 1 to 100.
    public var maxSize: Int
    /// How long after its first event a batch that is not full starts: 1 s to 60 s.
    public var timeout: Duration
    /// An expression over `event` whose value groups events into batches; `nil` for one batch at a time.
    public var key: String?
    /// An expression over `event`: only events for which it holds are batched; the others run alone at once.
    public var condition: String?

    /// Creates a batching option.
    /// - Parameters:
    ///   - maxSize: 1 to 100.
    ///   - timeout: 1 s to 60 s.
    ///   - key: an Inngest expression over `event`.
    ///   - condition: an Inngest expression over `event`.
    public init(maxSize: Int, timeout: Duration, key: String? = nil, if condition: String? = nil) {
        self.maxSize = maxSize
        self.timeout = timeout
        self.key = key
        self.condition = condition
    }

    /// Batches of up to `maxSize` events, started when full or `timeout` after the first.
    public static func maxSize(_ maxSize: Int, timeout: Duration, key: String? = nil, if condition: String? = nil) -> BatchEvents {
        BatchEvents(maxSize: maxSize, timeout: timeout, key: key, if: condition)
    }

    /// Batches per value of a field of the event's data.
    public static func maxSize<E: Event, V>(_ maxSize: Int, timeout: Duration, key: KeyPath<E, V>, if condition: String? = nil) -> BatchEvents {
        BatchEvents(maxSize: maxSize, timeout: timeout, key: EventDataPath.expression(key), if: condition)
    }
}
