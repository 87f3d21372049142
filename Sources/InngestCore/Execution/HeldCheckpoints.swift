/// What an engine does with the checkpoint of a step that executed alone: it may hold the result
/// back, so that it goes into the same transaction as whatever the run writes next. A held result
/// is committed before any later step body starts (so no step ever acts on a result that a crash
/// could undo), and at the latest with the execution's outcome; a crash before that runs only that
/// step again, as it would had it crashed just before its checkpoint.
package protocol HeldCheckpoints: Sendable {
    /// Holds `op`, a `StepRun` or `StepFailed`; false when it cannot be held (it is then
    /// committed through the execution's `Checkpoint`).
    func hold(_ op: GeneratorOp) -> Bool

    /// Commits every result held so far, and waits for commits of them already under way. Throwing
    /// stops the execution, as a failed checkpoint does.
    func commitHeld() async throws

    /// The execution waits on something that is not a step (its executor ran out of jobs before
    /// the handler returned): what is held is committed now, without waiting for the run's next
    /// write, so that a result is never left uncommitted while the handler waits for a timer, a
    /// network call or another task. A failure surfaces at the next `commitHeld()`.
    func commitSoon()
}
