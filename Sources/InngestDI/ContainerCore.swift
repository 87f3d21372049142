import Synchronization

/// The shared engine behind ``Container`` and every ``Resolver``: builds providers, and resolves
/// either from the boot-time store (while singletons are being built) or from the frozen tables.
@usableFromInline
final class ContainerCore: Sendable {
    /// The validated graph.
    let graph: ValidatedGraph
    /// Singletons built so far; only used during boot.
    private let built = Mutex<[Int: InstanceBox]>([:])
    /// The immutable tables, published once at the end of the singleton build.
    private let frozen = AtomicLazyReference<FrozenTables>()

    init(graph: ValidatedGraph) {
        self.graph = graph
    }

    /// The frozen table of `context`, or `nil` while boot is still building singletons.
    func table(for context: Int) -> TypeTable? {
        frozen.load()?.contexts[context]
    }

    /// Builds every singleton in instantiation order, then publishes the frozen tables.
    /// - Throws: ``ResolutionError`` when a factory throws or resolves an undeclared, unbuilt singleton.
    func buildSingletons() async throws -> FrozenTables {
        for node in graph.singletonOrder {
            let instance = try await instantiate(node, from: nil)
            built.withLock { $0[node] = instance }
        }
        let instances = built.withLock { $0 }
        let tables = FrozenTables(contexts: graph.visible.map { visible in
            TypeTable(visible.compactMapValues { node in
                graph.nodes[node].scope == .singleton ? instances[node].map(Slot.instance) : .transient(node)
            })
        })
        return frozen.storeIfNil(tables)
    }

    /// Resolves the provider keyed `id` in `context` as a `T`, or returns `nil` when nothing there
    /// provides it.
    /// - Parameters:
    ///   - id: The identity of the requested type or token.
    ///   - type: The type of the instance.
    ///   - context: The resolving context.
    ///   - table: The context's frozen table when the caller already holds it.
    ///   - path: The providers being built around this resolve.
    func resolve<T>(
        _ id: ObjectIdentifier, as type: T.Type, context: Int, table: TypeTable?, path: ResolutionPath?
    ) async throws -> T? {
        let slot: Slot?
        if let table = table ?? self.table(for: context) {
            slot = table.slot(for: id)
        } else {
            slot = try bootSlot(id, context: context, path: path)
        }
        switch slot {
        case .instance(let instance):
            return try cast(instance, to: type, context: context, path: path)
        case .transient(let node):
            return try cast(await instance(of: node, from: path), to: type, context: context, path: path)
        case nil:
            return nil
        }
    }

    /// The instance of a non-singleton provider: a new one for a transient, the current run's for a
    /// run-scoped provider.
    func instance(of node: Int, from path: ResolutionPath?) async throws -> InstanceBox {
        let provider = graph.nodes[node]
        guard provider.scope == .run else { return try await instantiate(node, from: path) }
        guard let run = RunScope.current else {
            let names = (path?.names ?? []) + [provider.key.name]
            let owner = graph.contexts[provider.context].name
            throw ResolutionError(
                .outsideRun, requested: provider.key, moduleName: owner, path: names,
                message: "\(provider.displayName) in \(owner) is run-scoped, but it was resolved outside a function run "
                    + "(resolution path: \(names.joined(separator: " → "))). Inject it into a function handler, a transient "
                    + "or a run-scoped provider, or take a Provider<\(provider.key)> and call get() during a run."
            )
        }
        if let kept = run.instance(of: node) { return kept }
        return run.keep(try await instantiate(node, from: path), for: node)
    }

    /// The instance of any provider by index, for a multi-binding's collection: a built singleton,
    /// or the instance its scope gives.
    func member(_ node: Int, from path: ResolutionPath?) async throws -> InstanceBox {
        guard graph.nodes[node].scope == .singleton else { return try await instance(of: node, from: path) }
        if let instance = built.withLock({ $0[node] }) { return instance }
        return try await instantiate(node, from: path)
    }

