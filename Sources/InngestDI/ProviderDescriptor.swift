/// Describes how to provide one type: its scope, declared dependencies and factory.
///
/// Three forms exist, as in NestJS: a factory (class) provider, a ``value(_:as:)`` provider and an
/// ``alias(_:to:cast:)`` provider.
public struct ProviderDescriptor: Sendable {
    /// The provided type.
    public let key: ProviderKey
    /// Whether the instance is built once (``ProviderScope/singleton``) or per resolve.
    /// An alias reports `.singleton` here but takes the scope of the provider it points to.
    public let scope: ProviderScope
    /// The dependencies, declared for validation and ordering.
    public let dependencies: [DependencyDescriptor]
    /// The initialiser named in messages, e.g. `PaymentService.init(gateway:logger:)`.
    public let consumer: String?
    /// `file:line` of the declaration, when known.
    public let location: String?
    /// How the instance is produced.
    let kind: ProviderKind
    /// Builds the instance.
    let make: InstanceFactory

    /// A class or factory provider.
    ///
    /// - Parameters:
    ///   - type: The provided type (a class, a struct, or an existential such as `(any Gateway).self`).
    ///   - scope: `.singleton` (default) or `.transient`.
    ///   - dependencies: What `factory` resolves, declared so the graph can be validated and ordered.
    ///     A factory that resolves an undeclared singleton during boot fails with ``ResolutionError``.
    ///   - consumer: The initialiser named in messages, e.g. `PaymentService.init(gateway:logger:)`.
    ///   - location: `file:line` of the declaration, shown in front of validation messages.
    ///   - factory: Builds the instance, resolving dependencies through the resolver it receives.
    public init<T>(
        _ type: T.Type,
        scope: ProviderScope = .singleton,
        dependencies: [DependencyDescriptor] = [],
        consumer: String? = nil,
        location: String? = nil,
        factory: @escaping @Sendable (Resolver) async throws -> T
    ) {
        self.init(
            key: ProviderKey(type), scope: scope, dependencies: dependencies,
            consumer: consumer, location: location, kind: .factory,
            make: { resolver in TypedInstanceBox(try await factory(resolver)) }
        )
    }

    init(
        key: ProviderKey, scope: ProviderScope, dependencies: [DependencyDescriptor],
        consumer: String?, location: String?, kind: ProviderKind, make: @escaping InstanceFactory
    ) {
        self.key = key
        self.scope = scope
        self.dependencies = dependencies
        self.consumer = consumer
        self.location = location
        self.kind = kind
        self.make = make
    }

    /// A value provider: `value` is already constructed and is shared as a singleton.
    /// - Parameters:
    ///   - value: The instance to provide.
    ///   - type: The type to provide it as, e.g. `(any Clock).self`; defaults to the value's static type.
    public static func value<T: Sendable>(_ value: T, as type: T.Type = T.self) -> ProviderDescriptor {
        let instance = TypedInstanceBox(value)
        return ProviderDescriptor(
            key: ProviderKey(type), scope: .singleton, dependencies: [],
            consumer: nil, location: nil, kind: .value,
            make: { _ in instance }
        )
    }

    /// An alias provider (NestJS `useExisting`): resolving `type` resolves `existing` and casts it.
    ///
    /// ```swift
    /// .alias((any PaymentGateway).self, to: StripeGateway.self) { $0 }
    /// ```
    ///
    /// The alias has the scope of the provider of `existing`: a singleton target yields the same
    /// instance through both keys; a transient target yields a new instance per resolve.
    /// - Parameters:
    ///   - type: The key consumers ask for.
    ///   - existing: The provided type it stands for; it must be visible where the alias is declared.
    ///   - cast: Converts the existing instance to `type` (usually `{ $0 }`).
    public static func alias<T, Existing>(
        _ type: T.Type, to existing: Existing.Type, cast: @escaping @Sendable (Existing) -> T
    ) -> ProviderDescriptor {
        let key = ProviderKey(type)
        let target = ProviderKey(existing)
        return ProviderDescriptor(
            key: key, scope: .singleton,
            dependencies: [DependencyDescriptor("existing", existing)],
            consumer: "\(key.name) (alias of \(target.name))", location: nil, kind: .alias(of: target),
            make: { resolver in TypedInstanceBox(cast(try await resolver.resolve(existing))) }
        )
    }

    /// The same provider with a declaration site, for hand-written value and alias providers.
    /// - Parameter location: `file:line` shown in front of validation messages.
    public func located(at location: String) -> ProviderDescriptor {
        ProviderDescriptor(
            key: key, scope: scope, dependencies: dependencies,
            consumer: consumer, location: location, kind: kind, make: make
        )
    }

    /// The name shown in messages: the consumer when given, otherwise the provided type.
    var displayName: String { consumer ?? key.name }
}
