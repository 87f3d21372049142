/// A function's `idempotency`: one run per key value per 24 hours.
public struct IdempotencyModel: Sendable, Hashable {
    /// The key expression.
    public var key: FlowKeyModel
    /// Where `idempotency` is written.
    public var location: SourceLocation

    /// Creates an idempotency model.
    public init(key: FlowKeyModel, location: SourceLocation) {
        self.key = key
        self.location = location
    }
}