    /// Builds provider `node` in its own context, wrapping a thrown error with the resolution path.
    func instantiate(_ node: Int, from path: ResolutionPath?) async throws -> InstanceBox {
        let provider = graph.nodes[node]
        let contextName = graph.contexts[provider.context].name
        let step = ResolutionPath(node: node, name: provider.key.name, parent: path)
        if let path, path.contains(node) {
            let loop = step.names.joined(separator: " → ")
            throw ResolutionError(
                .cycle, requested: provider.key, moduleName: contextName, path: step.names,
                message: "Resolving \(provider.key) in \(contextName) loops: \(loop). A factory resolves a provider "
                    + "it does not declare as a dependency; declare it so that validation reports the cycle, "
                    + "then break the cycle."
            )
        }
        let resolver = Resolver(
            core: self, context: provider.context, table: table(for: provider.context), path: step
        )
        do {
            return try await provider.make(resolver)
        } catch let error as ResolutionError {
            throw error
        } catch {
            let names = step.names
            throw ResolutionError(
                .factoryFailed, requested: provider.key, moduleName: contextName, path: names, underlying: error,
                message: "\(provider.displayName) in \(contextName) threw while being built: \(error) "
                    + "(resolution path: \(names.joined(separator: " → "))). "
                    + "Fix the cause in its initialiser or factory."
            )
        }
    }

    /// During boot: the slot of `type` from the visibility map and the singletons built so far.
    private func bootSlot(_ id: ObjectIdentifier, context: Int, path: ResolutionPath?) throws -> Slot? {
        guard let node = graph.visible[context][id] else { return nil }
        let provider = graph.nodes[node]
        guard provider.scope == .singleton else { return .transient(node) }
        if let instance = built.withLock({ $0[node] }) { return .instance(instance) }
        let names = (path?.names ?? []) + [provider.key.name]
        let owner = graph.contexts[provider.context].name
        throw ResolutionError(
            .notYetBuilt, requested: provider.key, moduleName: graph.contexts[context].name, path: names,
            message: "\(provider.key) in \(owner) was resolved during boot before it was built (resolution path: "
                + "\(names.joined(separator: " → "))). Declare \(provider.key) in the dependencies of the provider "
                + "that resolves it, so that it is built first."
        )
    }

    private func cast<T>(_ instance: InstanceBox, to type: T.Type, context: Int, path: ResolutionPath?) throws -> T {
        if let typed = instance as? TypedInstanceBox<T> { return typed.value }
        throw typeMismatch(instance, expected: ProviderKey(type), context: context, path: path)
    }

    /// The error for an instance whose type is not the key's type (a factory or cast bug).
    func typeMismatch(
        _ instance: InstanceBox, expected key: ProviderKey, context: Int, path: ResolutionPath?
    ) -> ResolutionError {
        let contextName = graph.contexts[context].name
        let actual = TypeName.of(Swift.type(of: instance.anyValue))
        return ResolutionError(
            .typeMismatch, requested: key, moduleName: contextName, path: (path?.names ?? []) + [key.name],
            message: "The instance provided for \(key) in \(contextName) is a \(actual), not \(key). "
                + "Check the provider's factory or alias cast."
        )
    }

    /// The error for a type that nothing visible to `context` provides.
    func notVisible(_ key: ProviderKey, context: Int, path: ResolutionPath?) -> ResolutionError {
        let contextName = graph.contexts[context].name
        let names = (path?.names ?? []) + [key.name]
        return ResolutionError(
            .notVisible, requested: key, moduleName: contextName, path: names,
            message: "Nothing visible to \(contextName) provides \(key) (resolution path: "
                + "\(names.joined(separator: " → "))). \(graph.advice.advice(for: key, in: context))"
        )
    }

    /// The error for ``Container/get(_:)`` on a transient provider.
    func notASingleton(_ key: ProviderKey, node: Int) -> ResolutionError {
        let contextName = graph.contexts[graph.nodes[node].context].name
        return ResolutionError(
            .notASingleton, requested: key, moduleName: contextName, path: [key.name],
            message: "\(key) is a transient provider in \(contextName), so get(_:) has no built instance to return. "
                + "Use resolve(_:) to build one."
        )
    }
}
