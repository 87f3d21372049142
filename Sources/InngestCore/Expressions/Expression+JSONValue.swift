import InngestExpression

extension Expression {
    /// Evaluates the expression as a condition (a trigger's `if`, a wait's or a cancellation's
    /// match) with Inngest's rules: it holds only when it evaluates to `true`. Missing data is no
    /// error (`event.data.missing == 1` is false, `event.data.missing == null` true); an evaluation
    /// error, or a result that is not a bool, does not match and is reported for the logs.
    /// - Parameter bindings: each variable's JSON, e.g. `["event": triggering, "async": incoming]`.
    /// - Returns: whether it matched, and why it could not be decided when it could not.
    public func condition(_ bindings: [String: JSONValue]) -> ExpressionCondition {
        evaluate(bindings).condition
    }

    /// Whether the expression holds for `bindings`: `condition(_:)` without the reason.
    /// - Parameter bindings: each variable's JSON.
    public func matches(_ bindings: [String: JSONValue]) -> Bool {
        condition(bindings).isMatched
    }

    /// Evaluates the expression as a value, as a flow-control key or a priority is.
    /// - Parameter bindings: each variable's JSON, e.g. `["event": triggering]`.
    /// - Returns: the value as JSON, or `nil` when the expression reads missing data.
    /// - Throws: `ExpressionEvaluationError` when the evaluation fails (`"a" < 1`).
    public func value(_ bindings: [String: JSONValue]) throws(ExpressionEvaluationError) -> JSONValue? {
        try Self.json(evaluate(bindings))
    }

    private static func json(_ value: ExpressionValue<JSONValue>) throws(ExpressionEvaluationError) -> JSONValue? {
        switch value {
        case .absent: return nil
        case .error(let error): throw error
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .integer(let number): return .integer(number)
        case .unsigned(let number): return Int64(exactly: number).map(JSONValue.integer) ?? .double(Double(number))
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        case .list(let elements):
            var items: [JSONValue] = []
            for element in elements { items.append(try json(element) ?? .null) }
            return .array(items)
        case .array(let source), .object(let source): return source
        }
    }
}
