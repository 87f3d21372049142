#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// A booted app: the module graph built, every registered function known to the engine.
///
/// ```swift
/// let app = try await InngestApp.boot(AppModule.self)
/// try await app.send(.orderPlaced(OrderPlaced(orderId: "o-1", total: 42)))
/// ```
public final class InngestApp: Sendable {
    /// The dependency container.
    public let container: Container
    /// The embedded engine.
    public let engine: EmbeddedEngine
    /// The event client (also injectable into any provider as `InngestClient`).
    public let client: InngestClient
    /// Every registered function, sorted by id.
    public let functions: [FunctionDefinition]
    /// The configuration.
    public let configuration: InngestConfiguration
    /// The time source of the engine and the serve handler.
    public let clock: any EngineClock

    private init(container: Container, engine: EmbeddedEngine, client: InngestClient, functions: [FunctionDefinition],
                 configuration: InngestConfiguration, clock: any EngineClock) {
        self.container = container
        self.engine = engine
        self.client = client
        self.functions = functions
        self.configuration = configuration
        self.clock = clock
    }

    /// Boots the app: collects the functions of every module reachable from `root`, checks and builds
    /// the module graph (every problem reported at once, before anything runs), opens the store,
    /// resumes runs a crash interrupted, and starts executing.
    /// - Parameters:
    ///   - root: the root module.
    ///   - configuration: app id and engine settings.
    ///   - functions: extra functions (e.g. from `FunctionDefinition(handler:)` in tests).
    ///   - overrides: providers that replace the module graph's (tests).
    ///   - moduleOverrides: whole modules replaced wherever they are imported (tests).
    ///   - clock: the engine's time source.
    ///   - startEngine: false to drive the engine by hand (`engine.runUntilIdle()`).
    /// - Throws: `DependencyGraphError`, `EngineError`, or a lifecycle hook's error.
    public static func boot(_ root: any Module.Type, configuration: InngestConfiguration = InngestConfiguration(),
                            functions extra: [FunctionDefinition] = [], overrides: [ProviderDescriptor] = [],
                            moduleOverrides: [ModuleOverride] = [],
                            clock: any EngineClock = SystemClock(), startEngine: Bool = true) async throws -> InngestApp {
        try await boot(root, configuration: configuration, functions: extra, replacing: [], overrides: overrides,
                       moduleOverrides: moduleOverrides, clock: clock, startEngine: startEngine)
    }

    /// Boots as `boot(_:configuration:functions:overrides:moduleOverrides:clock:startEngine:)`, with `replacements`
    /// standing in for the registered functions of the same ids (test mocks).
    package static func boot(_ root: any Module.Type, configuration: InngestConfiguration, functions extra: [FunctionDefinition],
                             replacing replacements: [FunctionDefinition], overrides: [ProviderDescriptor],
                             moduleOverrides: [ModuleOverride] = [],
                             clock: any EngineClock, startEngine: Bool) async throws -> InngestApp {
        let (collected, providers) = try collectRegistrations(from: root, moduleOverrides: moduleOverrides)
        let replaced = Set(replacements.map(\.id))
        let functions = (collected + extra).filter { !replaced.contains($0.id) } + replacements
        let box = Mutex<Container?>(nil)
        var engineConfiguration = configuration.engine
        engineConfiguration.logger.metadata["app"] = configuration.appId
        engineConfiguration.appId = configuration.appId
        let transport: (any EventSending)?
        if case .inngest(let serve) = configuration.orchestration {
            guard serve.appId == configuration.appId else {
                throw InngestConfigurationError(
                    "the app id is \"\(configuration.appId)\" but the serve configuration says \"\(serve.appId)\"; use one id for both")
            }
            engineConfiguration.databasePath = ":memory:"  // Idle: the server keeps the state.
            transport = try EventAPIClient(configuration: serve)
        } else {
            transport = nil
        }
        let engine = try EmbeddedEngine(functions: functions, configuration: engineConfiguration, clock: clock) { function in
            // The engine only executes after boot has stored the container.
            guard let container = box.withLock({ $0 }) else { preconditionFailure("the engine ran a function before boot finished") }
            return function.handlerKey.map(container.resolver(owning:)) ?? container.rootResolver
        }
        let client = InngestClient(transport: transport ?? engine)
        // Each handler resolves in the module that lists its home type (NestJS controllers), else in the root.
        let hosted = functions.compactMap { function in
            function.handlerProvider.map { HostedProvider(home: function.home.map(ObjectIdentifier.init) ?? $0.key.id, provider: $0) }
        }
        let container = try await Container.boot(
            root, rootProviders: providers, globalProviders: [.value(client), .value(engineConfiguration.logger), RunIdentity.provider],
            overrides: overrides, hosted: hosted, moduleOverrides: moduleOverrides)
        box.withLock { $0 = container }
        let app = InngestApp(container: container, engine: engine, client: client,
                             functions: functions.sorted { $0.id < $1.id }, configuration: configuration, clock: clock)
        guard case .embedded = configuration.orchestration else { return app }
        let resumed = try await engine.start(runLoop: startEngine)
        if resumed > 0 {
            configuration.engine.logger.info("resumed \(resumed) run(s) interrupted by a previous stop")
        }
        return app
    }

