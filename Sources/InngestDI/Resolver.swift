/// Resolves dependencies in the context of one module: its own providers, the exports of the
/// modules it imports, the exports of global modules, and `globalProviders`.
///
/// Factories receive a resolver for their provider's module. A resolver may be kept and used
/// later (to resolve lazily); after boot it reads the immutable singleton tables.
public struct Resolver: Sendable {
    let core: ContainerCore
    @usableFromInline let context: Int
    /// The frozen table of every context, when the resolver was created after boot.
    @usableFromInline let table: TypeTable
    /// The provider this resolver's factory builds (by index), or -1 outside any construction.
    let node: Int
    /// The providers being built around `node`, innermost last. Kept apart from `node` so that
    /// building a transient from a top-level resolve needs no new path (its ancestors are one
    /// provider's shared ``ProviderNode/rootPath``).
    let ancestors: ResolutionPath?

    init(core: ContainerCore, context: Int, table: TypeTable, path: ResolutionPath?) {
        self.init(core: core, context: context, table: table, node: path?.node ?? -1, ancestors: path?.parent)
    }

    init(core: ContainerCore, context: Int, table: TypeTable, node: Int, ancestors: ResolutionPath?) {
        self.core = core
        self.context = context
        self.table = table
        self.node = node
        self.ancestors = ancestors
    }

    /// The resolution path, innermost `node`, for the general path and for messages.
    var path: ResolutionPath? {
        guard node >= 0 else { return nil }
        let provider = core.graph.nodes[node]
        guard let ancestors else { return provider.rootPath }
        return ResolutionPath(node: node, name: provider.key.name, parent: ancestors)
    }

    /// The name of the module this resolver resolves in (`globalProviders` for global providers).
    public var moduleName: String {
        core.graph.contexts[context].name
    }

    // Resolution runs on the caller's executor (`nonisolated(nonsending)`): no executor hop per
    // call. The generic part (the cast to `T`) is inlined into the caller, where `T` is concrete;
    // the rest is not generic, so no generic metadata is looked up at run time.

    /// Resolves `type`: the shared instance of a singleton, a new instance of a transient, or the
    /// current run's instance of a run-scoped provider.
    ///
    /// After boot, a singleton comes from an immutable table: no lock, no allocation.
    /// - Parameter type: The requested type, e.g. `PaymentService.self` or `(any PaymentGateway).self`.
    /// - Returns: The instance.
    /// - Throws: ``ResolutionError`` when nothing visible provides `type`, or a factory throws.
    @inlinable
    nonisolated(nonsending) public func resolve<T>(_ type: T.Type) async throws -> T {
        if let bucket = table.bucket(of: ObjectIdentifier(type), in: context) {
            if let typed = table.instances[bucket] as? TypedInstanceBox<T> { return typed.value }
            if let typed = table.constructors[bucket] as? TypedConstructor<T> { return try build(table.nodes[bucket], with: typed) }
        }
        let box = try await required(ObjectIdentifier(type), type)
        if let typed = box as? TypedInstanceBox<T> { return typed.value }
        throw mismatch(box, type)
    }

    /// Resolves `type`, or returns `nil` when nothing visible provides it.
    /// - Parameter type: The requested type.
    /// - Returns: The instance, or `nil`.
    /// - Throws: ``ResolutionError`` when a factory throws.
    @inlinable
    nonisolated(nonsending) public func resolveOptional<T>(_ type: T.Type) async throws -> T? {
        if let bucket = table.bucket(of: ObjectIdentifier(type), in: context) {
            if let typed = table.instances[bucket] as? TypedInstanceBox<T> { return typed.value }
            if let typed = table.constructors[bucket] as? TypedConstructor<T> { return try build(table.nodes[bucket], with: typed) }
        }
        guard let box = try await optional(ObjectIdentifier(type)) else { return nil }
        if let typed = box as? TypedInstanceBox<T> { return typed.value }
        throw mismatch(box, type)
    }

    /// Resolves the provider of `token`.
    /// - Parameter token: The token, e.g. `PrimaryDatabase.self`.
    /// - Returns: The instance the token stands for.
    /// - Throws: ``ResolutionError`` when nothing visible provides `token`, or a factory throws.
    @inlinable
    nonisolated(nonsending) public func resolve<Token: ProviderToken>(token: Token.Type) async throws -> Token.Value {
        if case .instance(let box)? = table.slot(for: ObjectIdentifier(token), in: context),
           let typed = box as? TypedInstanceBox<Token.Value> {
            return typed.value
        }
        let box = try await required(ObjectIdentifier(token), token)
        if let typed = box as? TypedInstanceBox<Token.Value> { return typed.value }
        throw mismatch(box, token)
    }

    /// Resolves the provider of `token`, or returns `nil` when nothing visible provides it.
    /// - Parameter token: The token.
    /// - Returns: The instance, or `nil`.
    /// - Throws: ``ResolutionError`` when a factory throws.
    @inlinable
    nonisolated(nonsending) public func resolveOptional<Token: ProviderToken>(token: Token.Type) async throws -> Token.Value? {
        guard let box = try await optional(ObjectIdentifier(token)) else { return nil }
        if let typed = box as? TypedInstanceBox<Token.Value> { return typed.value }
        throw mismatch(box, token)
    }

