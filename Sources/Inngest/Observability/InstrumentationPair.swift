/// Two instrumentations as one: `outer` wraps `inner`, and both are told everything.
struct InstrumentationPair: RunInstrumentation {
    let outer: any RunInstrumentation
    let inner: any RunInstrumentation

    func execution(_ execution: RunExecution, _ body: () async -> ExecutionOutcome) async -> ExecutionOutcome {
        await outer.execution(execution) { await inner.execution(execution, body) }
    }

    func step(_ step: StepExecution, _ body: () async throws -> JSONValue) async throws -> JSONValue {
        try await outer.step(step) { try await inner.step(step, body) }
    }

    func runEnded(_ end: RunEnd) {
        outer.runEnded(end)
        inner.runEnded(end)
    }

    func queueSampled(depth: Int) {
        outer.queueSampled(depth: depth)
        inner.queueSampled(depth: depth)
    }
}
