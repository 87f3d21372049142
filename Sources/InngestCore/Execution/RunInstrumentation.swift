#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Sees runs and steps as they execute: the seam the `Metrics` and `Tracing` traits plug into, and
/// yours for another backend. Set it as `EngineConfiguration.instrumentation`; the embedded engine
/// and the serve handler both call it. Unset (the default), nothing is called.
///
/// - `execution(_:_:)` wraps each execution of a run: the handler from its first replayed step to
///   the outcome. A run that sleeps, waits or retries executes several times.
/// - `step(_:_:)` wraps each step body that executes (`step.run`, `step.sendEvent`), inside its
///   run's `execution`; steps answered from the memo are not executed and not seen.
/// - `runEnded(_:)` reports a run that finished for good.
/// - `queueSampled(depth:)` reports the embedded engine's queue, every few seconds.
///
/// Every requirement has a default that does nothing (or just calls `body`), so a conformance
/// implements only what it needs. Wrappers call `body` exactly once and return what it returned.
public protocol RunInstrumentation: Sendable {
    /// Wraps one execution of a run.
    /// - Parameters:
    ///   - execution: the run, the attempt, and whether this execution starts the run.
    ///   - body: runs the handler; call it once.
    /// - Returns: `body`'s outcome.
    func execution(_ execution: RunExecution, _ body: () async -> ExecutionOutcome) async -> ExecutionOutcome

    /// Wraps the body of a step that executes.
    /// - Parameters:
    ///   - step: the run, the step id and the attempt.
    ///   - body: runs the step's body; call it once.
    /// - Returns: the body's result.
    /// - Throws: the body's error.
    func step(_ step: StepExecution, _ body: () async throws -> JSONValue) async throws -> JSONValue

    /// A run finished for good.
    /// - Parameter end: the run and how it ended.
    func runEnded(_ end: RunEnd)

    /// The embedded engine's queue was measured.
    /// - Parameter depth: the runs not finished on the engine's database: queued (due now, or
    ///   later: sleeping, waiting for an event or an invoked run, backing off, held by flow
    ///   control) or running.
    func queueSampled(depth: Int)
}

extension RunInstrumentation {
    /// Runs `body`.
    public func execution(_ execution: RunExecution, _ body: () async -> ExecutionOutcome) async -> ExecutionOutcome { await body() }
    /// Runs `body`.
    public func step(_ step: StepExecution, _ body: () async throws -> JSONValue) async throws -> JSONValue { try await body() }
    /// Does nothing.
    public func runEnded(_ end: RunEnd) {}
    /// Does nothing.
    public func queueSampled(depth: Int) {}
}

/// One execution of a run, as `RunInstrumentation.execution(_:_:)` sees it.
public struct RunExecution: Sendable, Hashable {
    /// The run, its function, the attempt of its first new step (or body) and the app.
    public let run: RunIdentity
    /// Whether this is the run's first execution (no step recorded, first attempt).
    public let startsRun: Bool
    /// For a first execution, how long after its triggering event's timestamp it began; nil
    /// otherwise, or when the event has no timestamp.
    public let queueLag: Duration?

    /// Creates a description of an execution.
    public init(run: RunIdentity, startsRun: Bool, queueLag: Duration?) {
        self.run = run
        self.startsRun = startsRun
        self.queueLag = queueLag
    }
}

/// A step body that executes, as `RunInstrumentation.step(_:_:)` sees it.
public struct StepExecution: Sendable, Hashable {
    /// The run.
    public let run: RunIdentity
    /// The step id, as written in the function.
    public let stepId: String
    /// The attempt of this execution of the step, from 0.
    public let attempt: Int

    /// Creates a description of a step execution.
    public init(run: RunIdentity, stepId: String, attempt: Int) {
        self.run = run
        self.stepId = stepId
        self.attempt = attempt
    }
}

/// A run that finished, as `RunInstrumentation.runEnded(_:)` sees it.
public struct RunEnd: Sendable, Hashable {
    /// How a run ended.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// It returned an output.
        case completed
        /// It failed for good.
        case failed
        /// It was cancelled.
        case cancelled
    }

    /// The run's id.
    public let runId: String
    /// Its function's id.
    public let functionId: String
    /// How it ended.
    public let status: Status

    /// Creates a run end.
    public init(runId: String, functionId: String, status: Status) {
        self.runId = runId
        self.functionId = functionId
        self.status = status
    }
}
