extension Expression {
    /// Evaluates the expression.
    /// - Parameter bindings: the value of each variable, e.g. `["event": triggering, "async": incoming]`.
    ///   A variable without a binding reads as missing data.
    /// - Returns: the value, `absent` when the expression reads missing data, or an error.
    @inlinable public func evaluate<Source: ExpressionValueSource>(_ bindings: [String: Source]) -> ExpressionValue<Source> {
        ExpressionEvaluator(bindings: bindings).evaluate(root)
    }
}
