/// Inngest's op codes, as the server spells them. Only codes the executor emits are listed: an
/// unknown op fails the server's whole response parse.
public enum Opcode: String, Codable, Sendable, Hashable {
    /// A `step.run` that ran, with its output.
    case stepRun = "StepRun"
    /// A step that failed on an attempt with retries left.
    case stepError = "StepError"
    /// A step that failed for good.
    case stepFailed = "StepFailed"
    /// A step discovered but not run (parallel or deferred execution).
    case stepPlanned = "StepPlanned"
    /// A durable sleep.
    case sleep = "Sleep"
    /// Wait for a matching event.
    case waitForEvent = "WaitForEvent"
    /// Invoke another function.
    case invokeFunction = "InvokeFunction"
}
