/// Inngest's `singleton`: at most one unfinished run of the function per key. A new event while one
/// runs is skipped (`.skip`, recorded as a skipped run), or cancels the unfinished run and starts
/// its own (`.cancel`).
///
/// ```swift
/// static let options = FunctionOptions(singleton: .key(\SyncRequested.accountId, mode: .cancel))
/// ```
public struct Singleton: Sendable, Hashable {
    /// What a new event does while a run of its key has not finished.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// The new event starts no run (recorded as skipped).
        case skip
        /// The unfinished run is cancelled and the new event starts a run.
        case cancel
    }

    /// An expression over `event` whose value partitions the singleton; `nil` for the whole function.
    public var key: String?
    /// What a new event does while a run of its key has not finished.
    public var mode: Mode

    /// Creates a singleton option.
    /// - Parameters:
    ///   - key: an Inngest expression over `event`.
    ///   - mode: skip the new event, or cancel the unfinished run.
    public init(key: String? = nil, mode: Mode) {
        self.key = key
        self.mode = mode
    }

    /// One unfinished run per value of the key expression.
    public static func key(_ expression: String?, mode: Mode) -> Singleton { Singleton(key: expression, mode: mode) }

    /// One unfinished run per value of a field of the event's data.
    public static func key<E: Event, V>(_ keyPath: KeyPath<E, V>, mode: Mode) -> Singleton {
        Singleton(key: EventDataPath.expression(keyPath), mode: mode)
    }

    /// One unfinished run of the whole function.
    public static func function(mode: Mode) -> Singleton { Singleton(key: nil, mode: mode) }
}
