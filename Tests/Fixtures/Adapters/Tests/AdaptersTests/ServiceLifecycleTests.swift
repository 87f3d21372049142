// The `ServiceLifecycle` trait: a ServiceGroup runs the app and shuts it down gracefully.
import Inngest
import Logging
import ServiceLifecycle
import Testing

struct Announced: InngestFunction, Sendable {
    static let id = "announced"
    static let trigger = Trigger.event(Hello.self)

    func handle(_ hello: Hello, context: Context) async throws -> String {
        try await context.step.run("announce") { "hello \(hello.name)" }
    }
}

@Suite struct ServiceLifecycleTests {
    @Test func aServiceGroupRunsTheAppAndShutsItDownGracefully() async throws {
        var configuration = InngestConfiguration(appId: "lifecycle")
        configuration.engine.databasePath = ":memory:"
        configuration.engine.logger = InngestLogger(sink: InngestLogger.discard)
        let app = try await InngestApp.boot(RootModule.self, configuration: configuration, functions: [FunctionDefinition(handler: Announced())])
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [app], logger: Logger(label: "test")))
        let running = Task { try await group.run() }

        try await app.send(Hello(name: "Ada"))
        #expect(try await app.engine.waitUntilAllRunsFinish(timeout: .seconds(120)))
        await group.triggerGracefulShutdown()
        try await running.value

        // The group returned once the app had shut down: its engine takes no more events.
        await #expect(throws: EngineError.self) { try await app.send(Hello(name: "late")) }
        #expect(try await app.engine.runs(functionId: "announced").map(\.status) == [.completed])
    }
}
