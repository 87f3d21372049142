import Foundation
import InngestExpression
import Synchronization

/// The mutable state of one execution: memo lookups, repeat counters for step ids, and the ops found.
/// Shared by the step tools of one `Context`; safe to use from parallel steps.
final class ExecutionSession: Sendable {
    private struct State {
        var memo: [String: StepMemo]
        var occurrences: [String: Int] = [:]
        var seen = 0
        var ops: [GeneratorOp] = []
        var retryAfter: Date?
        var progressed = false
        /// A checkpoint failed (the run was cancelled, or its result could not be stored): no
        /// further step may start, even if the handler swallows the error.
        var stopped: (any Error)?
    }

    /// Inngest's limit on one step's output.
    static let maximumOutputSize = 4 * 1024 * 1024

    let request: ExecutionRequest
    let checkpoint: Checkpoint?
    let events: (any EventSending)?
    let clock: any EngineClock
    private let state: Mutex<State>

    init(request: ExecutionRequest, checkpoint: Checkpoint?, events: (any EventSending)?, clock: any EngineClock) {
        self.request = request
        self.checkpoint = checkpoint
        self.events = events
        self.clock = clock
        self.state = Mutex(State(memo: request.memo))
    }

    /// The error of a checkpoint that failed, if one did: the execution's outcome, whatever the
    /// handler did with it.
    var checkpointFailure: (any Error)? { state.withLock { $0.stopped } }

    /// Ops found so far and the retry time a `StepError` asked for.
    var reported: (ops: [GeneratorOp], retryAfter: Date?) { state.withLock { ($0.ops, $0.retryAfter) } }

    /// True while memoized steps remain unanswered: the function is replaying old work.
    var isReplaying: Bool { state.withLock { $0.seen < $0.memo.count && $0.ops.isEmpty } }

    /// The attempt number of the step about to run: the request's attempt until this execution has
    /// made progress, then 0, as Inngest counts attempts per queue item.
    var currentAttempt: Int { state.withLock { $0.progressed ? 0 : request.attempt } }

    /// Claims the next occurrence of a user step id; throws `ExecutionInterrupt` once ops were reported.
    private func claim(_ id: String) throws -> (hashed: String, memo: StepMemo?) {
        try state.withLock { state in
            if let stopped = state.stopped { throw stopped }
            if !state.ops.isEmpty { throw ExecutionInterrupt() }
            let index = state.occurrences[id, default: 0]
            state.occurrences[id] = index + 1
            let hashed = StepIdentifier.hash(id, occurrence: index)
            let memo = state.memo[hashed]
            if memo != nil { state.seen += 1 }
            return (hashed, memo)
        }
    }

    private func report(_ op: GeneratorOp, retryAfter: Date? = nil) -> ExecutionInterrupt {
        state.withLock { state in
            state.ops.append(op)
            if let retryAfter { state.retryAfter = max(state.retryAfter ?? retryAfter, retryAfter) }
        }
        return ExecutionInterrupt()
    }

    private func record(_ hashed: String, _ memo: StepMemo) {
        state.withLock { state in
            state.memo[hashed] = memo
            state.seen += 1
            state.progressed = true
        }
    }

    /// Runs (or answers from memo) a step whose body produces a JSON value.
    func runStep(_ id: String, type: String?, body: (String) async throws -> JSONValue) async throws -> JSONValue {
        if StepScope.isInsideStep { throw NotSupportedError("a step inside another step's body (\"\(id)\")") }
        let (hashed, memo) = try claim(id)
        if let memo {
            switch memo {
            case .data(let value), .value(let value): return value
            case .error(let error): throw StepError(stepId: id, error: error)
            }
        }
        let opts: JSONValue? = type.map { .object(["type": .string($0)]) }
        if let target = request.targetStepId, target != hashed {
            throw ExecutionInterrupt()  // Targeted call: only the target step may run.
        }
        if request.targetStepId == nil && !request.immediateExecution {
            throw report(GeneratorOp(op: .stepPlanned, id: hashed, name: id, opts: opts))
        }
        let attempt = currentAttempt
        let value: JSONValue
        do {
            value = try await StepScope.$isInsideStep.withValue(true) { try await body(hashed) }
            if let problem = value.payloadProblem(path: "the result of step \"\(id)\"") { throw NonRetriableError(problem) }
            let size = value.jsonBytes.count
            if size > Self.maximumOutputSize {
                throw NonRetriableError("step \"\(id)\" returned \(size) bytes of JSON; Inngest accepts at most \(Self.maximumOutputSize) (4 MiB) "
                                        + "per step. Store large results elsewhere and return a reference.")
            }
        } catch {
            // A sibling's report or a cancellation stopped the body: the step did not fail, so
            // nothing is reported or recorded for it (it runs again on the next execution).
            if error is ExecutionInterrupt || error is CancellationError || Task.isCancelled { throw error }
            let serialized = SerializedError(error)
            if error is NonRetriableError || error is NotSupportedError || attempt + 1 >= request.maxAttempts {
                let op = GeneratorOp(op: .stepFailed, id: hashed, name: id, opts: opts, error: serialized)
                guard let checkpoint else { throw report(op) }
                try await commit(op, through: checkpoint)
                record(hashed, .error(serialized))
                throw StepError(stepId: id, error: serialized)
            }
            let retryAt = (error as? RetryAfterError)?.retryDate(after: clock.now())
            throw report(GeneratorOp(op: .stepError, id: hashed, name: id, opts: opts, error: serialized), retryAfter: retryAt)
        }
        let op = GeneratorOp(op: .stepRun, id: hashed, name: id, opts: opts, data: value)
        guard let checkpoint else { throw report(op) }
        try await commit(op, through: checkpoint)
        record(hashed, .data(value))
        return value
    }

    private func commit(_ op: GeneratorOp, through checkpoint: Checkpoint) async throws {
        do {
            try await checkpoint(op)
        } catch {
            state.withLock { $0.stopped = $0.stopped ?? error }
            throw error
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

    /// A step that suspends the run (sleep, wait): answered from memo, or reported and interrupted.
    func suspendingStep(_ id: String, op code: Opcode, opts: JSONValue) throws -> JSONValue {
        let (hashed, memo) = try claim(id)
        if let memo {
            switch memo {
            case .data(let value), .value(let value): return value
            case .error(let error): throw StepError(stepId: id, error: error)
            }
        }
        if let target = request.targetStepId, target != hashed { throw ExecutionInterrupt() }
        throw report(GeneratorOp(op: code, id: hashed, name: id, opts: opts))
    }
}

/// Thrown by step tools to stop the handler once the execution has something to report. The
/// executor ignores what the handler does with it: once an op is reported, the outcome is the ops.
struct ExecutionInterrupt: Error, CustomStringConvertible {
    var description: String {
        "the execution stopped at a step to report it; do not catch this error in a handler"
    }
}

/// Marks code running inside a step's body, where nested steps are not allowed.
enum StepScope {
    @TaskLocal static var isInsideStep = false
}
