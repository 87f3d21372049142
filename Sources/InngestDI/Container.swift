import Synchronization

/// The booted dependency graph: validated, with every singleton built and initialised.
///
/// ```swift
/// let container = try await Container.boot(AppModule.self, globalProviders: [.value(client)])
/// let orders = try await container.resolve(OrderService.self)
/// ...
/// await container.shutdown(signal: "SIGTERM")
/// ```
public final class Container: Sendable {
    private let core: ContainerCore
    @usableFromInline let table: TypeTable
    /// The root module's context, for ``get(_:)``.
    @usableFromInline let rootContext = ValidatedGraph.rootContext
    private let moduleContexts: [String: Int]
    private let ownerContexts: [ProviderKey: Int]
    private let lifecycle: LifecycleRunner
    private let didShutDown = Atomic<Bool>(false)

    /// Resolves in the root module's context.
    public let rootResolver: Resolver

    private init(core: ContainerCore, table: TypeTable) {
        self.core = core
        self.table = table
        rootResolver = Resolver(core: core, context: ValidatedGraph.rootContext, table: table, path: nil)
        var contexts: [String: Int] = [:]
        for (index, context) in core.graph.contexts.enumerated() where !context.isGlobalProviders {
            contexts[context.name] = contexts[context.name] ?? index
        }
        moduleContexts = contexts
        var owners: [ProviderKey: Int] = [:]
        for node in core.graph.nodes where owners[node.key] == nil {
            owners[node.key] = node.context
        }
        ownerContexts = owners
        lifecycle = LifecycleRunner(graph: core.graph, table: table)
    }

    /// Boots the graph reachable from `root`.
    ///
    /// 1. Validates the whole graph and reports every problem at once, before anything is built.
    /// 2. Builds every singleton in topological order (dependencies first; ties in declaration order:
    ///    modules breadth-first from the root, `rootProviders` after the root's providers,
    ///    `globalProviders` last).
    /// 3. Calls ``OnModuleInit`` hooks, then ``OnApplicationBootstrap`` hooks, in that same order.
    ///
    /// - Parameters:
    ///   - root: The root module.
    ///   - rootProviders: Extra providers added to the root module (e.g. function handlers not owned by a module).
    ///   - globalProviders: Providers visible from every module (framework services).
    ///   - overrides: Replace every provider with the same key anywhere in the graph (tests). The
    ///     replaced provider's dependencies are not validated; an override that replaces nothing is a problem.
    /// - Returns: The booted container.
    /// - Throws: ``DependencyGraphError`` when the graph is invalid; ``ResolutionError`` when a singleton's
    ///   factory throws; ``LifecycleHookError`` when an init hook throws.
    ///   - moduleOverrides: Replace whole modules wherever they are imported (tests).
    public static func boot(
        _ root: any Module.Type,
        rootProviders: [ProviderDescriptor] = [],
        globalProviders: [ProviderDescriptor] = [],
        overrides: [ProviderDescriptor] = [],
        moduleOverrides: [ModuleOverride] = []
    ) async throws -> Container {
        try await boot(root, rootProviders: rootProviders, globalProviders: globalProviders, overrides: overrides,
                       hosted: [], moduleOverrides: moduleOverrides)
    }

    /// Boots as ``boot(_:rootProviders:globalProviders:overrides:moduleOverrides:)``, with handler
    /// providers each placed in the module that lists (or provides) its home type.
    package static func boot(
        _ root: any Module.Type, rootProviders: [ProviderDescriptor], globalProviders: [ProviderDescriptor],
        overrides: [ProviderDescriptor], hosted: [HostedProvider], moduleOverrides: [ModuleOverride]
    ) async throws -> Container {
        let graph = try GraphValidator.validate(
            root: root, rootProviders: rootProviders, globalProviders: globalProviders, overrides: overrides,
            hosted: hosted, moduleOverrides: moduleOverrides
        )
        let core = ContainerCore(graph: graph)
        let table = try await core.buildSingletons()
        let container = Container(core: core, table: table)
        try await container.lifecycle.initialize()
        return container
    }

    /// Resolves `type` in the root module's context.
    /// - Parameter type: The requested type.
    /// - Returns: The singleton instance, or a new transient instance.
    /// - Throws: ``ResolutionError`` when nothing visible to the root provides `type`, or a factory throws.
    @inlinable
    nonisolated(nonsending) public func resolve<T>(_ type: T.Type) async throws -> T {
        try await rootResolver.resolve(type)
    }

    /// A resolver for the context of the module named `name`, or `nil` when no module has that name.
    /// - Parameter name: A module name from a ``ModuleDescriptor``.
    public func resolver(forModule name: String) -> Resolver? {
        guard let context = moduleContexts[name] else { return nil }
        return Resolver(core: core, context: context, table: table, path: nil)
    }

    /// The resolver of the module that owns the provider of `key` (the first in declaration order),
    /// or the root's when no module owns one: where a hosted handler resolves.
    package func resolver(owning key: ProviderKey) -> Resolver {
        guard let context = ownerContexts[key] else { return rootResolver }
        return Resolver(core: core, context: context, table: table, path: nil)
    }

    /// Fast synchronous access to a built singleton visible from the root (NestJS `ModuleRef.get`).
    /// One table lookup and one class check: no lock, no allocation.
    /// - Parameter type: The requested type.
    /// - Returns: The singleton instance.
    /// - Throws: ``ResolutionError`` when `type` is not visible from the root, or is transient.
    @inlinable
    public func get<T>(_ type: T.Type) throws -> T {
        if let bucket = table.bucket(of: ObjectIdentifier(type), in: rootContext),
           let typed = table.instances[bucket] as? TypedInstanceBox<T> {
            return typed.value
        }
        throw getFailure(type)
    }

    /// Why ``get(_:)`` cannot return an instance of `type`.
    @usableFromInline
    func getFailure<T>(_ type: T.Type) -> ResolutionError {
        let key = ProviderKey(type)
        switch table.slot(for: key.id, in: ValidatedGraph.rootContext) {
        case .transient(let node, _):
            return core.notASingleton(key, node: node)
        case .instance(let instance):
            return core.typeMismatch(instance, expected: key, context: ValidatedGraph.rootContext, path: nil)
        case nil:
            return core.notVisible(key, context: ValidatedGraph.rootContext, path: nil)
        }
    }

    /// Runs ``OnModuleDestroy``, then ``BeforeApplicationShutdown``, then ``OnApplicationShutdown``
    /// hooks, each phase in reverse instantiation order. Only the first call runs the hooks; later
    /// calls return at once.
    /// - Parameter signal: The signal that triggered shutdown (e.g. `"SIGTERM"`), passed to the hooks.
    public func shutdown(signal: String? = nil) async {
        guard !didShutDown.exchange(true, ordering: .acquiringAndReleasing) else { return }
        await lifecycle.shutdown(signal: signal)
    }
}
