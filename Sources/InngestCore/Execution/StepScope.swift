/// The step whose body the current task runs: nested steps are not allowed there, and log records
/// carry its id and attempt.
struct StepScope: Sendable {
    /// The step id, as written by the user.
    let id: String
    /// The attempt of this execution of the body, from 0.
    let attempt: Int

    /// The step whose body the current task runs, if any.
    @TaskLocal static var current: StepScope?

    /// Whether the current task runs a step's body.
    static var isInsideStep: Bool { current != nil }
}
