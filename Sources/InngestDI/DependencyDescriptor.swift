/// One dependency of a provider, declared so the container can validate the graph before
/// anything is built.
public struct DependencyDescriptor: Sendable, Hashable {
    /// The initialiser parameter name, used in error messages (e.g. `gateway`).
    public let parameter: String
    /// The type the parameter needs.
    public let key: ProviderKey
    /// Whether a missing provider is acceptable: the factory then receives `nil` from
    /// ``Resolver/resolveOptional(_:)`` and validation reports nothing.
    public let isOptional: Bool

    /// Declares a dependency.
    /// - Parameters:
    ///   - parameter: The initialiser parameter name, used in error messages.
    ///   - type: The type the parameter needs.
    ///   - optional: Pass `true` when the parameter may be `nil` if nothing visible provides `type`.
    public init<T>(_ parameter: String, _ type: T.Type, optional: Bool = false) {
        self.parameter = parameter
        self.key = ProviderKey(type)
        self.isOptional = optional
    }
}
