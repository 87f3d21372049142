// swift-distributed-tracing spans for runs and steps, compiled only with the package trait `Tracing`.

#if Tracing
import Tracing

/// Starts spans with swift-distributed-tracing's `InstrumentationSystem` tracer (bootstrapped by
/// the app, e.g. with swift-otel; a no-op otherwise):
///
/// - `run <function id>`, kind consumer, around each execution of a run, a child of the caller's
///   span if there is one. Attributes `inngest.run.id`, `inngest.function.id`, `inngest.app.id`,
///   `inngest.attempt`, `inngest.run.starts` (whether it is the run's first execution); its status
///   is an error when the execution failed.
/// - `step <step id>`, a child of its run's span, around each step body that executes. Attributes
///   `inngest.step.id`, `inngest.attempt`; the body's error is recorded on it.
struct TracingInstrumentation: RunInstrumentation {
    func execution(_ execution: RunExecution, _ body: () async -> ExecutionOutcome) async -> ExecutionOutcome {
        await withSpan("run \(execution.run.functionId)", ofKind: .consumer) { span in
            span.attributes["inngest.run.id"] = execution.run.runId
            span.attributes["inngest.function.id"] = execution.run.functionId
            span.attributes["inngest.app.id"] = execution.run.appId
            span.attributes["inngest.attempt"] = execution.run.attempt
            span.attributes["inngest.run.starts"] = execution.startsRun
            let outcome = await body()
            if case .failed(let error, _, _) = outcome { span.setStatus(SpanStatus(code: .error, message: "\(error.name): \(error.message)")) }
            return outcome
        }
    }

    func step(_ step: StepExecution, _ body: () async throws -> JSONValue) async throws -> JSONValue {
        try await withSpan("step \(step.stepId)") { span in
            span.attributes["inngest.step.id"] = step.stepId
            span.attributes["inngest.attempt"] = step.attempt
            return try await body()
        }
    }
}
#endif
