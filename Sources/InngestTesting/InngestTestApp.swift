import Foundation
import Inngest

/// An app on a private in-memory engine and a manual clock, driven step by step from a test.
///
/// ```swift
/// let app = try await InngestTestApp.boot(AppModule.self, overrides: [.value(FakePayments(), as: PaymentService.self)])
/// try await app.send(OrderPlaced(orderId: "o-1", total: 42))
/// try await app.runUntilIdle()                 // runs everything due now
/// try await app.advance(by: .minutes(5))       // sleeps and backoffs elapse
/// #expect(try await app.runs().first?.status == .completed)
/// ```
public struct InngestTestApp: Sendable {
    /// The booted app.
    public let app: InngestApp
    /// The clock that time-dependent behaviour follows.
    public let clock: ManualClock

    /// Boots a root module on an in-memory engine with a manual clock. Retries wait exactly as the
    /// retry policy says (no jitter).
    /// - Parameters:
    ///   - root: the root module.
    ///   - clock: the manual clock to run on (pass one to share it with fakes).
    ///   - functions: extra functions, e.g. `FunctionDefinition(handler:)` built with fakes.
    ///   - mocks: stand-ins for registered functions of the same ids, e.g. `.mock(ChargeCard.self) { _ in "pay_1" }`
    ///     for a function the code under test invokes.
    ///   - overrides: providers replacing the module graph's.
    ///   - moduleOverrides: whole modules replaced wherever they are imported.
    ///   - retryPolicy: backoff between retries.
    public static func boot(_ root: any Module.Type, clock: ManualClock = ManualClock(), functions: [FunctionDefinition] = [],
                            mocks: [FunctionDefinition] = [], overrides: [ProviderDescriptor] = [],
                            moduleOverrides: [ModuleOverride] = [],
                            retryPolicy: RetryPolicy = RetryPolicy(jitter: 0)) async throws -> InngestTestApp {
        let configuration = InngestConfiguration(
            appId: "test", engine: EngineConfiguration(databasePath: ":memory:", retryPolicy: retryPolicy,
                                                       logger: InngestLogger(sink: InngestLogger.discard)))
        let app = try await InngestApp.boot(root, configuration: configuration, functions: functions, replacing: mocks,
                                            overrides: overrides, moduleOverrides: moduleOverrides, clock: clock,
                                            startEngine: false)
        return InngestTestApp(app: app, clock: clock)
    }

    /// Sends an event (runs start at the next `runUntilIdle`).
    @discardableResult
    public func send(_ event: some EventConvertible, id: String? = nil) async throws -> String {
        try await app.send(event, id: id)
    }

    /// Executes everything due at the current virtual time.
    public func runUntilIdle() async throws { try await app.engine.runUntilIdle() }

    /// Advances virtual time, then executes everything that became due.
    public func advance(by duration: Duration) async throws {
        clock.advance(by: duration)
        try await runUntilIdle()
    }

    /// Runs, newest first.
    public func runs(functionId: String? = nil) async throws -> [RunRecord] {
        try await app.engine.runs(functionId: functionId)
    }

    /// A run's timeline.
    public func timeline(of runId: String) async throws -> [TimelineEntry] {
        try await app.engine.timeline(of: runId)
    }
}

/// An empty root module for tests that register functions directly.
public struct EmptyTestModule: Module {
    /// No imports, no providers.
    public static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("EmptyTestModule") }
}
