/// A feature that swift-inngest does not implement yet. Thrown instead of silently doing nothing.
public struct NotSupportedError: Error, Sendable, CustomStringConvertible {
    /// The feature, e.g. `step.waitForEvent`.
    public let feature: String

    /// Creates the error.
    public init(_ feature: String) { self.feature = feature }

    /// A readable message.
    public var description: String {
        "\(feature) is not supported yet by swift-inngest; see \"Not supported yet\" in the README"
    }
}
