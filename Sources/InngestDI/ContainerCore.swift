import Synchronization

/// The shared engine behind ``Container`` and every ``Resolver``: builds providers, and resolves
/// either from the boot-time store (while singletons are being built) or from the frozen tables.
@usableFromInline
final class ContainerCore: Sendable {
    /// The validated graph.
    let graph: ValidatedGraph
    /// Singletons built so far; only used during boot.
    private let built = Mutex<[Int: InstanceBox]>([:])
    /// The immutable table, published once at the end of the singleton build.
    private let frozen = AtomicLazyReference<TypeTable>()

    init(graph: ValidatedGraph) {
        self.graph = graph
    }

    /// Builds every singleton in instantiation order, then publishes the frozen tables.
    /// - Throws: ``ResolutionError`` when a factory throws or resolves an undeclared, unbuilt singleton.
    func buildSingletons() async throws -> TypeTable {
        for node in graph.singletonOrder {
            let instance = try await instantiate(node, table: .booting, from: nil)
            built.withLock { $0[node] = instance }
        }
        let instances = built.withLock { $0 }
        let table = TypeTable(graph.visible.map { visible in
            visible.compactMapValues { node in
                graph.nodes[node].scope == .singleton
                    ? instances[node].map(Slot.instance) : .transient(node, graph.nodes[node].constructor)
            }
        })
        return frozen.storeIfNil(table)
    }

    /// Resolves the provider keyed `id` in `context`, or returns `nil` when nothing there provides it.
    /// - Parameters:
    ///   - id: The identity of the requested type or token.
    ///   - context: The resolving context.
    ///   - table: The context's frozen table when the caller already holds it.
    ///   - tables: Every context's frozen table when the caller already holds them.
    ///   - path: The providers being built around this resolve.
    nonisolated(nonsending) func resolve(
        _ id: ObjectIdentifier, context: Int, table: TypeTable, path: ResolutionPath?
    ) async throws -> InstanceBox? {
        let (slot, published) = try lookUp(id, context: context, table: table, path: path)
        switch slot {
        case .instance(let instance):
            return instance
        case .transient(let node, _):
            return try await instance(of: node, table: published, from: path)
        case nil:
            return nil
        }
    }

    /// The instance of a non-singleton provider: a new one for a transient, the current run's for a
    /// run-scoped provider.
    nonisolated(nonsending) func instance(of node: Int, table: TypeTable, from path: ResolutionPath?) async throws -> InstanceBox {
        let provider = graph.nodes[node]
        if provider.makeNow != nil { return try instanceNow(of: node, table: table, from: path) }
        guard provider.scope == .run else { return try await instantiate(node, table: table, from: path) }
        let run = try runScope(for: provider, path: path)
        if let kept = run.instance(of: node) { return kept }
        return run.keep(try await instantiate(node, table: table, from: path), for: node)
    }

    /// ``instance(of:table:from:)`` without suspending, for a provider built synchronously.
    func instanceNow(of node: Int, table: TypeTable, from path: ResolutionPath?) throws -> InstanceBox {
        let provider = graph.nodes[node]
        guard provider.scope == .run else { return try instantiateNow(node, table: table, from: path) }
        let run = try runScope(for: provider, path: path)
        if let kept = run.instance(of: node) { return kept }
        return run.keep(try instantiateNow(node, table: table, from: path), for: node)
    }

    /// The run scope of the current task, or why a run-scoped provider cannot be resolved here.
    private func runScope(for provider: ProviderNode, path: ResolutionPath?) throws -> RunScope {
        if let run = RunScope.current { return run }
        let names = (path?.names ?? []) + [provider.key.name]
        let owner = graph.contexts[provider.context].name
        throw ResolutionError(
            .outsideRun, requested: provider.key, moduleName: owner, path: names,
            message: "\(provider.displayName) in \(owner) is run-scoped, but it was resolved outside a function run "
                + "(resolution path: \(names.joined(separator: " → "))). Inject it into a function handler, a transient "
                + "or a run-scoped provider, or take a Provider<\(provider.key)> and call get() during a run."
        )
    }

    /// The slot of `id` in `context`, from the frozen tables once published, else from boot's
    /// state, with the tables it used.
    private func lookUp(
        _ id: ObjectIdentifier, context: Int, table: TypeTable, path: ResolutionPath?
    ) throws -> (Slot?, TypeTable) {
        if let published = table.isBooting ? frozen.load() : table { return (published.slot(for: id, in: context), published) }
        return (try bootSlot(id, context: context, path: path), table)
    }

    /// ``resolve(_:context:table:path:)`` without suspending.
    func resolveNow(
        _ id: ObjectIdentifier, context: Int, table: TypeTable, path: ResolutionPath?
    ) throws -> InstanceBox? {
        let (slot, published) = try lookUp(id, context: context, table: table, path: path)
        switch slot {
        case .instance(let instance):
            return instance
        case .transient(let node, _):
            return try instanceNow(of: node, table: published, from: path)
        case nil:
            return nil
        }
    }

    /// ``member(_:table:from:)`` without suspending.
    func memberNow(_ node: Int, table: TypeTable, from path: ResolutionPath?) throws -> InstanceBox {
        guard graph.nodes[node].scope == .singleton else { return try instanceNow(of: node, table: table, from: path) }
        if let instance = built.withLock({ $0[node] }) { return instance }
        return try instantiateNow(node, table: table, from: path)
    }

