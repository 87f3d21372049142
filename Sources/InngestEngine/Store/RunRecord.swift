#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestCore

/// The state of a run.
public enum RunStatus: String, Sendable, Codable, CaseIterable {
    /// Waiting to execute (now, after a backoff, or after a sleep).
    case queued
    /// Executing now, or interrupted by a crash (resumed at the next start).
    case running
    /// Finished with an output.
    case completed
    /// Failed for good.
    case failed
    /// Cancelled by `cancel(runId:)`, `cancelOn`, a timeout or a singleton; nothing more runs.
    case cancelled
    /// Never started: its event was turned away by a rate limit, idempotency or a singleton (the
    /// reason is on its timeline).
    case skipped
}

/// A run, as the engine's store records it.
public struct RunRecord: Sendable, Hashable {
    /// The run id.
    public let runId: String
    /// The function id.
    public let functionId: String
    /// The name of the triggering event.
    public let eventName: String
    /// The id of the triggering event.
    public let eventId: String
    /// Current state.
    public let status: RunStatus
    /// 0-based attempt of the current step.
    public let attempt: Int
    /// When the run was created.
    public let createdAt: Date
    /// When it next executes, while queued.
    public let nextAt: Date
    /// When it finished.
    public let endedAt: Date?
    /// The output, once completed.
    public let output: JSONValue?
    /// The error, once failed.
    public let error: SerializedError?
    /// The run whose `step.invoke` started this one, if any.
    public let parentRunId: String?
    /// Why a queued run is not executing yet: throttled, behind a full concurrency key, debounced
    /// or collecting a batch; `nil` otherwise.
    public let waitingFor: String?
}

/// One line of a run's step timeline.
public struct TimelineEntry: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable {
        /// A run was created by an event or a schedule.
        case runQueued = "run.queued"
        /// A run was resumed after the process restarted.
        case runResumed = "run.resumed"
        /// A step completed and its result was recorded.
        case stepCompleted = "step.completed"
        /// A step failed on an attempt and will be retried.
        case stepRetrying = "step.retrying"
        /// A step failed for good.
        case stepFailed = "step.failed"
        /// A sleep began.
        case sleeping = "step.sleeping"
        /// A `step.invoke` started another run and waits for it.
        case invoking = "step.invoking"
        /// A `step.waitForEvent` began.
        case waiting = "step.waiting"
        /// The function body failed on an attempt and will be retried.
        case runRetrying = "run.retrying"
        /// The run completed.
        case runCompleted = "run.completed"
        /// The run failed.
        case runFailed = "run.failed"
        /// The run was cancelled.
        case runCancelled = "run.cancelled"
        /// The event started no run: a rate limit, idempotency or a singleton turned it away.
        case runSkipped = "run.skipped"
        /// The run waits for flow control: a throttle, a full concurrency key, a debounce or a batch.
        case runDelayed = "run.delayed"
    }

    /// When.
    public let at: Date
    /// What.
    public let kind: Kind
    /// The step id as written by the user, when the entry is about a step.
    public let step: String?
    /// Details: an error, a retry time, an output.
    public let detail: String
}

/// A function as the app registered it at its last start, read from the database by tools.
public struct FunctionRecord: Sendable, Hashable {
    /// The function id (without the app id).
    public let id: String
    /// The display name.
    public let name: String
    /// Its triggers (`triggers`), retries (`retries`) and options, as the Inngest server reads them
    /// in a function config: `concurrency`, `throttle`, `cancel`, `timeouts` and so on.
    public let config: JSONValue
    /// Where it is declared (`file:line`), if known.
    public let location: String?
    /// When the app that registered it last started.
    public let registeredAt: Date
}
