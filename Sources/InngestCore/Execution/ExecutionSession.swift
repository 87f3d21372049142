#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestExpression
import Synchronization

/// The state of one execution: memo lookups, repeat counters for step ids, the steps waiting in
/// the current round, and the ops found. Shared by the step tools of one `Context`; safe to use
/// from parallel branches.
///
/// Every step tool claims its id and then waits until the round is settled: when the execution's
/// `SerialTaskExecutor` has no job left, every branch that runs on it has reached a step (or
/// finished, or waits on something elsewhere). The round is then decided (`RoundDecision`): recorded
/// steps get their results; in protocol mode a single new `step.run` runs at once (when immediate
/// execution is allowed) and anything else is reported together, `StepPlanned` for runs; inline
/// (embedded engine), new runs run concurrently and are checkpointed, and their branches continue
/// together once all of them finished.
final class ExecutionSession: Sendable {
    private struct State {
        var memo: [String: StepMemo]
        var occurrences: [String: Int] = [:]
        var seen = 0
        var nextIndex = 0
        /// Claimed steps not yet told what to do, or whose body runs.
        var steps: [Int: PendingStep] = [:]
        /// Resolutions decided before the step's branch waited for them.
        var undelivered: [Int: StepResolution] = [:]
        var running = 0
        var ops: [(index: Int, op: GeneratorOp)] = []
        var retryAfter: Date?
        var progressed = false
        /// A checkpoint failed (the run was cancelled, or its result could not be stored): no
        /// further step may start, even if the handler swallows the error.
        var stopped: (any Error)?
        var targetNotFound = false
        /// The handler returned: steps claimed later (from escaped tasks) are refused.
        var closed = false
        /// The handler's body returned (its results still held go with the outcome).
        var returned = false

        typealias Delivery = (CheckedContinuation<StepResolution, Never>, StepResolution)

        /// Tells step `index` what to do: resumes its branch if it waits, else keeps the answer
        /// for when it does. A step told to execute stays, as running.
        mutating func hand(_ index: Int, _ resolution: StepResolution, into deliveries: inout [Delivery]) {
            guard var step = steps[index] else { return }
            let continuation = step.continuation
            if case .execute = resolution {
                step.status = .running
                step.continuation = nil
                steps[index] = step
                running += 1
            } else {
                steps[index] = nil
            }
            if let continuation {
                deliveries.append((continuation, resolution))
            } else {
                undelivered[index] = resolution
            }
        }

        /// The steps waiting for their round, in claim order.
        var waiting: [PendingStep] {
            steps.values.filter(\.isWaiting).sorted { $0.index < $1.index }
        }

        mutating func failAll(_ error: any Error, into deliveries: inout [Delivery]) {
            for step in waiting { hand(step.index, .failure(error), into: &deliveries) }
        }
    }

    /// Inngest's limit on one step's output.
    static let maximumOutputSize = 4 * 1024 * 1024

    let request: ExecutionRequest
    /// The function executed: for the test engine's ``StepInterceptor`` and the instrumentation.
    let functionId: String
    let checkpoint: Checkpoint?
    let events: (any EventSending)?
    let clock: any EngineClock
    /// Told about each step body that executes; `nil` costs nothing.
    let instrumentation: (any RunInstrumentation)?
    /// The task executor the handler's branches run on.
    let executor: SerialTaskExecutor
    private let state: Mutex<State>

    init(request: ExecutionRequest, functionId: String = "", checkpoint: Checkpoint?, events: (any EventSending)?, clock: any EngineClock,
         instrumentation: (any RunInstrumentation)? = nil) {
        self.request = request
        self.functionId = functionId
        self.checkpoint = checkpoint
        self.events = events
        self.clock = clock
        self.instrumentation = instrumentation
        self.executor = SerialTaskExecutor(urgent: request.resumed)
        self.state = Mutex(State(memo: request.memo))
        executor.onIdle { [weak self] in self?.settle() }
    }

    /// The error of a checkpoint that failed, if one did: the execution's outcome, whatever the
    /// handler did with it.
    var checkpointFailure: (any Error)? { state.withLock { $0.stopped } }

    /// Whether a targeted call's target was not among the steps the handler reached.
    var targetNotFound: Bool { state.withLock { $0.targetNotFound } }

    /// Ops found so far, in the order their steps were claimed, and the retry time a `StepError`
    /// asked for.
    var reported: (ops: [GeneratorOp], retryAfter: Date?) {
        state.withLock { state in (state.ops.sorted { $0.index < $1.index }.map(\.op), state.retryAfter) }
    }

