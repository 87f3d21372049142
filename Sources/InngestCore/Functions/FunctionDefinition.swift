import InngestDI

/// A registered function with its type erased: what the generated registry produces and what the
/// engine and the serve handler execute. Its handler resolves in the module that lists its
/// ``home`` type (in `functions:`, or in `providers:` for a class whose methods are functions), or
/// else in the root module, and sees what that module sees.
public struct FunctionDefinition: Sendable {
    /// The function id.
    public let id: String
    /// The display name.
    public let name: String
    /// What starts a run: one or more events or schedules.
    public let triggers: [TriggerDefinition]
    /// Options.
    public let options: FunctionOptions
    /// Where it is declared (`file:line`), for messages.
    public let location: String?
    /// The transient provider that builds the handler, registered at boot in its home's module.
    public let handlerProvider: ProviderDescriptor?
    /// The type whose module hosts the handler: the function type, or the class whose method it runs.
    public private(set) var home: (any Any.Type)?
    /// The key of the provider whose module the function resolves in: its handler's, or for a
    /// failure companion, the failing function's handler's.
    package private(set) var handlerKey: ProviderKey?
    /// Runs the handler for one execution.
    let body: @Sendable (Resolver, Context) async throws -> JSONValue
    /// Runs the failure handler (`OnFailure`) for one execution of its `-failure` companion.
    let failureBody: (@Sendable (Resolver, Context) async throws -> Void)?

    /// Creates a definition from parts; the generated code uses this for marker-declared methods.
    /// - Parameters:
    ///   - id: the function id.
    ///   - name: the display name (defaults to the id).
    ///   - triggers: what starts a run; at least one.
    ///   - options: options.
    ///   - location: `file:line` of the declaration.
    ///   - handlerProvider: a provider to register for the handler, if any.
    ///   - body: runs one execution and returns the encoded output.
    public init(id: String, name: String? = nil, triggers: [TriggerDefinition], options: FunctionOptions = FunctionOptions(),
                location: String? = nil, handlerProvider: ProviderDescriptor? = nil,
                body: @escaping @Sendable (Resolver, Context) async throws -> JSONValue) {
        self.id = id
        self.name = name ?? id
        self.triggers = triggers
        self.options = options
        self.location = location
        self.handlerProvider = handlerProvider
        self.home = nil
        self.handlerKey = handlerProvider?.key
        self.body = body
        self.failureBody = nil
    }

    private init(copying definition: FunctionDefinition, failureBody: @escaping @Sendable (Resolver, Context) async throws -> Void) {
        self.id = definition.id
        self.name = definition.name
        self.triggers = definition.triggers
        self.options = definition.options
        self.location = definition.location
        self.handlerProvider = definition.handlerProvider
        self.home = definition.home
        self.handlerKey = definition.handlerKey
        self.body = definition.body
        self.failureBody = failureBody
    }

    /// Whether the function has a failure handler.
    public var hasFailureHandler: Bool { failureBody != nil }

    /// The companion function that runs the failure handler, as Inngest's SDKs register it: id
    /// `<id>-failure`, triggered by `inngest/function.failed` for this function (`<appId>-<id>`).
    /// - Parameter appId: the app id the failed runs report.
    /// - Returns: `nil` when the function has no failure handler.
    public func failureCompanion(appId: String) -> FunctionDefinition? {
        guard let failureBody else { return nil }
        let composite = appId.isEmpty ? id : "\(appId)-\(id)"
        let condition = "event.data.function_id == \(JSONValue.string(composite).jsonString)"
        var companion = FunctionDefinition(id: "\(id)-failure", name: "\(name) (failure)",
                                  triggers: [.event(name: "inngest/function.failed", if: condition)], options: FunctionOptions(),
                                  location: location) { resolver, context in
            try await failureBody(resolver, context)
            return .null
        }
        companion.home = home
        companion.handlerKey = handlerProvider?.key
        return companion
    }

    /// `functions` with the failure companion of each that has a failure handler.
    public static func withFailureCompanions(_ functions: [FunctionDefinition], appId: String) -> [FunctionDefinition] {
        functions + functions.compactMap { $0.failureCompanion(appId: appId) }
    }

    /// Creates a definition with one trigger.
    /// - Parameters: as for the form with `triggers`.
    public init(id: String, name: String? = nil, trigger: TriggerDefinition, options: FunctionOptions = FunctionOptions(),
                location: String? = nil, handlerProvider: ProviderDescriptor? = nil,
                body: @escaping @Sendable (Resolver, Context) async throws -> JSONValue) {
        self.init(id: id, name: name, triggers: [trigger], options: options, location: location, handlerProvider: handlerProvider, body: body)
    }

    /// Creates a definition for a conforming type whose output is `Encodable`.
    /// - Parameters:
    ///   - type: the function type.
    ///   - dependencies: its initialiser's parameters, for the boot-time graph check.
    ///   - consumer: the initialiser, e.g. `ProcessOrder.init(payments:)`.
    ///   - location: `file:line` of the declaration.
    ///   - home: the type whose module hosts the handler (default: `type`); the generated wrapper of a
    ///     method passes the method's class.
    ///   - make: builds the handler from its dependencies.
    public init<F: InngestFunction>(_ type: F.Type, dependencies: [DependencyDescriptor] = [], consumer: String? = nil,
                                    location: String? = nil, home: (any Any.Type)? = nil,
                                    make: @escaping @Sendable (Resolver) async throws -> F) where F.Output: Encodable {
        self.init(type, dependencies: dependencies, consumer: consumer, location: location, home: home, make: make) {
            try JSONValue(encoding: $0)
        }
    }

    /// Creates a definition for a conforming type that returns nothing.
    /// - Parameters: as for the `Encodable` form.
    public init<F: InngestFunction>(_ type: F.Type, dependencies: [DependencyDescriptor] = [], consumer: String? = nil,
                                    location: String? = nil, home: (any Any.Type)? = nil,
                                    make: @escaping @Sendable (Resolver) async throws -> F) where F.Output == Void {
        self.init(type, dependencies: dependencies, consumer: consumer, location: location, home: home, make: make) { _ in
            .null
        }
    }

    private init<F: InngestFunction>(_ type: F.Type, dependencies: [DependencyDescriptor], consumer: String?,
                                     location: String?, home: (any Any.Type)?,
                                     make: @escaping @Sendable (Resolver) async throws -> F,
                                     encode: @escaping @Sendable (F.Output) throws -> JSONValue) {
        let provider = ProviderDescriptor(F.self, scope: .transient, dependencies: dependencies,
                                          consumer: consumer ?? "\(F.self).init", location: location, factory: make)
        var plain = FunctionDefinition(id: F.id, name: F.name, triggers: F.trigger.definitions, options: F.options,
                                       location: location, handlerProvider: provider) { resolver, context in
            let input = try F.Input(triggeringEvents: context.events)
            let handler = try await resolver.resolve(F.self)
            return try encode(try await handler.handle(input, context: context))
        }
        plain.home = home ?? F.self
        if let failing = F.self as? any OnFailure.Type {
            self = FunctionDefinition(copying: plain, failureBody: Self.failureBody(failing))
        } else {
            self = plain
        }
    }

    private static func failureBody<H: OnFailure>(_ type: H.Type) -> @Sendable (Resolver, Context) async throws -> Void {
        { resolver, context in
            let failure = try FunctionFailure<H.Input>(failureEvent: context.event)
            let handler = try await resolver.resolve(H.self)
            try await handler.onFailure(failure, context: context)
        }
    }
}
