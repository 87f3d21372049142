/// A value an expression can be evaluated against: the JSON of an event, or any tree of the same
/// shape. The evaluator reads it through these three requirements only, so this module needs no JSON
/// type of its own and evaluation converts nothing.
public protocol ExpressionValueSource {
    /// What this value is: a scalar with its payload, or an array or object with its size.
    var expressionValue: ExpressionSourceValue { get }

    /// The member named `name` of an object; `nil` when there is none or this is not an object.
    func expressionMember(_ name: String) -> Self?

    /// The element at `index` of an array; `nil` when out of range or this is not an array.
    func expressionElement(at index: Int) -> Self?

    /// The names of an object's members, in any order (read only to compare two objects); empty for
    /// other values.
    var expressionMemberNames: [String] { get }
}

/// What an `ExpressionValueSource` is.
public enum ExpressionSourceValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer.
    case integer(Int64)
    /// A number that is not held as an integer.
    case double(Double)
    /// A string.
    case string(String)
    /// An array of `count` elements, read with `expressionElement(at:)`.
    case array(count: Int)
    /// An object of `count` members, read with `expressionMember(_:)`.
    case object(count: Int)
}
