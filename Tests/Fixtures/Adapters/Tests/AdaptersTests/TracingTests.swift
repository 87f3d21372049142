// The `Tracing` trait: a span per run execution and per step, the steps children of their run.
import InMemoryTracing
import Inngest
import InngestHummingbird
import Hummingbird
import NIOCore
import Testing
import Tracing

struct Traced: InngestFunction, Sendable {
    static let id = "traced"
    static let trigger = Trigger.event(Hello.self)

    func handle(_ hello: Hello, context: Context) async throws {
        try await context.step.run("one") {}
        try await context.step.run("two") {}
    }
}

@Suite struct TracingTests {
    private func spans(ofRun runId: String) -> (run: FinishedInMemorySpan?, steps: [FinishedInMemorySpan]) {
        let finished = Backends.tracer.finishedSpans
        let run = finished.first { $0.attributes.get("inngest.run.id") == .string(runId) }
        return (run, finished.filter { span in run.map { span.parentSpanID == $0.spanID } ?? false })
    }

    @Test func theEmbeddedEngineTracesARunAndItsSteps() async throws {
        _ = Backends.tracer
        var configuration = InngestConfiguration(appId: "traces")
        configuration.engine.databasePath = ":memory:"
        configuration.engine.logger = InngestLogger(sink: InngestLogger.discard)
        let app = try await InngestApp.boot(RootModule.self, configuration: configuration, functions: [FunctionDefinition(handler: Traced())],
                                            startEngine: false)
        try await app.send(Hello(name: "Ada"))
        try await app.engine.runUntilIdle()
        let runId = try #require(try await app.engine.runs(functionId: "traced").first?.runId)

        let (run, steps) = spans(ofRun: runId)
        let span = try #require(run)
        #expect(span.operationName == "run traced")
        #expect(span.kind == .consumer)
        #expect(span.attributes.get("inngest.function.id") == .string("traced"))
        #expect(span.attributes.get("inngest.run.starts") == .bool(true))
        #expect(steps.map(\.operationName) == ["step one", "step two"])
        #expect(steps.allSatisfy { $0.traceID == span.traceID })
        #expect(steps.map { $0.attributes.get("inngest.step.id") } == [.string("one"), .string("two")])
    }

    @Test func theServePathTracesTheExecutionsAnInngestServerAsksFor() async throws {
        _ = Backends.tracer
        let serve = try ServeConfiguration(appId: "hb-traces", mode: .dev)
        let app = try await InngestApp.boot(RootModule.self, configuration: InngestConfiguration(appId: "hb-traces", orchestration: .inngest(serve)),
                                            functions: [FunctionDefinition(handler: Greet())])
        let router = Router()
        router.addInngest(app.serveHandler(serve))
        let call = greetCall.replacingOccurrences(of: "01RUN", with: "01TRACEDRUN")
        let response = try await router.respond(to: "/api/inngest?fnId=hb-traces-greet&stepId=step", method: .post, body: ByteBuffer(string: call))
        #expect(response.status.code == 206)

        let (run, steps) = spans(ofRun: "01TRACEDRUN")
        #expect(run?.operationName == "run greet")
        #expect(steps.map(\.operationName) == ["step compose"])
    }
}
