/// The outcome of an expression used as a condition (a trigger's `if`, a wait's or a cancellation's
/// match).
public struct ExpressionCondition: Sendable, Hashable {
    /// Whether the expression evaluated to `true`.
    public let isMatched: Bool
    /// Why it could not be decided, when it could not (the run is then not matched, as in Inngest):
    /// for logs.
    public let error: ExpressionEvaluationError?

    /// Creates an outcome.
    /// - Parameters:
    ///   - isMatched: whether the expression evaluated to `true`.
    ///   - error: why it could not be decided.
    @inlinable package init(isMatched: Bool, error: ExpressionEvaluationError?) {
        self.isMatched = isMatched
        self.error = error
    }
}
