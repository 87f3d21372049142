/// A step reached by a branch of the handler, from the moment its id is claimed until its branch
/// is told what to do (`StepResolution`).
struct PendingStep: Sendable {
    /// What kind of step it is.
    enum Kind: Sendable {
        /// `step.run` or `step.sendEvent`: a body to run. `opts` as reported (`type`, `input`).
        case run(opts: JSONValue?)
        /// A step the orchestrator resolves (sleep, wait, invoke): the op that reports it.
        case suspend(Opcode, opts: JSONValue)
    }

    /// Where the step is in its round.
    enum Status: Sendable {
        /// Recorded in the memo: answered when its round is settled.
        case memoized(StepMemo)
        /// Not recorded (or recorded as an input to rerun with): the round decides whether it runs
        /// or is reported.
        case new(input: [JSONValue]?)
        /// Its body is running.
        case running
        /// Its body ran (or it was reported) in this round: what its branch is told once the round
        /// is settled.
        case finished(StepResolution)
    }

    /// The claim order: the n-th step reached in this execution.
    let index: Int
    /// The hashed id (`id:N` for repeats).
    let hashed: String
    /// The user's step id.
    let name: String
    let kind: Kind
    var status: Status
    /// Set once the branch waits for its round.
    var continuation: CheckedContinuation<StepResolution, Never>?

    /// Whether the step waits for its round to be settled (every status but `running`).
    var isWaiting: Bool {
        if case .running = status { return false }
        return true
    }

    /// Whether the round must decide what to do with it.
    var isNew: Bool {
        if case .new = status { return true }
        return false
    }

    /// Whether it has a body to run.
    var isRun: Bool {
        if case .run = kind { return true }
        return false
    }

    /// The op reporting the step without running it: `StepPlanned` for a run, its own op otherwise.
    var plannedOp: GeneratorOp {
        switch kind {
        case .run(let opts): GeneratorOp(op: .stepPlanned, id: hashed, name: name, opts: opts)
        case .suspend(let code, let opts): GeneratorOp(op: code, id: hashed, name: name, opts: opts)
        }
    }
}
