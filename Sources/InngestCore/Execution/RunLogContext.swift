/// The run whose records a logger writes: it supplies their metadata and silences them while
/// completed steps are replayed. The executor sets it for the task tree of each execution, so a
/// logger injected into a service gets it too; `context.logger` carries its own.
struct RunLogContext: Sendable {
    let runId: String
    let functionId: String
    let session: ExecutionSession

    /// The execution the current task serves.
    @TaskLocal static var current: RunLogContext?

    /// Whether records are dropped: completed steps are being replayed, outside any step body
    /// (a body that executes is new work).
    var isSuppressed: Bool { StepScope.current == nil && session.isReplaying }

    /// `run`, `function`, `attempt` (the step's in its body, else the execution's) and, in a step's
    /// body, `step`.
    var metadata: [String: String] {
        var metadata = ["run": runId, "function": functionId]
        if let step = StepScope.current {
            metadata["step"] = step.id
            metadata["attempt"] = String(step.attempt)
        } else {
            metadata["attempt"] = String(session.currentAttempt)
        }
        return metadata
    }
}
