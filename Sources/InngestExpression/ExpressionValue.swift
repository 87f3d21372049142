/// What an expression evaluates to.
///
/// Besides JSON's values, two outcomes that Inngest distinguishes: `absent`, the value of data that
/// is not there (Inngest evaluates missing attributes as CEL "unknowns" and treats them like `null`
/// in comparisons), and `error`.
public enum ExpressionValue<Source: ExpressionValueSource> {
    /// Data the expression reads is missing: `event.data.nope` when `data` has no `nope`.
    case absent
    /// The evaluation failed: see the message.
    case error(ExpressionEvaluationError)
    /// `null`.
    case null
    /// A bool.
    case bool(Bool)
    /// A signed integer.
    case integer(Int64)
    /// An unsigned integer (`1u`).
    case unsigned(UInt64)
    /// A double.
    case double(Double)
    /// A string.
    case string(String)
    /// A list built by the expression (`[1, 2]`).
    case list([ExpressionValue<Source>])
    /// An array read from the data.
    case array(Source)
    /// An object read from the data.
    case object(Source)
}

extension ExpressionValue: Sendable where Source: Sendable {}

extension ExpressionValue {
    /// The value as a condition, with Inngest's rules: only `true` matches; `absent` does not match
    /// and is no error; an error, or a value that is not a bool, does not match and says why.
    @inlinable public var condition: ExpressionCondition {
        switch self {
        case .bool(let value): return ExpressionCondition(isMatched: value, error: nil)
        case .absent: return ExpressionCondition(isMatched: false, error: nil)
        case .error(let error): return ExpressionCondition(isMatched: false, error: error)
        default:
            return ExpressionCondition(
                isMatched: false, error: ExpressionEvaluationError("the expression returned \(kindDescription), not a bool"))
        }
    }

    /// `a string`, `an integer`, …: for messages.
    @inlinable package var kindDescription: String {
        switch self {
        case .absent: "missing data"
        case .error: "an error"
        case .null: "null"
        case .bool: "a bool"
        case .integer: "an integer"
        case .unsigned: "an unsigned integer"
        case .double: "a double"
        case .string: "a string"
        case .list, .array: "a list"
        case .object: "an object"
        }
    }
}
