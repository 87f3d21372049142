/// What a step mock's body is told about the call it answers.
public struct StepMockCall: Sendable, Hashable {
    /// The function whose handler called the step.
    public let functionId: String
    /// The run.
    public let runId: String
    /// The step id as written.
    public let stepId: String
    /// The hashed id: `id` for the first call, `id:1`, `id:2`… for repeats, hashed as Inngest does.
    public let hashedId: String
    /// The 0-based attempt: a mock that throws is called again on each retry.
    public let attempt: Int
}
