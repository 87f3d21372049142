/// A step as a test engine sees it when it steps into an execution.
package struct InterceptedStep: Sendable, Hashable {
    /// The function whose handler reached the step.
    package let functionId: String
    /// The run.
    package let runId: String
    /// The step id as written.
    package let id: String
    /// The hashed id (`id:N` for repeats), the step's memo key.
    package let hashedId: String
    /// The tool: `step.run`, `step.sendEvent`, `step.sleep`, `step.waitForEvent` or `step.invoke`.
    package let tool: String
    /// The 0-based attempt.
    package let attempt: Int
    /// Retries + 1.
    package let maxAttempts: Int
}
