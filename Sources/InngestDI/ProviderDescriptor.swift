/// Describes how to provide one type: its scope, declared dependencies and factory.
///
/// The forms of NestJS exist: a class or factory provider (``init(_:scope:dependencies:consumer:location:factory:)``,
/// ``singleton(_:dependencies:consumer:location:factory:)``, ``factory(_:scope:inject:location:_:)``), a
/// ``value(_:as:)`` provider and an ``alias(_:to:cast:)`` provider; each may be keyed by a
/// ``ProviderToken`` instead of its type. ``multi(_:scope:dependencies:consumer:location:factory:)``
/// contributes to a multi-binding.
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
    @usableFromInline let kind: ProviderKind
    /// Builds the instance.
    @usableFromInline let make: InstanceFactory
    /// Builds the instance without suspending, when the provider has a synchronous form.
    @usableFromInline let makeNow: SyncInstanceFactory?
    /// The synchronous form with its static type, for a class or factory provider that has one.
    @usableFromInline let constructor: Constructor?

    /// A class or factory provider.
    ///
    /// - Parameters:
    ///   - type: The provided type (a class, a struct, or an existential such as `(any Gateway).self`).
    ///   - scope: `.singleton` (default), `.transient` or `.run`. A singleton's type should be
    ///     `Sendable`; ``singleton(_:dependencies:consumer:location:factory:)`` makes the compiler check it.
    ///   - dependencies: What `factory` resolves, declared so the graph can be validated and ordered.
    ///     A factory that resolves an undeclared singleton during boot fails with ``ResolutionError``.
    ///   - consumer: The initialiser named in messages, e.g. `PaymentService.init(gateway:logger:)`.
    ///   - location: `file:line` of the declaration, shown in front of validation messages.
    ///   - factory: Builds the instance, resolving dependencies through the resolver it receives.
    @inlinable
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

    @usableFromInline
    init(
        key: ProviderKey, scope: ProviderScope, dependencies: [DependencyDescriptor],
        consumer: String?, location: String?, kind: ProviderKind, make: @escaping InstanceFactory,
        makeNow: SyncInstanceFactory? = nil, constructor: Constructor? = nil
    ) {
        self.key = key
        self.scope = scope
        self.dependencies = dependencies
        self.consumer = consumer
        self.location = location
        self.kind = kind
        self.make = make
        self.makeNow = makeNow
        self.constructor = constructor
    }

    /// A class provider with a synchronous constructor as well as the asynchronous factory: the
    /// form generated wiring uses for transient and run-scoped classes. When everything the
    /// provider needs can be built without suspending, resolving it runs `construct` and costs no
    /// asynchronous frame; otherwise `factory` runs.
    /// - Parameters:
    ///   - type: The provided type.
    ///   - scope: `.singleton` (default), `.transient` or `.run`.
    ///   - dependencies: What the closures resolve.
    ///   - consumer: The initialiser named in messages.
    ///   - location: `file:line` of the declaration.
    ///   - construct: Builds the instance, resolving with ``Resolver/resolveNow(_:)``.
    ///   - factory: Builds the instance, resolving with ``Resolver/resolve(_:)``.
    @inlinable
    public init<T>(
        _ type: T.Type,
        scope: ProviderScope = .singleton,
        dependencies: [DependencyDescriptor] = [],
        consumer: String? = nil,
        location: String? = nil,
        construct: @escaping @Sendable (Resolver) throws -> T,
        factory: @escaping @Sendable (Resolver) async throws -> T
    ) {
        self.init(
            key: ProviderKey(type), scope: scope, dependencies: dependencies,
            consumer: consumer, location: location, kind: .factory,
            make: { resolver in TypedInstanceBox(try await factory(resolver)) },
            makeNow: { resolver in TypedInstanceBox(try construct(resolver)) },
            constructor: TypedConstructor(construct)
        )
    }

    /// A singleton class or factory provider whose type must be `Sendable`, since every task that
    /// resolves it shares the instance. Generated wiring declares singletons this way, so a type that
    /// is not `Sendable` is a compile error at its declaration.
    /// - Parameters: as for ``init(_:scope:dependencies:consumer:location:factory:)``.
    public static func singleton<T: Sendable>(
        _ type: T.Type,
        dependencies: [DependencyDescriptor] = [],
        consumer: String? = nil,
        location: String? = nil,
        factory: @escaping @Sendable (Resolver) async throws -> T
    ) -> ProviderDescriptor {
        ProviderDescriptor(type, scope: .singleton, dependencies: dependencies, consumer: consumer, location: location,
                           factory: factory)
    }

    /// A class or factory provider keyed by a token.
    /// - Parameters:
    ///   - token: The token consumers ask for.
    ///   - scope: `.singleton` (default), `.transient` or `.run`.
    ///   - dependencies: What `factory` resolves.
    ///   - consumer: The factory named in messages.
    ///   - location: `file:line` of the declaration.
    ///   - factory: Builds the instance.
    public init<Token: ProviderToken>(
        token: Token.Type,
        scope: ProviderScope = .singleton,
        dependencies: [DependencyDescriptor] = [],
        consumer: String? = nil,
        location: String? = nil,
        factory: @escaping @Sendable (Resolver) async throws -> Token.Value
    ) {
        self.init(
            key: ProviderKey(token), scope: scope, dependencies: dependencies,
            consumer: consumer, location: location, kind: .factory,
            make: { resolver in TypedInstanceBox(try await factory(resolver)) }
        )
    }

    /// A factory provider in NestJS's `useFactory` + `inject` form: `make` receives the resolved
    /// `inject` types, in order.
    ///
    /// ```swift
    /// .factory(DatabaseConfig.self, inject: ConfigService.self) { config in try await config.database() }
    /// ```
    /// - Parameters:
    ///   - type: The provided type.
    ///   - scope: `.singleton` (default), `.transient` or `.run`.
    ///   - inject: The types `make` receives.
    ///   - location: `file:line` of the declaration.
    ///   - make: Builds the instance.
    public static func factory<T, each D>(
        _ type: T.Type,
        scope: ProviderScope = .singleton,
        inject: repeat (each D).Type,
        location: String? = nil,
        _ make: @escaping @Sendable (repeat each D) async throws -> T
    ) -> ProviderDescriptor {
        var dependencies: [DependencyDescriptor] = []
        for dependency in repeat each inject {
            dependencies.append(DependencyDescriptor("inject[\(dependencies.count)]", dependency))
        }
        return ProviderDescriptor(
            key: ProviderKey(type), scope: scope, dependencies: dependencies,
            consumer: "\(ProviderKey(type).name) factory", location: location, kind: .factory,
            make: { resolver in TypedInstanceBox(try await make(repeat try await resolver.resolve((each D).self))) }
        )
    }

    /// One contribution to the multi-binding `[Element]`: a consumer that depends on `[Element]`
    /// receives every contribution in the graph, in declaration order (modules breadth-first from
    /// the root). The collection has the narrowest scope of its contributions.
    /// - Parameters:
    ///   - element: The element type, e.g. `(any Plugin).self`.
    ///   - scope: The contribution's scope.
    ///   - dependencies: What `factory` resolves.
    ///   - consumer: The factory named in messages.
    ///   - location: `file:line` of the declaration.
    ///   - factory: Builds the element.
    public static func multi<Element>(
        _ element: Element.Type,
        scope: ProviderScope = .singleton,
        dependencies: [DependencyDescriptor] = [],
        consumer: String? = nil,
        location: String? = nil,
        factory: @escaping @Sendable (Resolver) async throws -> Element
    ) -> ProviderDescriptor {
        let binding = MultiBinding(element)
        let key = ProviderKey(identity: binding, name: "\(ProviderKey(element).name) (in \(binding.key.name))")
        return ProviderDescriptor(
            key: key, scope: scope, dependencies: dependencies,
            consumer: consumer ?? key.name, location: location, kind: .contribution(to: binding),
            make: { resolver in TypedInstanceBox(try await factory(resolver)) }
        )
    }

    /// A value provider keyed by a token.
    /// - Parameters:
    ///   - value: The instance to provide.
    ///   - token: The token consumers ask for.
    public static func value<Token: ProviderToken>(_ value: Token.Value, token: Token.Type) -> ProviderDescriptor
    where Token.Value: Sendable {
        let instance = TypedInstanceBox(value)
        return ProviderDescriptor(
            key: ProviderKey(token), scope: .singleton, dependencies: [],
            consumer: nil, location: nil, kind: .value,
            make: { _ in instance }, makeNow: { _ in instance }
        )
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
            make: { _ in instance }, makeNow: { _ in instance }
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
            make: { resolver in TypedInstanceBox(cast(try await resolver.resolve(existing))) },
            makeNow: { resolver in TypedInstanceBox(cast(try resolver.resolveNow(existing))) }
        )
    }

    /// The same provider with a declaration site, for hand-written value and alias providers.
    /// - Parameter location: `file:line` shown in front of validation messages.
    public func located(at location: String) -> ProviderDescriptor {
        ProviderDescriptor(
            key: key, scope: scope, dependencies: dependencies,
            consumer: consumer, location: location, kind: kind, make: make, makeNow: makeNow,
            constructor: constructor
        )
    }

    /// The name shown in messages: the consumer when given, otherwise the provided type.
    var displayName: String { consumer ?? key.name }
}
