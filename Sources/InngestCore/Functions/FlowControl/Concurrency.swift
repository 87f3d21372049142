/// Inngest's `concurrency`: at most `limit` steps of the function execute at once, overall or per
/// key. Runs beyond the limit wait in the queue (nothing is dropped); a run that sleeps, waits for
/// an event or backs off before a retry holds no slot. At most two limits, e.g. one per customer
/// and one for the whole function.
///
/// ```swift
/// static let options = FunctionOptions(concurrency: .limit(10, key: \OrderPlaced.customerId))
/// static let options = FunctionOptions(concurrency: [.limit(5, key: \OrderPlaced.customerId),
///                                                    .limit(50, key: "\"openai\"", scope: .account)])
/// ```
public struct Concurrency: Sendable, Hashable, ExpressibleByArrayLiteral, ExpressibleByIntegerLiteral {
    /// The limits, one or two.
    public var limits: [ConcurrencyLimit]

    /// Creates a concurrency option from its limits (one or two).
    public init(_ limits: [ConcurrencyLimit]) { self.limits = limits }

    /// Creates a concurrency option from its limits (one or two).
    public init(arrayLiteral limits: ConcurrencyLimit...) { self.limits = limits }

    /// One limit for the whole function: `concurrency: 5`.
    public init(integerLiteral limit: Int) { self.limits = [ConcurrencyLimit(limit: limit)] }

    /// One limit, per value of the key expression when one is given.
    /// - Parameters:
    ///   - limit: steps executing at once, at least 1.
    ///   - key: an Inngest expression over `event`, e.g. `event.data.customerId`.
    ///   - scope: which functions share the limit.
    public static func limit(_ limit: Int, key: String? = nil, scope: ConcurrencyLimit.Scope = .fn) -> Concurrency {
        Concurrency([.limit(limit, key: key, scope: scope)])
    }

    /// One limit per value of a field of the event's data.
    /// - Parameters:
    ///   - limit: steps executing at once, at least 1.
    ///   - key: a stored property of the event's data, e.g. `\OrderPlaced.customerId`.
    ///   - scope: which functions share the limit.
    public static func limit<E: Event, V>(_ limit: Int, key: KeyPath<E, V>, scope: ConcurrencyLimit.Scope = .fn) -> Concurrency {
        Concurrency([.limit(limit, key: key, scope: scope)])
    }
}

/// One concurrency limit: a number of steps executing at once, shared by the runs whose key
/// expression gives the same value, in a scope.
public struct ConcurrencyLimit: Sendable, Hashable {
    /// Which runs share a limit.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        /// The function's own runs (the default).
        case fn
        /// The runs of every function of the environment that use the same key; a key is required.
        /// The embedded engine is one environment.
        case env
        /// The runs of every function of the account that use the same key; a key is required.
        /// The embedded engine is one account.
        case account
    }

    /// Steps executing at once: at least 1.
    public var limit: Int
    /// An expression over `event` whose value partitions the limit; `nil` for one limit overall.
    public var key: String?
    /// Which runs share the limit.
    public var scope: Scope

    /// Creates a limit.
    /// - Parameters:
    ///   - limit: steps executing at once, at least 1.
    ///   - key: an Inngest expression over `event`.
    ///   - scope: which functions share the limit.
    public init(limit: Int, key: String? = nil, scope: Scope = .fn) {
        self.limit = limit
        self.key = key
        self.scope = scope
    }

    /// A limit, per value of the key expression when one is given.
    public static func limit(_ limit: Int, key: String? = nil, scope: Scope = .fn) -> ConcurrencyLimit {
        ConcurrencyLimit(limit: limit, key: key, scope: scope)
    }

    /// A limit per value of a field of the event's data (`\OrderPlaced.customerId` gives
    /// `event.data.customerId`).
    public static func limit<E: Event, V>(_ limit: Int, key: KeyPath<E, V>, scope: Scope = .fn) -> ConcurrencyLimit {
        ConcurrencyLimit(limit: limit, key: EventDataPath.expression(key), scope: scope)
    }
}
