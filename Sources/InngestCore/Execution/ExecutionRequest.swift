#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One execution of a function: what Inngest's server sends in an execute call, and what the
/// embedded engine loads from its store.
public struct ExecutionRequest: Sendable {
    /// The triggering events; the first is `event`.
    public var events: [InngestEvent]
    /// Memoized step state, by hashed step id.
    public var memo: [String: StepMemo]
    /// The run id.
    public var runId: String
    /// 0-based attempt of the current (first new) step or of the function body.
    public var attempt: Int
    /// Retries + 1.
    public var maxAttempts: Int
    /// A hashed step id to run now (Inngest's `stepId` query parameter); `nil` for discovery.
    public var targetStepId: String?
    /// Whether a newly found `step.run` may run at once (false after parallel steps were planned).
    public var immediateExecution: Bool
    /// The app id: `step.invoke` names a function of this app `<appId>-<function id>`, as Inngest does.
    public var appId: String
    /// Admits each `step.run` body to execute: the embedded engine's concurrency limits count the
    /// bodies executing, parallel ones included; `nil` admits every body at once.
    package var admission: (any StepAdmission)?
    /// Whether the run started before (it wakes from a sleep, a wait, an invoke or a retry): its
    /// jobs go before those of runs starting now, so that a due timer is not late behind a burst.
    package var resumed = false
    /// For a run claimed before its sleep ends: what past the sleep waits for its end.
    package var wakeGate: WakeGate?
    /// Where the results of steps executed alone may wait for the run's next write (embedded
    /// engine); `nil`: each is committed through the `Checkpoint` before the function continues.
    package var heldCheckpoints: (any HeldCheckpoints)?

    /// Creates a request.
    public init(events: [InngestEvent], memo: [String: StepMemo] = [:], runId: String, attempt: Int = 0,
                maxAttempts: Int = FunctionOptions().maxAttempts, targetStepId: String? = nil, immediateExecution: Bool = true,
                appId: String = "") {
        self.events = events
        self.memo = memo
        self.runId = runId
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.targetStepId = targetStepId
        self.immediateExecution = immediateExecution
        self.appId = appId
    }
}

/// What an execution produced, in Inngest's vocabulary.
public enum ExecutionOutcome: Sendable, Hashable {
    /// The function returned (HTTP 200); the encoded output.
    case completed(JSONValue)
    /// The function stopped at steps to report (HTTP 206): `StepRun`, `StepError`, `StepFailed`,
    /// `StepPlanned`, `Sleep`… `retryAfter` is set when a `StepError` asked for a later retry.
    case ops([GeneratorOp], retryAfter: Date?)
    /// The function failed (HTTP 500/400). Retried unless `retriable` is false.
    case failed(SerializedError, retriable: Bool, retryAfter: Date?)
}

/// Admits step bodies to execute, as a concurrency limit does: `enter` returns once the body may
/// run, and `leave` is called once it finished.
package protocol StepAdmission: Sendable {
    /// Waits until one more step body may execute.
    func enter() async
    /// A step body finished.
    func leave()
}

/// Persists a step's op before the function continues past it (embedded mode). Throwing stops the
/// execution: the step's effect may have happened but its result is not recorded.
public typealias Checkpoint = @Sendable (GeneratorOp) async throws -> Void

/// Sends events on behalf of `step.sendEvent` and `InngestClient`.
public protocol EventSending: Sendable {
    /// Accepts events durably and returns their ids, in order.
    func send(_ events: [InngestEvent]) async throws -> [String]
}
