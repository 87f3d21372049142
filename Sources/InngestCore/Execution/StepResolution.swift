/// What a step waiting in a round is told once the round is settled.
enum StepResolution: Sendable {
    /// The step's result: recorded in the memo, or produced by its body in this round.
    case value(JSONValue)
    /// The step throws this: a `StepError`, a failed checkpoint, `ExecutionInterrupt`, a cancellation.
    case failure(any Error)
    /// Run the step's body now; `input` replaces its declared input when set (Inngest's "rerun
    /// with new input"). `concurrent` when other bodies of the round run at the same time: the
    /// body then runs on the global executor rather than the execution's serial one.
    case execute(input: [JSONValue]?, concurrent: Bool)
}
