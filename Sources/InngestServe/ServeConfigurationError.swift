/// A serve configuration that cannot work. The message names the setting to fix.
public struct ServeConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and what to do.
    public let description: String

    /// Creates the error.
    public init(_ description: String) { self.description = description }
}
