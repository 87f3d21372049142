/// One dependency of a provider, declared so the container can validate the graph before
/// anything is built.
public struct DependencyDescriptor: Sendable, Hashable {
    /// The initialiser parameter name, used in error messages (e.g. `gateway`).
    public let parameter: String
    /// The type (or ``ProviderToken``) the parameter needs.
    public let key: ProviderKey
    /// Whether a missing provider is acceptable: the factory then receives `nil` from
    /// ``Resolver/resolveOptional(_:)`` and validation reports nothing.
    public let isOptional: Bool
    /// Whether the parameter is a ``Provider`` resolved on demand: it must be visible, but it is
    /// not built first, may have any scope and is not an edge of a cycle.
    public let isLazy: Bool

    /// Declares a dependency.
    /// - Parameters:
    ///   - parameter: The initialiser parameter name, used in error messages.
    ///   - type: The type the parameter needs.
    ///   - optional: Pass `true` when the parameter may be `nil` if nothing visible provides `type`.
    public init<T>(_ parameter: String, _ type: T.Type, optional: Bool = false) {
        self.init(parameter: parameter, key: ProviderKey(type), isOptional: optional, isLazy: false)
    }

    /// Declares a dependency on the provider of a token.
    /// - Parameters:
    ///   - parameter: The initialiser parameter name, used in error messages.
    ///   - token: The token the parameter needs.
    ///   - optional: Pass `true` when the parameter may be `nil` if nothing visible provides `token`.
    public init<Token: ProviderToken>(_ parameter: String, token: Token.Type, optional: Bool = false) {
        self.init(parameter: parameter, key: ProviderKey(token), isOptional: optional, isLazy: false)
    }

    /// Declares a `Provider<T>` parameter: resolved when the consumer calls `get()`.
    /// - Parameters:
    ///   - parameter: The initialiser parameter name, used in error messages.
    ///   - type: The type the provider resolves.
    public init<T>(_ parameter: String, lazy type: T.Type) {
        self.init(parameter: parameter, key: ProviderKey(type), isOptional: false, isLazy: true)
    }

    private init(parameter: String, key: ProviderKey, isOptional: Bool, isLazy: Bool) {
        self.parameter = parameter
        self.key = key
        self.isOptional = isOptional
        self.isLazy = isLazy
    }
}
