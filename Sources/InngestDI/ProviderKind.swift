/// How a provider produces its instance.
enum ProviderKind: Sendable, Hashable {
    /// A class or factory provider: the factory builds the instance.
    case factory
    /// An already constructed value.
    case value
    /// Resolving this key resolves another key (NestJS `useExisting`); it shares the target's scope.
    case alias(of: ProviderKey)
}

/// A type-erased factory: builds an instance in the context of the resolver it is given.
typealias InstanceFactory = @Sendable (Resolver) async throws -> InstanceBox
