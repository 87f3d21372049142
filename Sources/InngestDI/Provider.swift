/// A lazy handle on a provider: resolves it when ``get()`` is called, not when the consumer is built.
///
/// A singleton may not depend directly on a transient or run-scoped provider (it would keep one
/// instance forever); it takes a `Provider<T>` instead and calls ``get()`` where it needs one. A
/// lazy dependency is also not an edge of the dependency graph, so it breaks a constructor cycle.
/// Inside a function run, `get()` of a run-scoped provider returns that run's instance.
public struct Provider<T>: Sendable {
    private let resolver: Resolver

    init(resolver: Resolver) {
        self.resolver = resolver
    }

    /// Resolves the provider: the singleton, a new transient, or the current run's instance.
    /// - Throws: ``ResolutionError`` when the provider cannot be resolved here.
    public func get() async throws -> T {
        try await resolver.resolve(T.self)
    }
}

/// NestJS's `ModuleRef`: the resolver of a provider's module, for resolving at run time. A
/// constructor parameter of this type receives it.
public typealias ModuleRef = Resolver
