// The `Metrics` trait: runs, steps and the queue are counted and timed through swift-metrics.
import Inngest
import Metrics
import MetricsTestKit
import Testing

struct Metered: InngestFunction, Sendable {
    static let id = "metered"
    static let trigger = Trigger.event(Hello.self)
    static let options = FunctionOptions(retries: 0)

    func handle(_ hello: Hello, context: Context) async throws {
        try await context.step.run("first") {}
        if hello.name == "fail" { throw NonRetriableError("asked to fail") }
        if hello.name == "sleep" { try await context.step.sleep("nap", for: .hours(1)) }
    }
}

@Suite struct MetricsTests {
    @Test func runsStepsAndTheQueueAreCountedAndTimed() async throws {
        let metrics = Backends.metrics
        var configuration = InngestConfiguration(appId: "metrics")
        configuration.engine.databasePath = ":memory:"
        configuration.engine.logger = InngestLogger(sink: InngestLogger.discard)
        let app = try await InngestApp.boot(RootModule.self, configuration: configuration, functions: [FunctionDefinition(handler: Metered())],
                                            startEngine: false)
        for name in ["ok", "fail", "sleep"] { try await app.send(Hello(name: name)) }
        try await app.engine.runUntilIdle()
        let sleeping = try #require(try await app.engine.runs(status: .queued, functionId: "metered").first)
        #expect(try await app.engine.cancel(runId: sleeping.runId))

        let function = [("function", "metered")]
        #expect(metrics.counterTotal(label: "inngest.runs.started", dimensions: function) == 3)
        #expect(metrics.counterTotal(label: "inngest.runs.completed", dimensions: function) == 1)
        #expect(metrics.counterTotal(label: "inngest.runs.failed", dimensions: function) == 1)
        #expect(metrics.counterTotal(label: "inngest.runs.cancelled", dimensions: function) == 1)
        let steps = try metrics.expectTimer("inngest.step.duration", [("function", "metered"), ("step", "first"), ("outcome", "ok")])
        #expect(steps.values.count == 3)
        #expect(try metrics.expectTimer("inngest.queue.lag", function).values.count == 3)

        // The running engine measures its queue at once: the sleeping run was cancelled, none is left.
        try await app.engine.start()
        await app.engine.shutdown()
        #expect(try metrics.expectGauge("inngest.queue.depth", [("app", "metrics")]).values == [0])
    }
}
