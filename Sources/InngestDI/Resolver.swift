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
    let path: ResolutionPath?

    init(core: ContainerCore, context: Int, table: TypeTable?, path: ResolutionPath?) {
        self.core = core
        self.context = context
        self.table = table
        self.path = path
    }

    /// The name of the module this resolver resolves in (`globalProviders` for global providers).
    public var moduleName: String {
        core.graph.contexts[context].name
    }

    /// Resolves `type`: the shared instance of a singleton, or a new instance of a transient.
    ///
    /// After boot, a singleton comes from an immutable table: no lock, no allocation.
    /// - Parameter type: The requested type, e.g. `PaymentService.self` or `(any PaymentGateway).self`.
    /// - Returns: The instance.
    /// - Throws: ``ResolutionError`` when nothing visible provides `type`, or a factory throws.
    @inlinable
    public func resolve<T>(_ type: T.Type) async throws -> T {
        if let table, case .instance(let box)? = table.slot(for: ObjectIdentifier(type)),
           let typed = box as? TypedInstanceBox<T> {
            return typed.value
        }
        return try await resolveUncached(type)
    }

    /// Resolves `type`, or returns `nil` when nothing visible provides it.
    /// - Parameter type: The requested type.
    /// - Returns: The instance, or `nil`.
    /// - Throws: ``ResolutionError`` when a factory throws.
    @inlinable
    public func resolveOptional<T>(_ type: T.Type) async throws -> T? {
        if let table, case .instance(let box)? = table.slot(for: ObjectIdentifier(type)),
           let typed = box as? TypedInstanceBox<T> {
            return typed.value
        }
        return try await resolveOptionalUncached(type)
    }

    /// Resolves the provider of `token`.
    /// - Parameter token: The token, e.g. `PrimaryDatabase.self`.
    /// - Returns: The instance the token stands for.
    /// - Throws: ``ResolutionError`` when nothing visible provides `token`, or a factory throws.
    @inlinable
    public func resolve<Token: ProviderToken>(token: Token.Type) async throws -> Token.Value {
        if let table, case .instance(let box)? = table.slot(for: ObjectIdentifier(token)),
           let typed = box as? TypedInstanceBox<Token.Value> {
            return typed.value
        }
        return try await resolveUncached(token: token)
    }

    /// Resolves the provider of `token`, or returns `nil` when nothing visible provides it.
    /// - Parameter token: The token.
    /// - Returns: The instance, or `nil`.
    /// - Throws: ``ResolutionError`` when a factory throws.
    public func resolveOptional<Token: ProviderToken>(token: Token.Type) async throws -> Token.Value? {
        try await core.resolve(ObjectIdentifier(token), as: Token.Value.self, context: context, table: table, path: path)
    }

    /// A lazy handle that resolves `type` in this resolver's module when asked.
    /// - Parameter type: The type to resolve later.
    public func provider<T>(_ type: T.Type) -> Provider<T> {
        Provider(resolver: Resolver(core: core, context: context, table: nil, path: path))
    }

    /// The general path for ``resolveOptional(_:)``.
    @usableFromInline
    func resolveOptionalUncached<T>(_ type: T.Type) async throws -> T? {
        try await core.resolve(ObjectIdentifier(type), as: type, context: context, table: table, path: path)
    }

    /// The general path: boot-time resolves, transients, run-scoped providers, and failures.
    @usableFromInline
    func resolveUncached<T>(_ type: T.Type) async throws -> T {
        guard let value = try await core.resolve(ObjectIdentifier(type), as: type, context: context, table: table,
                                                 path: path) else {
            throw core.notVisible(ProviderKey(type), context: context, path: path)
        }
        return value
    }

    /// The general path for ``resolve(token:)``.
    @usableFromInline
    func resolveUncached<Token: ProviderToken>(token: Token.Type) async throws -> Token.Value {
        guard let value = try await core.resolve(ObjectIdentifier(token), as: Token.Value.self, context: context,
                                                 table: table, path: path) else {
            throw core.notVisible(ProviderKey(token), context: context, path: path)
        }
        return value
    }

    /// Builds a multi-binding's collection from its contributions (provider indices).
    func collect(_ members: [Int], into binding: MultiBinding) async throws -> InstanceBox {
        var boxes: [InstanceBox] = []
        boxes.reserveCapacity(members.count)
        for member in members {
            boxes.append(try await core.member(member, from: path))
        }
        guard let collection = binding.gather(boxes) else {
            let instance = boxes.first { binding.gather([$0]) == nil } ?? boxes[0]
            throw core.typeMismatch(instance, expected: binding.key, context: context, path: path)
        }
        return collection
    }
}
