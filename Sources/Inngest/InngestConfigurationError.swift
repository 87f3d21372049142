/// A configuration that cannot work, found at boot before anything runs.
public struct InngestConfigurationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and what to do.
    public let description: String

    init(_ description: String) { self.description = description }
}