    /// True while memoized steps remain unanswered: the function is replaying old work.
    var isReplaying: Bool { state.withLock { $0.seen < $0.memo.count && $0.ops.isEmpty } }

    /// The attempt number of the step about to run: the request's attempt until this execution has
    /// made progress, then 0, as Inngest counts attempts per queue item.
    var currentAttempt: Int { state.withLock { $0.progressed ? 0 : request.attempt } }

    /// Ends the execution once the handler returned: steps still waiting (in tasks that escaped
    /// the handler) are interrupted, and later ones refused.
    func close() {
        var deliveries: [State.Delivery] = []
        state.withLock { state in
            state.closed = true
            state.failAll(ExecutionInterrupt(), into: &deliveries)
        }
        for (continuation, resolution) in deliveries { continuation.resume(returning: resolution) }
    }

    // MARK: Claiming and waiting

    private struct Ticket {
        let index: Int
        let hashed: String
        let name: String
        /// The step's result, when it was known at claim: see `claim`.
        var settled: StepResolution?
    }

    /// Claims the next occurrence of a user step id and enters it in the current round.
    private func claim(_ id: String, kind: (_ input: [JSONValue]?) -> PendingStep.Kind) throws -> Ticket {
        try state.withLock { state in
            if state.closed { throw ExecutionInterrupt() }
            // One hash lookup: the default-value subscript is modified in place.
            let occurrence = Self.postIncrement(&state.occurrences[id, default: 0])
            let hashed = StepIdentifier.hash(id, occurrence: occurrence)
            let status: PendingStep.Status
            var input: [JSONValue]?
            switch state.memo[hashed] {
            case .input(let arguments)?:
                status = .new(input: arguments)
                input = arguments
                state.seen += 1
            case let memo?:
                status = .memoized(memo)
                state.seen += 1
            case nil:
                status = .new(input: nil)
            }
            let index = state.nextIndex
            state.nextIndex += 1
            // A recorded step reached by the only branch, in a round of its own, gets its result at
            // once: settling that round would resume it with that result and nothing else. A replay
            // takes this path at every step, without entering the step in the round.
            if case .memoized(let memo) = status, state.steps.isEmpty, state.ops.isEmpty, state.stopped == nil,
               request.targetStepId == nil, executor.isRunningAlone {
                return Ticket(index: index, hashed: hashed, name: id, settled: Self.resolution(of: memo, step: id))
            }
            state.steps[index] = PendingStep(index: index, hashed: hashed, name: id, kind: kind(input), status: status)
            return Ticket(index: index, hashed: hashed, name: id)
        }
    }

    private static func postIncrement(_ value: inout Int) -> Int {
        defer { value += 1 }
        return value
    }