    /// Resolves `type` without suspending, for a provider's synchronous `construct` closure.
    /// - Parameter type: The requested type.
    /// - Returns: The instance.
    /// - Throws: ``ResolutionError`` when nothing visible provides `type`, a constructor throws, or
    ///   the provider can only be built asynchronously (then use ``resolve(_:)``).
    @inlinable
    public func resolveNow<T>(_ type: T.Type) throws -> T {
        if let bucket = table.bucket(of: ObjectIdentifier(type), in: context) {
            if let typed = table.instances[bucket] as? TypedInstanceBox<T> { return typed.value }
            if let typed = table.constructors[bucket] as? TypedConstructor<T> { return try build(table.nodes[bucket], with: typed) }
        }
        let box = try requiredNow(ObjectIdentifier(type), type)
        if let typed = box as? TypedInstanceBox<T> { return typed.value }
        throw mismatch(box, type)
    }

    /// Resolves `type` without suspending, or returns `nil` when nothing visible provides it.
    /// - Parameter type: The requested type.
    /// - Returns: The instance, or `nil`.
    /// - Throws: as ``resolveNow(_:)``.
    @inlinable
    public func resolveOptionalNow<T>(_ type: T.Type) throws -> T? {
        if let bucket = table.bucket(of: ObjectIdentifier(type), in: context) {
            if let typed = table.instances[bucket] as? TypedInstanceBox<T> { return typed.value }
            if let typed = table.constructors[bucket] as? TypedConstructor<T> { return try build(table.nodes[bucket], with: typed) }
        }
        guard let box = try optionalNow(ObjectIdentifier(type)) else { return nil }
        if let typed = box as? TypedInstanceBox<T> { return typed.value }
        throw mismatch(box, type)
    }

    /// Builds transient `node` with its typed constructor: no instance box, no cast from `Any`.
    @inlinable
    func build<T>(_ node: Int, with constructor: TypedConstructor<T>) throws -> T {
        let resolver = try entering(node)
        do {
            return try constructor.construct(resolver)
        } catch {
            throw resolver.failure(error, building: node)
        }
    }

    /// A resolver for building provider `node` from this one's resolve.
    @usableFromInline
    func entering(_ node: Int) throws -> Resolver {
        try core.entering(node, table: table, from: self.node, ancestors: ancestors)
    }

    /// The error to throw for `error`, thrown by the constructor of `node` given this resolver.
    @usableFromInline
    func failure(_ error: any Error, building node: Int) -> any Error {
        core.failure(error, building: node, on: path)
    }

    /// The general path of ``resolveNow(_:)``.
    @usableFromInline
    func requiredNow(_ id: ObjectIdentifier, _ type: any Any.Type) throws -> InstanceBox {
        guard let box = try optionalNow(id) else {
            throw core.notVisible(ProviderKey(metatype: type), context: context, path: path)
        }
        return box
    }

    /// The general path of the synchronous forms.
    @usableFromInline
    func optionalNow(_ id: ObjectIdentifier) throws -> InstanceBox? {
        try core.resolveNow(id, context: context, table: table, path: path)
    }

    /// A lazy handle that resolves `type` in this resolver's module when asked.
    /// - Parameter type: The type to resolve later.
    public func provider<T>(_ type: T.Type) -> Provider<T> {
        // Without this resolve's path: `get()` runs later, outside the construction that made the
        // handle, and must not mistake its own type on the old path for a loop.
        Provider(resolver: Resolver(core: core, context: context, table: table, path: nil))
    }

    /// The general path: boot-time resolves, transients, run-scoped providers; throws when nothing
    /// visible provides `id`.
    @usableFromInline
    nonisolated(nonsending) func required(_ id: ObjectIdentifier, _ type: any Any.Type) async throws -> InstanceBox {
        guard let box = try await core.resolve(id, context: context, table: table, path: path) else {
            throw core.notVisible(ProviderKey(metatype: type), context: context, path: path)
        }
        return box
    }

    /// The general path of the optional forms.
    @usableFromInline
    nonisolated(nonsending) func optional(_ id: ObjectIdentifier) async throws -> InstanceBox? {
        try await core.resolve(id, context: context, table: table, path: path)
    }

    /// The error for an instance that is not of the requested type (a factory or alias bug).
    @usableFromInline
    func mismatch(_ instance: InstanceBox, _ type: any Any.Type) -> ResolutionError {
        core.typeMismatch(instance, expected: ProviderKey(metatype: type), context: context, path: path)
    }

    /// Builds a multi-binding's collection without suspending.
    func collectNow(_ members: [Int], into binding: MultiBinding) throws -> InstanceBox {
        var boxes: [InstanceBox] = []
        boxes.reserveCapacity(members.count)
        for member in members {
            boxes.append(try core.memberNow(member, table: table, from: path))
        }
        guard let collection = binding.gather(boxes) else {
            let instance = boxes.first { binding.gather([$0]) == nil } ?? boxes[0]
            throw core.typeMismatch(instance, expected: binding.key, context: context, path: path)
        }
        return collection
    }

    /// Builds a multi-binding's collection from its contributions (provider indices).
    nonisolated(nonsending) func collect(_ members: [Int], into binding: MultiBinding) async throws -> InstanceBox {
        var boxes: [InstanceBox] = []
        boxes.reserveCapacity(members.count)
        for member in members {
            boxes.append(try await core.member(member, table: table, from: path))
        }
        guard let collection = binding.gather(boxes) else {
            let instance = boxes.first { binding.gather([$0]) == nil } ?? boxes[0]
            throw core.typeMismatch(instance, expected: binding.key, context: context, path: path)
        }
        return collection
    }
}