    /// The HTTP endpoint an Inngest server calls (GET introspection, PUT sync, POST execute), serving
    /// this app's functions with its module graph. Route every method of your serve path (by
    /// convention `/api/inngest`) to `handle(_:)` in your HTTP server.
    /// - Parameter configuration: keys, mode and URLs; `ServeConfiguration.fromEnvironment(appId:)`
    ///   reads the `INNGEST_*` variables.
    public func serveHandler(_ configuration: ServeConfiguration) -> InngestServeHandler {
        let container = self.container
        return InngestServeHandler(functions: functions, configuration: configuration,
                                   resolver: { function in function.handlerKey.map(container.resolver(owning:)) ?? container.rootResolver },
                                   events: client.transport, logger: self.configuration.engine.logger, clock: clock,
                                   instrumentation: self.configuration.engine.instrumentation)
    }

    /// Sends one event. See `InngestClient.send`.
    @discardableResult
    public func send(_ event: some EventConvertible, id: String? = nil, at: Date? = nil, user: JSONValue? = nil) async throws -> String {
        try await client.send(event, id: id, at: at, user: user)
    }

    /// Sends several events in one call: each is accepted with the runs it triggers (the embedded
    /// engine accepts more than 100 in parts). See `InngestClient.send`.
    @discardableResult
    public func send(_ events: [any EventConvertible]) async throws -> [String] {
        try await client.send(events)
    }

    /// Stops the engine (executing runs stop at their next step boundary, their steps committed,
    /// within `deadline`), then runs the shutdown hooks in reverse order, once the engine stopped.
    /// - Parameters:
    ///   - signal: the signal that caused it, passed to the hooks.
    ///   - deadline: how long executing steps may take to finish.
    public func shutdown(signal: String? = nil, deadline: Duration = .seconds(10)) async {
        await engine.shutdown(deadline: deadline)
        await container.shutdown(signal: signal)
    }

    /// Runs until the process receives SIGTERM or SIGINT, then shuts down gracefully (see
    /// `shutdown(signal:deadline:)`): the last line of an app's `main`.
    /// - Parameter deadline: how long executing steps may take to finish.
    public func runUntilTerminated(deadline: Duration = .seconds(10)) async {
        let signal = await TerminationSignal.wait()
        await shutdown(signal: signal, deadline: deadline)
    }

    /// The functions and root-provided injectables of every module reachable from `root`, once each.
    static func collectRegistrations(from root: any Module.Type, moduleOverrides: [ModuleOverride] = []) throws
        -> ([FunctionDefinition], [ProviderDescriptor]) {
        let replaced = Dictionary(moduleOverrides.map { (ObjectIdentifier($0.module), $0.replacement) }) { first, _ in first }
        var seenModules = Set<ObjectIdentifier>()
        var providers: [ProviderDescriptor] = []
        var providerKeys = Set<ProviderKey>()
        var pending: [any Module.Type] = [root]
        var byId: [String: FunctionDefinition] = [:]
        var order: [String] = []
        while let declared = pending.popLast() {
            guard seenModules.insert(ObjectIdentifier(declared)).inserted else { continue }
            let module = replaced[ObjectIdentifier(declared)] ?? declared
            pending.append(contentsOf: module.moduleDescriptor.allImports)
            guard let registered = module as? any RegisteredFunctions.Type else { continue }
            for provider in registered.registeredProviders where providerKeys.insert(provider.key).inserted {
                providers.append(provider)
            }
            for function in registered.registeredFunctions {
                if let existing = byId[function.id] {
                    if existing.location != function.location { throw EngineError.duplicateFunction(id: function.id) }
                    continue
                }
                byId[function.id] = function
                order.append(function.id)
            }
        }
        return (order.compactMap { byId[$0] }, providers)
    }
}
