/// Resolves dependencies in the context of one module: its own providers, the exports of the
/// modules it imports, the exports of global modules, and `globalProviders`.
///
/// Factories receive a resolver for their provider's module. A resolver may be kept and used
/// later (to resolve lazily); after boot it reads the immutable singleton tables.
public struct Resolver: Sendable {
    let core: ContainerCore
    let context: Int
    /// The context's frozen table, when the resolver was created after boot.
    @usableFromInline let table: TypeTable?
    /// Every context's frozen table, when the resolver was created after boot.
    let tables: FrozenTables?
    let path: ResolutionPath?

    init(core: ContainerCore, context: Int, tables: FrozenTables?, path: ResolutionPath?) {
        self.core = core
        self.context = context
        self.table = tables?.contexts[context]
        self.tables = tables
        self.path = path
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
        if let table, case .instance(let box)? = table.slot(for: ObjectIdentifier(type)),
           let typed = box as? TypedInstanceBox<T> {
            return typed.value
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
        if let table, case .instance(let box)? = table.slot(for: ObjectIdentifier(type)),
           let typed = box as? TypedInstanceBox<T> {
            return typed.value
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
        if let table, case .instance(let box)? = table.slot(for: ObjectIdentifier(token)),
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
        if let table, case .instance(let box)? = table.slot(for: ObjectIdentifier(type)),
           let typed = box as? TypedInstanceBox<T> {
            return typed.value
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
        if let table, case .instance(let box)? = table.slot(for: ObjectIdentifier(type)),
           let typed = box as? TypedInstanceBox<T> {
            return typed.value
        }
        guard let box = try optionalNow(ObjectIdentifier(type)) else { return nil }
        if let typed = box as? TypedInstanceBox<T> { return typed.value }
        throw mismatch(box, type)
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
        try core.resolveNow(id, context: context, table: table, tables: tables, path: path)
    }

    /// A lazy handle that resolves `type` in this resolver's module when asked.
    /// - Parameter type: The type to resolve later.
    public func provider<T>(_ type: T.Type) -> Provider<T> {
        // Without this resolve's path: `get()` runs later, outside the construction that made the
        // handle, and must not mistake its own type on the old path for a loop.
        Provider(resolver: Resolver(core: core, context: context, tables: tables, path: nil))
    }

    /// The general path: boot-time resolves, transients, run-scoped providers; throws when nothing
    /// visible provides `id`.
    @usableFromInline
    nonisolated(nonsending) func required(_ id: ObjectIdentifier, _ type: any Any.Type) async throws -> InstanceBox {
        guard let box = try await core.resolve(id, context: context, table: table, tables: tables, path: path) else {
            throw core.notVisible(ProviderKey(metatype: type), context: context, path: path)
        }
        return box
    }

    /// The general path of the optional forms.
    @usableFromInline
    nonisolated(nonsending) func optional(_ id: ObjectIdentifier) async throws -> InstanceBox? {
        try await core.resolve(id, context: context, table: table, tables: tables, path: path)
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
            boxes.append(try core.memberNow(member, tables: tables, from: path))
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
            boxes.append(try await core.member(member, tables: tables, from: path))
        }
        guard let collection = binding.gather(boxes) else {
            let instance = boxes.first { binding.gather([$0]) == nil } ?? boxes[0]
            throw core.typeMismatch(instance, expected: binding.key, context: context, path: path)
        }
        return collection
    }
}
