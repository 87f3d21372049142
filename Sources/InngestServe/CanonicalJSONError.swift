/// JSON that has no RFC 8785 canonical form.
public struct CanonicalJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public let description: String

    /// Creates the error.
    public init(_ description: String) { self.description = description }
}
