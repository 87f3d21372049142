/// The syntax tree of a parsed expression: immutable, and no deeper than `Expression.maximumDepth`
/// (so walking it, comparing it and releasing it cannot exhaust the stack).
@usableFromInline
package indirect enum ExpressionNode: Sendable, Hashable {
    /// A literal.
    case literal(ExpressionLiteral)
    /// A top-level variable: `event`, `async`.
    case variable(String)
    /// Field selection: `operand.name`.
    case member(ExpressionNode, String)
    /// Index access: `operand[index]`.
    case index(ExpressionNode, ExpressionNode)
    /// A list literal: `[a, b]`.
    case list([ExpressionNode])
    /// `!operand`.
    case not(ExpressionNode)
    /// A comparison, `in` or `+`.
    case binary(ExpressionBinaryOperator, ExpressionNode, ExpressionNode)
    /// `a && b && …`, flattened (the operator is associative, also with Inngest's truthy operands).
    case and([ExpressionNode])
    /// `a || b || …`, flattened.
    case or([ExpressionNode])
    /// `condition ? then : else`.
    case conditional(ExpressionNode, ExpressionNode, ExpressionNode)
    /// A function: `size(x)` (also written `x.size()`), `x.startsWith(y)`, ….
    case call(ExpressionFunction, [ExpressionNode])
    /// `has(operand.name)`.
    case has(ExpressionNode, String)
}

/// A literal in an expression.
@usableFromInline
package enum ExpressionLiteral: Sendable, Hashable {
    /// `null`.
    case null
    /// `true`, `false`.
    case bool(Bool)
    /// `42`, `-7`, `0x2A`.
    case integer(Int64)
    /// `42u`.
    case unsigned(UInt64)
    /// `4.2`, `1e3`, `.5`.
    case double(Double)
    /// `"text"`, `'text'`, `"""text"""`, `r"raw"`.
    case string(String)
}

/// The binary operators other than `&&` and `||`.
@usableFromInline
package enum ExpressionBinaryOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case `in` = "in"
    case add = "+"
}

/// The functions in the subset.
@usableFromInline
package enum ExpressionFunction: String, Sendable, Hashable {
    /// `size(x)`: characters of a string, elements of a list, members of an object.
    case size
    /// `s.startsWith(prefix)`.
    case startsWith
    /// `s.endsWith(suffix)`.
    case endsWith
    /// `s.contains(part)`.
    case contains
}
