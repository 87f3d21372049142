import InngestDI

/// A registered function with its type erased: what the generated registry produces and what the
/// engine and the serve handler execute. Its handler is resolved in the root module's context, so
/// it sees what the root module sees.
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
    /// The transient provider that builds the handler, registered in the root module at boot.
    public let handlerProvider: ProviderDescriptor?
    /// Runs the handler for one execution.
    let body: @Sendable (Resolver, Context) async throws -> JSONValue

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
        self.body = body
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
    ///   - make: builds the handler from its dependencies.
    public init<F: InngestFunction>(_ type: F.Type, dependencies: [DependencyDescriptor] = [], consumer: String? = nil,
                                    location: String? = nil,
                                    make: @escaping @Sendable (Resolver) async throws -> F) where F.Output: Encodable {
        self.init(type, dependencies: dependencies, consumer: consumer, location: location, make: make) {
            try JSONValue(encoding: $0)
        }
    }

    /// Creates a definition for a conforming type that returns nothing.
    /// - Parameters: as for the `Encodable` form.
    public init<F: InngestFunction>(_ type: F.Type, dependencies: [DependencyDescriptor] = [], consumer: String? = nil,
                                    location: String? = nil,
                                    make: @escaping @Sendable (Resolver) async throws -> F) where F.Output == Void {
        self.init(type, dependencies: dependencies, consumer: consumer, location: location, make: make) { _ in
            .null
        }
    }

    private init<F: InngestFunction>(_ type: F.Type, dependencies: [DependencyDescriptor], consumer: String?,
                                     location: String?,
                                     make: @escaping @Sendable (Resolver) async throws -> F,
                                     encode: @escaping @Sendable (F.Output) throws -> JSONValue) {
        let provider = ProviderDescriptor(F.self, scope: .transient, dependencies: dependencies,
                                          consumer: consumer ?? "\(F.self).init", location: location, factory: make)
        self.init(id: F.id, name: F.name, triggers: F.trigger.definitions, options: F.options,
                  location: location, handlerProvider: provider) { resolver, context in
            let input = try F.Input(triggeringEvent: context.event)
            let handler = try await resolver.resolve(F.self)
            return try encode(try await handler.handle(input, context: context))
        }
    }
}
