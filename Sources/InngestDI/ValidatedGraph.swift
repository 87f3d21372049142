/// The result of validation: every provider, what each context sees, and the singleton build order.
/// Immutable and shared by the container and its resolvers.
struct ValidatedGraph: Sendable {
    /// The contexts: modules in discovery order (the root is 0), then `globalProviders`.
    let contexts: [GraphContext]
    /// The providers, in declaration order.
    let nodes: [ProviderNode]
    /// Per context, the provider each visible type resolves to, keyed by type identity.
    let visible: [[ObjectIdentifier: Int]]
    /// Singleton providers in instantiation order (dependencies first, ties in declaration order).
    let singletonOrder: [Int]
    /// Advice for types that are not visible, reused by run-time errors.
    let advice: MissingProviderAdvice

    /// The root module's context.
    static let rootContext = 0
}
