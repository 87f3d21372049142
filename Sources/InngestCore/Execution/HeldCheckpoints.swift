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
}
