/// A `match:` key path as written: `\.orderId`, `\OrderApproved.customer.id`, or a marker's
/// `match: "orderId"`.
public struct KeyPathModel: Sendable, Hashable {
    /// The root type when written (`OrderApproved`); `nil` for `\.orderId` and markers.
    public var root: String?
    /// The property names, in order.
    public var properties: [String]
    /// Where the key path is written.
    public var location: SourceLocation

    /// Creates a key path.
    public init(root: String?, properties: [String], location: SourceLocation) {
        self.root = root
        self.properties = properties
        self.location = location
    }

    /// `\.customer.id`: the key path as Swift source, rooted by inference.
    public var swiftExpression: String { "\\." + properties.joined(separator: ".") }
}
