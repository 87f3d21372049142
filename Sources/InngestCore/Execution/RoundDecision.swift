/// What to do with the steps of one round: the steps every branch of the handler reached before
/// the execution's task executor ran out of work (`SerialTaskExecutor`).
///
/// Branches advance in lockstep, one step per round, whether the step is recorded or new: the order
/// in which steps are claimed (and so the `N` of a repeated id's `id:N`) is then the same in the
/// run that first reached them and in every replay, and does not depend on how long a body took.
enum RoundDecision: Equatable {
    /// Give these steps their result (recorded, or produced in this round), in claim order; the
    /// others keep waiting.
    case resume([Int])
    /// Run these steps' bodies; every other step waits until they finished.
    case execute([Int])
    /// Report these new steps without running them (`StepPlanned` for runs, their own op for
    /// sleeps, waits and invokes), and run the bodies of `execute` (inline mode) before the
    /// execution stops.
    case report([Int], execute: [Int])
    /// A targeted call found its target already recorded: report the recorded result again.
    case reportRecorded(Int)
    /// A targeted call's target is not among the steps the handler reaches.
    case targetNotFound

    /// Decides a round.
    /// - Parameters:
    ///   - round: the waiting steps, in claim order.
    ///   - target: the hashed id of the step a targeted call runs; `nil` for discovery.
    ///   - immediateExecution: whether a single new `step.run` may run at once.
    ///   - inline: whether new steps run here and are checkpointed (the embedded engine), rather
    ///     than reported to a server.
    static func decide(_ round: [PendingStep], target: String?, immediateExecution: Bool, inline: Bool) -> RoundDecision {
        let fresh = round.filter(\.isNew)
        if let target {
            if let step = round.first(where: { $0.hashed == target }) {
                switch step.status {
                case .new:
                    return step.isRun ? .execute([step.index]) : .report([step.index], execute: [])
                case .memoized(.data), .memoized(.error):
                    if step.isRun { return .reportRecorded(step.index) }
                default:
                    break
                }
            }
            // Steps planned beside the target wait (another call runs them); recorded ones lead to
            // it. A branch that is still doing I/O may reach the target in a later round.
            let settled = round.filter { !$0.isNew }.map(\.index)
            return settled.isEmpty ? .targetNotFound : .resume(settled)
        }
        if fresh.isEmpty { return .resume(round.map(\.index)) }
        if inline {
            return .report(fresh.filter { !$0.isRun }.map(\.index), execute: fresh.filter(\.isRun).map(\.index))
        }
        if fresh.count == 1, fresh[0].isRun, immediateExecution { return .execute([fresh[0].index]) }
        return .report(fresh.map(\.index), execute: [])
    }
}
