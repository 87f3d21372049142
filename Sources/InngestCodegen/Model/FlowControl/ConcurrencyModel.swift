/// A function's `concurrency`: its limits, each as far as it could be read.
public struct ConcurrencyModel: Sendable, Hashable {
    /// One limit: how many runs at once, per key value, in a scope.
    public struct Limit: Sendable, Hashable {
        /// The most runs at once; `nil` when not a literal.
        public var limit: LocatedInteger?
        /// The key expression; `nil` when there is none.
        public var key: FlowKeyModel?
        /// `fn`, `env` or `account` and where it is written; `nil` when not written (`fn`) or not a literal.
        public var scope: LocatedString?
        /// Whether the limit (or its scope) is written in a way the build could not read.
        public var isPartlyUnread: Bool
        /// Where the limit is written.
        public var location: SourceLocation

        /// Creates a limit.
        public init(limit: LocatedInteger?, key: FlowKeyModel? = nil, scope: LocatedString? = nil, isPartlyUnread: Bool = false,
                    location: SourceLocation) {
            self.limit = limit
            self.key = key
            self.scope = scope
            self.isPartlyUnread = isPartlyUnread
            self.location = location
        }
    }

    /// The limits, in order (an element written in a shape the build cannot read has only its location).
    public var limits: [Limit]
    /// Where `concurrency` is written.
    public var location: SourceLocation

    /// Creates a concurrency model.
    public init(limits: [Limit], location: SourceLocation) {
        self.limits = limits
        self.location = location
    }
}
