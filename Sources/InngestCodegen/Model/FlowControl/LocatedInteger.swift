/// A whole number the build read from a marker or a Swift literal, and where it is written.
public struct LocatedInteger: Sendable, Hashable {
    /// The number.
    public var value: Int
    /// Where it is written.
    public var location: SourceLocation

    /// Creates a located integer.
    public init(_ value: Int, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}
