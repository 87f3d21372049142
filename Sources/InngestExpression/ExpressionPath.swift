/// A path of data that an expression reads, such as `event.data.customerId` or
/// `async.data.items[0].sku`: a variable, then fields and constant indices.
public struct ExpressionPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        /// A field of an object: `.name` or `["name"]`.
        case field(String)
        /// An element of an array: `[0]`.
        case index(Int64)
    }

    /// The variable the path starts from: `event`, `async`.
    public let variable: String
    /// The steps after the variable.
    public let components: [Component]

    /// Creates a path.
    /// - Parameters:
    ///   - variable: the variable the path starts from.
    ///   - components: the steps after it.
    public init(_ variable: String, _ components: [Component]) {
        self.variable = variable
        self.components = components
    }

    /// The path as CEL: `event.data.customerId`, `event.data["user-id"]`, `event.data.items[0]`.
    public var description: String {
        var text = variable
        for component in components {
            switch component {
            case .field(let name) where ExpressionNode.isPlainFieldName(name):
                text += ".\(name)"
            case .field(let name):
                text += "[\(ExpressionNode.quoted(name))]"
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
