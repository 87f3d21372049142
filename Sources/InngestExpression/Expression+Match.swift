extension Expression {
    /// The expression for Inngest's `match` shorthand on a wait or a cancellation: the field at `path`
    /// in `data` is the same in the run's event and in the incoming one. `["orderId"]` gives
    /// `event.data.orderId == async.data.orderId` (what Inngest's SDKs send for `match: "data.orderId"`).
    /// - Parameter path: the field's path inside `data`: names, and indices for array elements.
    /// - Returns: the expression, over the variables `event` and `async`.
    public static func matching(_ path: [ExpressionPath.Component]) -> Expression {
        func side(_ variable: String) -> ExpressionNode {
            var node = ExpressionNode.member(.variable(variable), "data")
            for component in path {
                switch component {
                case .field(let name) where ExpressionNode.isPlainFieldName(name): node = .member(node, name)
                case .field(let name): node = .index(node, .literal(.string(name)))
                case .index(let index): node = .index(node, .literal(.integer(index)))
                }
            }
            return node
        }
        return Expression(root: .binary(.equal, side("event"), side("async")))
    }

    /// `matching(_:)` with the path written with dots: `orderId`, `customer.id`, `items.0.sku` (a
    /// component of digits only is an array index).
    /// - Parameter dataPath: the field's path inside `data`.
    /// - Throws: `ExpressionError` when the path is empty or has an empty component.
    public static func matching(dataPath: String) throws(ExpressionError) -> Expression {
        var components: [ExpressionPath.Component] = []
        var offset = 0
        for part in dataPath.split(separator: ".", omittingEmptySubsequences: false) {
            guard !part.isEmpty else {
                throw ExpressionError("the match path '\(dataPath)' has an empty component", at: offset, in: dataPath)
            }
            if part.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let index = Int64(part) {
                components.append(.index(index))
            } else {
                components.append(.field(String(part)))
            }
            offset += part.utf8.count + 1
        }
        return matching(components)
    }
}
