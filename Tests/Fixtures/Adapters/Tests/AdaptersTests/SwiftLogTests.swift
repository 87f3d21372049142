// The `SwiftLog` trait: the framework's records reach a swift-log handler with their run metadata.
import InMemoryLogging
import Inngest
import Logging
import Testing

struct Chatty: InngestFunction, Sendable {
    static let id = "chatty"
    static let trigger = Trigger.event(Hello.self)

    func handle(_ hello: Hello, context: Context) async throws {
        context.logger.info("greeting \(hello.name)")
        try await context.step.run("shout") { context.logger.warning("shouting at \(hello.name)") }
        context.logger.debug("below the handler's level")
    }
}

@Suite struct SwiftLogTests {
    @Test func aSwiftLogHandlerReceivesRecordsWithTheRunsMetadata() async throws {
        let handler = InMemoryLogHandler()
        var configuration = InngestConfiguration(appId: "logs")
        configuration.engine.databasePath = ":memory:"
        configuration.engine.logger = InngestLogger(swiftLog: Logger(label: "test") { _ in handler })
        let app = try await InngestApp.boot(RootModule.self, configuration: configuration, functions: [FunctionDefinition(handler: Chatty())],
                                            startEngine: false)
        try await app.send(Hello(name: "Ada"))
        try await app.engine.runUntilIdle()
        let run = try #require(try await app.engine.runs(functionId: "chatty").first)
        #expect(run.status == .completed)

        let entries = handler.entries
        #expect(entries.map(\.message.description) == ["greeting Ada", "shouting at Ada"], "the debug record is below the handler's level")
        #expect(entries.map(\.level) == [.info, .warning])
        let greeting = try #require(entries.first)
        #expect(greeting.metadata == ["app": "logs", "run": .string(run.runId), "function": "chatty", "attempt": "0"])
        #expect(entries.last?.metadata == ["app": "logs", "run": .string(run.runId), "function": "chatty", "attempt": "0", "step": "shout"])
    }

    @Test func withTheTraitAStandardErrorLoggerGoesToSwiftLog() {
        let configuration = InngestConfiguration(appId: "bridged")
        #expect(configuration.engine.logger.format == nil, "the default logger is bridged to Logger(label: \"inngest\")")
        let quiet = InngestConfiguration(appId: "quiet", engine: EngineConfiguration(logger: InngestLogger(minimumLevel: .error, metadata: ["k": "v"])))
        #expect(quiet.engine.logger.format == nil && quiet.engine.logger.minimumLevel == .error && quiet.engine.logger.metadata == ["k": "v"],
                "bridged with its level and metadata")
    }
}