    /// The instance of any provider by index, for a multi-binding's collection: a built singleton,
    /// or the instance its scope gives.
    nonisolated(nonsending) func member(_ node: Int, table: TypeTable, from path: ResolutionPath?) async throws -> InstanceBox {
        guard graph.nodes[node].scope == .singleton else { return try await instance(of: node, table: table, from: path) }
        if let instance = built.withLock({ $0[node] }) { return instance }
        return try await instantiate(node, table: table, from: path)
    }

    /// Builds provider `node` in its own context, wrapping a thrown error with the resolution path.
    nonisolated(nonsending) func instantiate(_ node: Int, table: TypeTable, from path: ResolutionPath?) async throws -> InstanceBox {
        let provider = graph.nodes[node]
        if provider.makeNow != nil { return try instantiateNow(node, table: table, from: path) }
        let step = try enter(node, provider, from: path)
        do {
            return try await provider.make(Resolver(core: self, context: provider.context, table: table, path: step))
        } catch {
            throw wrapped(error, provider, step)
        }
    }

    /// ``instantiate(_:table:from:)`` without suspending.
    func instantiateNow(_ node: Int, table: TypeTable, from path: ResolutionPath?) throws -> InstanceBox {
        let provider = graph.nodes[node]
        let step = try enter(node, provider, from: path)
        guard let makeNow = provider.makeNow else {
            let contextName = graph.contexts[provider.context].name
            throw ResolutionError(
                .needsAsync, requested: provider.key, moduleName: contextName, path: step.names,
                message: "\(provider.displayName) in \(contextName) has an asynchronous factory, so resolveNow cannot build "
                    + "it (resolution path: \(step.names.joined(separator: " → "))). Use resolve(_:) with await."
            )
        }
        do {
            return try makeNow(Resolver(core: self, context: provider.context, table: table, path: step))
        } catch {
            throw wrapped(error, provider, step)
        }
    }

    /// The resolution path with `node` entered, or the error for a loop through undeclared dependencies.
    /// A resolver in provider `node`'s module, for building it from the construction of `outer`
    /// (-1 for none) inside `ancestors`.
    /// - Throws: ``ResolutionError`` when `node` is already being built there (a loop).
    func entering(_ node: Int, table: TypeTable, from outer: Int, ancestors: ResolutionPath?) throws -> Resolver {
        let provider = graph.nodes[node]
        guard outer >= 0 else { return Resolver(core: self, context: provider.context, table: table, node: node, ancestors: nil) }
        let enclosing = graph.nodes[outer]
        let path = ancestors.map { ResolutionPath(node: outer, name: enclosing.key.name, parent: $0) } ?? enclosing.rootPath
        // A loop: `enter` throws its error.
        if outer == node || ancestors?.contains(node) == true { _ = try enter(node, provider, from: path) }
        return Resolver(core: self, context: provider.context, table: table, node: node, ancestors: path)
    }

    /// The error to throw for `error`, thrown while building `node` on `step`.
    func failure(_ error: any Error, building node: Int, on step: ResolutionPath?) -> any Error {
        let provider = graph.nodes[node]
        return wrapped(error, provider, step ?? provider.rootPath)
    }

    private func enter(_ node: Int, _ provider: ProviderNode, from path: ResolutionPath?) throws -> ResolutionPath {
        guard let path else { return provider.rootPath }
        let step = ResolutionPath(node: node, name: provider.key.name, parent: path)
        guard path.contains(node) else { return step }
        let contextName = graph.contexts[provider.context].name
        let loop = step.names.joined(separator: " → ")
        throw ResolutionError(
            .cycle, requested: provider.key, moduleName: contextName, path: step.names,
            message: "Resolving \(provider.key) in \(contextName) loops: \(loop). A factory resolves a provider "
                + "it does not declare as a dependency; declare it so that validation reports the cycle, "
                + "then break the cycle."
        )
    }

    /// A factory's error with the resolution path; a ``ResolutionError`` passes through.
    private func wrapped(_ error: any Error, _ provider: ProviderNode, _ step: ResolutionPath) -> any Error {
        if error is ResolutionError { return error }
        let contextName = graph.contexts[provider.context].name
        let names = step.names
        return ResolutionError(
            .factoryFailed, requested: provider.key, moduleName: contextName, path: names, underlying: error,
            message: "\(provider.displayName) in \(contextName) threw while being built: \(error) "
                + "(resolution path: \(names.joined(separator: " → "))). "
                + "Fix the cause in its initialiser or factory."
        )
    }

    /// During boot: the slot of `type` from the visibility map and the singletons built so far.
    private func bootSlot(_ id: ObjectIdentifier, context: Int, path: ResolutionPath?) throws -> Slot? {
        guard let node = graph.visible[context][id] else { return nil }
        let provider = graph.nodes[node]
        guard provider.scope == .singleton else { return .transient(node, provider.constructor) }
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
            message: "\(key) is a \(graph.nodes[node].scope == .run ? "run-scoped" : "transient") provider in \(contextName), "
                + "so get(_:) has no built instance to return. Use resolve(_:) to build one."
        )
    }
}
