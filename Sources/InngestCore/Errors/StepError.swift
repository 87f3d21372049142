/// A step that failed for good (retries exhausted, or `NonRetriableError`). `step.run` throws it in
/// the handler, on this execution and on every replay; catch it to recover, or let it propagate to
/// fail the run without further retries.
public struct StepError: Error, Sendable, CustomStringConvertible {
    /// The step id as written in the handler.
    public let stepId: String
    /// The error the step threw, serialised.
    public let error: SerializedError

    /// Creates the error.
    public init(stepId: String, error: SerializedError) {
        self.stepId = stepId
        self.error = error
    }

    /// `step "charge" failed: PaymentDeclined: …`.
    public var description: String { "step \"\(stepId)\" failed: \(error)" }
}
