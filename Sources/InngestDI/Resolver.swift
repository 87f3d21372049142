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

    /// The general path for ``resolveOptional(_:)``.
    @usableFromInline
    func resolveOptionalUncached<T>(_ type: T.Type) async throws -> T? {
        try await core.resolve(type, context: context, table: table, path: path)
    }

    /// The general path: boot-time resolves, transients, and failures.
    @usableFromInline
    func resolveUncached<T>(_ type: T.Type) async throws -> T {
        guard let value = try await core.resolve(type, context: context, table: table, path: path) else {
            throw core.notVisible(ProviderKey(type), context: context, path: path)
        }
        return value
    }
}
