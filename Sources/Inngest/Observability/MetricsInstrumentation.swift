// swift-metrics for runs, steps and the queue, compiled only with the package trait `Metrics`.

#if Metrics
import Metrics

/// Emits through swift-metrics' `MetricsSystem` (bootstrapped by the app; a no-op otherwise):
///
/// | metric | kind | dimensions |
/// | --- | --- | --- |
/// | `inngest.runs.started` | counter | `function` |
/// | `inngest.runs.completed`, `inngest.runs.failed`, `inngest.runs.cancelled` | counter | `function` |
/// | `inngest.step.duration` | timer | `function`, `step`, `outcome` (`ok`, `error`) |
/// | `inngest.queue.lag` | timer: a run's first execution after its event | `function` |
/// | `inngest.queue.depth` | gauge: unfinished runs on the database | `app` |
struct MetricsInstrumentation: RunInstrumentation {
    /// The app whose engine's queue is measured.
    let appId: String

    func execution(_ execution: RunExecution, _ body: () async -> ExecutionOutcome) async -> ExecutionOutcome {
        if execution.startsRun {
            let dimensions = [("function", execution.run.functionId)]
            Counter(label: "inngest.runs.started", dimensions: dimensions).increment()
            if let lag = execution.queueLag { Timer(label: "inngest.queue.lag", dimensions: dimensions).recordNanoseconds(lag.nanoseconds) }
        }
        return await body()
    }

    func step(_ step: StepExecution, _ body: () async throws -> JSONValue) async throws -> JSONValue {
        // How long the body really took, on the monotonic clock: the engine's clock gives run times
        // (a manual one in tests, where it does not move during a body), not durations to report.
        let start = ContinuousClock.now
        func record(_ outcome: String) {
            Timer(label: "inngest.step.duration", dimensions: [("function", step.run.functionId), ("step", step.stepId), ("outcome", outcome)])
                .recordNanoseconds((ContinuousClock.now - start).nanoseconds)
        }
        do {
            let value = try await body()
            record("ok")
            return value
        } catch {
            record("error")
            throw error
        }
    }

    func runEnded(_ end: RunEnd) {
        Counter(label: "inngest.runs.\(end.status.rawValue)", dimensions: [("function", end.functionId)]).increment()
    }

    func queueSampled(depth: Int) {
        Gauge(label: "inngest.queue.depth", dimensions: [("app", appId)]).record(depth)
    }
}

extension Duration {
    /// Whole nanoseconds, saturating.
    fileprivate var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : scaled + attoseconds / 1_000_000_000
    }
}
#endif