    /// Waits until the step's round is settled. A cancelled branch stops waiting at once (its step
    /// leaves the round unreported).
    nonisolated(nonsending) private func wait(_ ticket: Ticket) async -> StepResolution {
        // A run claimed before its sleep ends replays up to here ahead of time; the sleep's own
        // return, or anything not replayed, waits for the sleep's end.
        if let gate = request.wakeGate, !gate.isDecided, ticket.settled == nil || gate.holds(ticket.hashed) {
            guard await passWakeGate(gate) else { return .failure(ExecutionInterrupt()) }
        }
        if let settled = ticket.settled { return settled }
        if let resolution = settleAlone(ticket) { return resolution }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<StepResolution, Never>) in
                let ready: StepResolution? = state.withLock { state in
                    if let resolution = state.undelivered.removeValue(forKey: ticket.index) { return resolution }
                    guard state.steps[ticket.index] != nil else { return .failure(ExecutionInterrupt()) }
                    state.steps[ticket.index]?.continuation = continuation
                    return nil
                }
                if let ready {
                    continuation.resume(returning: ready)
                } else {
                    executor.nudge()
                }
            }
        } onCancel: {
            var deliveries: [State.Delivery] = []
            state.withLock { state in
                guard let step = state.steps[ticket.index], step.isWaiting else { return }
                state.hand(ticket.index, .failure(CancellationError()), into: &deliveries)
            }
            for (continuation, resolution) in deliveries { continuation.resume(returning: resolution) }
            executor.nudge()
        }
    }

    /// Waits at `gate`; when the engine stopped first, no step may start any more.
    nonisolated(nonsending) func passWakeGate(_ gate: WakeGate) async -> Bool {
        if await gate.pass() { return true }
        state.withLock { $0.stopped = $0.stopped ?? ExecutionInterrupt() }
        return false
    }

    /// Settles the current round, once the executor ran out of work: decides what every waiting
    /// step does, then resumes their branches in claim order (so that they run in that order).
    func settle() {
        var deliveries: [State.Delivery] = []
        let waiting = state.withLock { state in
            settle(&state, into: &deliveries)
            return !state.returned && !state.closed
        }
        for (continuation, resolution) in deliveries { continuation.resume(returning: resolution) }
        // No job is left before the handler returned: it waits on something else, with results held.
        if waiting { request.heldCheckpoints?.commitSoon() }
    }

    /// The handler's body returned: the executor going idle now means the execution ends, and
    /// results still held go with its outcome.
    func handlerReturned() {
        state.withLock { $0.returned = true }
    }

    /// Settles a round whose only step is `ticket`'s, without suspending its branch, when that
    /// branch runs on the executor as its only job: the round would be settled as soon as it
    /// suspended, with the same result. Sequential handlers take this path at every step.
    private func settleAlone(_ ticket: Ticket) -> StepResolution? {
        guard executor.isRunningAlone else { return nil }
        return state.withLock { state in
            guard state.steps.count == 1, state.steps[ticket.index]?.isWaiting == true else { return nil }
            var deliveries: [State.Delivery] = []
            settle(&state, into: &deliveries)
            return state.undelivered.removeValue(forKey: ticket.index)
        }
    }

    private func settle(_ state: inout State, into deliveries: inout [State.Delivery]) {
        guard !state.closed, state.running == 0 else { return }
        let round = state.waiting
        guard !round.isEmpty else { return }
        if let stopped = state.stopped {
            state.failAll(stopped, into: &deliveries)
            return
        }
        if !state.ops.isEmpty {
            state.failAll(ExecutionInterrupt(), into: &deliveries)
            return
        }
        func execute(_ indices: [Int]) {
            for index in indices {
                guard let step = state.steps[index], case .new(let input) = step.status else { continue }
                state.hand(index, .execute(input: input, concurrent: indices.count > 1), into: &deliveries)
            }
        }
        switch RoundDecision.decide(round, target: request.targetStepId, immediateExecution: request.immediateExecution,
                                    inline: checkpoint != nil) {
        case .resume(let indices):
            for index in indices {
                guard let step = state.steps[index] else { continue }
                state.hand(index, Self.result(of: step), into: &deliveries)
            }
        case .execute(let indices):
            execute(indices)
        case .report(let reported, let executed):
            for index in reported {
                guard let step = state.steps[index] else { continue }
                state.ops.append((index, step.plannedOp))
                state.steps[index]?.status = .finished(.failure(ExecutionInterrupt()))
            }
            execute(executed)
            if state.running == 0 { state.failAll(ExecutionInterrupt(), into: &deliveries) }
        case .reportRecorded(let index):
            if let step = state.steps[index], let op = Self.recordedOp(of: step) { state.ops.append((index, op)) }
            state.failAll(ExecutionInterrupt(), into: &deliveries)
        case .targetNotFound:
            state.targetNotFound = true
            state.failAll(ExecutionInterrupt(), into: &deliveries)
        }
    }

    /// What a settled step's branch gets: its recorded result, or what its body produced.
    private static func result(of step: PendingStep) -> StepResolution {
        switch step.status {
        case .memoized(let memo): resolution(of: memo, step: step.name)
        case .finished(let resolution): resolution
        case .new, .running: .failure(ExecutionInterrupt())
        }
    }

    /// What a recorded step's branch gets.
    private static func resolution(of memo: StepMemo, step name: String) -> StepResolution {
        switch memo {
        case .data(let value), .value(let value): .value(value)
        case .error(let error): .failure(StepError(stepId: name, error: error))
        case .input: .failure(ExecutionInterrupt())
        }
    }

    /// The op reporting a recorded `step.run` again (a targeted call for a step already done).
    private static func recordedOp(of step: PendingStep) -> GeneratorOp? {
        guard case .run(let opts) = step.kind, case .memoized(let memo) = step.status else { return nil }
        switch memo {
        case .data(let value): return GeneratorOp(op: .stepRun, id: step.hashed, name: step.name, opts: opts, data: value)
        case .error(let error): return GeneratorOp(op: .stepFailed, id: step.hashed, name: step.name, opts: opts, error: error)
        case .value, .input: return nil
        }
    }

    /// Records what a step's body produced and waits for the rest of its round.
    /// - Parameters:
    ///   - op: the op to report (protocol mode, or a `StepError` inline), if any.
    ///   - memo: the result to record in the memo (inline, once checkpointed).
    nonisolated(nonsending) private func finish(_ ticket: Ticket, _ resolution: StepResolution, report op: GeneratorOp? = nil, retryAfter: Date? = nil,
                        record memo: StepMemo? = nil) async throws -> JSONValue {
        state.withLock { state in
            state.running -= 1
            state.steps[ticket.index]?.status = .finished(resolution)
            if let op { state.ops.append((ticket.index, op)) }
            if let retryAfter { state.retryAfter = max(state.retryAfter ?? retryAfter, retryAfter) }
            if let memo {
                state.memo[ticket.hashed] = memo
                state.seen += 1
                state.progressed = true
            }
        }
        switch await wait(ticket) {
        case .value(let value): return value
        case .failure(let error): throw error
        case .execute: throw ExecutionInterrupt()
        }
    }

    // MARK: Step kinds

    /// The options reported for a run: `type` for special runs (`step.sendEvent`), `input` for the
    /// arguments it ran with; `nil` when neither applies.
    static func runOptions(type: String?, input: [JSONValue]?) -> JSONValue? {
        var members: [String: JSONValue] = [:]
        if let type { members["type"] = .string(type) }
        if let input { members["input"] = .array(input) }
        return members.isEmpty ? nil : .object(members)
    }

    /// Runs (or answers from memo) a step whose body produces a JSON value.
    /// - Parameters:
    ///   - type: the `opts.type` Inngest's SDKs report for special runs, e.g. `step.sendEvent`.
    ///   - input: the arguments the body takes, reported as `opts.input`; a memo holding only
    ///     `{"input": […]}` replaces them (the body receives the new ones).
    ///   - body: the work, given the hashed id and the input to use (`nil`: the declared one).
    nonisolated(nonsending) func runStep(_ id: String, type: String?, input: [JSONValue]? = nil,
                 body: (_ hashed: String, _ input: [JSONValue]?) async throws -> JSONValue) async throws -> JSONValue {
        if StepScope.isInsideStep { throw NotSupportedError("a step inside another step's body (\"\(id)\")") }
        let ticket = try claim(id) { override in .run(opts: Self.runOptions(type: type, input: override ?? input)) }
        let override: [JSONValue]?
        let concurrent: Bool
        switch await wait(ticket) {
        case .value(let value): return value
        case .failure(let error): throw error
        case .execute(let input, let alongside):
            override = input
            concurrent = alongside
        }
        let opts = Self.runOptions(type: type, input: override ?? input)
        // No body starts before every earlier result is durable.
        if let held = request.heldCheckpoints {
            do {
                try await held.commitHeld()
            } catch {
                state.withLock { $0.stopped = $0.stopped ?? error }
                return try await finish(ticket, .failure(error))
            }
        }
        let attempt = currentAttempt
        let value: JSONValue
        do {
            // Several bodies of one round (inline) run in parallel on the global executor.
            let admission = request.admission
            await admission?.enter()
            defer { admission?.leave() }
            let interceptor = StepInterception.current
            let step = InterceptedStep(functionId: functionId, runId: request.runId, id: id, hashedId: ticket.hashed,
                                       tool: type ?? "step.run", attempt: attempt, maxAttempts: request.maxAttempts)
            value = try await withTaskExecutorPreference(concurrent ? globalConcurrentExecutor : nil) {
                try await StepScope.$current.withValue(StepScope(id: id, attempt: attempt)) {
                    // A test's step mock, if one is set, stands in for the body (InngestTesting).
                    func run() async throws -> JSONValue {
                        guard let interceptor else { return try await body(ticket.hashed, override) }
                        return try await interceptor.execute(step) { try await body(ticket.hashed, override) }
                    }
                    guard let instrumentation else { return try await run() }
                    let identity = RunIdentity(runId: request.runId, functionId: functionId, attempt: attempt, appId: request.appId)
                    return try await instrumentation.step(StepExecution(run: identity, stepId: id, attempt: attempt), run)
                }
            }
            if let problem = value.payloadProblem(path: "the result of step \"\(id)\"") { throw NonRetriableError(problem) }
            let size = value.jsonBytes.count
            if size > Self.maximumOutputSize {
                throw NonRetriableError("step \"\(id)\" returned \(size) bytes of JSON; Inngest accepts at most \(Self.maximumOutputSize) (4 MiB) "
                                        + "per step. Store large results elsewhere and return a reference.")
            }
        } catch {
            // A cancellation stopped the body: the step did not fail, so nothing is reported or
            // recorded for it (it runs again on the next execution).
            if error is ExecutionInterrupt || error is CancellationError || Task.isCancelled {
                return try await finish(ticket, .failure(error))
            }
            let serialized = SerializedError(error)
            if error is NonRetriableError || error is NotSupportedError || attempt + 1 >= request.maxAttempts {
                let op = GeneratorOp(op: .stepFailed, id: ticket.hashed, name: id, opts: opts, error: serialized)
                guard let checkpoint else { return try await finish(ticket, .failure(ExecutionInterrupt()), report: op) }
                do {
                    try await commit(op, through: checkpoint, alone: !concurrent)
                } catch {
                    return try await finish(ticket, .failure(error))
                }
                return try await finish(ticket, .failure(StepError(stepId: id, error: serialized)), record: .error(serialized))
            }
            let retryAt = (error as? RetryAfterError)?.retryDate(after: clock.now())
            let op = GeneratorOp(op: .stepError, id: ticket.hashed, name: id, opts: opts, error: serialized)
            return try await finish(ticket, .failure(ExecutionInterrupt()), report: op, retryAfter: retryAt)
        }
        let op = GeneratorOp(op: .stepRun, id: ticket.hashed, name: id, opts: opts, data: value)
        guard let checkpoint else { return try await finish(ticket, .failure(ExecutionInterrupt()), report: op) }
        do {
            try await commit(op, through: checkpoint, alone: !concurrent)
        } catch {
            return try await finish(ticket, .failure(error))
        }
        return try await finish(ticket, .value(value), record: .data(value))
    }

    /// Commits a finished step's op, or hands it to `heldCheckpoints` when the step ran alone.
    nonisolated(nonsending) private func commit(_ op: GeneratorOp, through checkpoint: Checkpoint, alone: Bool) async throws {
        if alone, let held = request.heldCheckpoints, held.hold(op) { return }
        do {
            try await checkpoint(op)
        } catch {
            state.withLock { $0.stopped = $0.stopped ?? error }
            throw error
        }
    }

    /// A step that suspends the run (sleep, wait, invoke): answered from memo, or reported.
    nonisolated(nonsending) func suspendingStep(_ id: String, op code: Opcode, opts: JSONValue) async throws -> JSONValue {
        if StepScope.isInsideStep { throw NotSupportedError("a step inside another step's body (\"\(id)\")") }
        let interceptor = StepInterception.current
        // A test replaces the step: it runs as a `step.run` whose result is the replacement.
        if let interceptor, interceptor.replaces(functionId: functionId, runId: request.runId, stepId: id) {
            return try await runStep(id, type: Self.tool(of: code)) { _, _ in .null }
        }
        let ticket = try claim(id) { _ in .suspend(code, opts: opts) }
        let resolution = await wait(ticket)
        if let interceptor {
            let step = InterceptedStep(functionId: functionId, runId: request.runId, id: id, hashedId: ticket.hashed,
                                       tool: Self.tool(of: code), attempt: currentAttempt, maxAttempts: request.maxAttempts)
            if case .value(let value) = resolution { interceptor.suspended(step, result: value) } else { interceptor.suspended(step, result: nil) }
        }
        switch resolution {
        case .value(let value): return value
        case .failure(let error): throw error
        case .execute: throw ExecutionInterrupt()
        }
    }

    /// The step tool of a suspending op, as the test engine names it.
    private static func tool(of code: Opcode) -> String {
        switch code {
        case .sleep: "step.sleep"
        case .waitForEvent: "step.waitForEvent"
        case .invokeFunction: "step.invoke"
        default: code.rawValue
        }
    }

    /// Refuses a `waitForEvent` condition that does not parse, naming the step and the column.
    func checkWaitExpression(_ expression: String?, step id: String) throws {
        guard let expression else { return }
        do {
            _ = try InngestExpression.Expression.parse(expression, variables: ["event", "async"])
        } catch {
            throw NonRetriableError("step.waitForEvent \"\(id)\": the condition \"\(expression)\" is not an expression Inngest accepts: \(error)")
        }
    }

    /// Inngest's id of a function of this app: `<appId>-<id>`, or `id` without an app id.
    func compositeId(of functionId: String) -> String {
        request.appId.isEmpty ? functionId : "\(request.appId)-\(functionId)"
    }
}

