import InngestExpression

/// JSON is what expressions are evaluated against: an event's JSON (`name`, `data`, `id`, `ts`,
/// `user`, `v`) bound to `event` or `async`. Integers stay integers; CEL compares them with doubles
/// by value, so `event.data.count == 5` and `event.data.count == 5.0` both hold for `5` and `5.0`.
extension JSONValue: ExpressionValueSource {
    /// What this value is.
    public var expressionValue: ExpressionSourceValue {
        switch self {
        case .null: .null
        case .bool(let value): .bool(value)
        case .integer(let value): .integer(value)
        case .double(let value): .double(value)
        case .string(let value): .string(value)
        case .array(let items): .array(count: items.count)
        case .object(let members): .object(count: members.count)
        }
    }

    /// The member named `name` of an object.
    public func expressionMember(_ name: String) -> JSONValue? {
        if case .object(let members) = self { return members[name] }
        return nil
    }

    /// The element at `index` of an array.
    public func expressionElement(at index: Int) -> JSONValue? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    /// The names of an object's members.
    public var expressionMemberNames: [String] {
        if case .object(let members) = self { return Array(members.keys) }
        return []
    }
}
