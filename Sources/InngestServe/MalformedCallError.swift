/// An execution request whose body cannot be used: empty, not JSON, or not shaped like Inngest's
/// request. Nothing is executed.
public struct MalformedCallError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public let description: String

    /// Creates the error.
    public init(_ description: String) { self.description = description }
}
