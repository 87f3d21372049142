import Inngest
import InngestCore
import Synchronization

/// The test engine's `StepInterceptor`: answers mocked steps, makes every step result go through
/// JSON bytes as Inngest's memo does, stops runs after a chosen step, and records every attempt,
/// every suspension and every event sent, for `TestRun`.
final class TestRecorder: StepInterceptor {
    /// What is known of one step of a run.
    struct StepLog {
        var id: String
        var tool: String
        var isMocked = false
        var attempts: [TestStep.Attempt] = []
        var output: JSONValue?
    }

    /// The steps of one run, in the order they were first reached.
    struct RunLog {
        var order: [String] = []
        var steps: [String: StepLog] = [:]

        mutating func update(_ step: InterceptedStep, _ change: (inout StepLog) -> Void) {
            if steps[step.hashedId] == nil {
                order.append(step.hashedId)
                steps[step.hashedId] = StepLog(id: step.id, tool: step.tool)
            }
            if var log = steps[step.hashedId] {
                change(&log)
                steps[step.hashedId] = log
            }
        }
    }

    /// A step after which the runs of its function stop.
    struct Stop: Hashable {
        var functionId: String
        var stepId: String
    }

    private struct State {
        var mocks: [StepMock]
        var runs: [String: RunLog] = [:]
        var sent: [SentEvent] = []
        var stops: Set<Stop> = []
        /// Runs stopped by a `Stop`, with the step they stopped after.
        var stopped: [String: String] = [:]
    }

    private let state: Mutex<State>
    private let engine: EmbeddedEngine

    init(engine: EmbeddedEngine, mocks: [StepMock]) {
        self.engine = engine
        self.state = Mutex(State(mocks: mocks))
    }

    // MARK: Configuration

    func add(_ mocks: [StepMock]) { state.withLock { $0.mocks += mocks } }

    /// Runs `operation` with runs of `stop`'s function stopping after its step.
    func stopping<R>(after stop: Stop?, _ operation: () async throws -> R) async throws -> R {
        guard let stop else { return try await operation() }
        state.withLock { _ = $0.stops.insert(stop) }
        defer { state.withLock { _ = $0.stops.remove(stop) } }
        return try await operation()
    }

    // MARK: Reading

    func steps(of runId: String) -> [TestStep] {
        state.withLock { state in
            guard let log = state.runs[runId] else { return [] }
            return log.order.compactMap { hashed in
                log.steps[hashed].map { TestStep(id: $0.id, hashedId: hashed, tool: $0.tool, isMocked: $0.isMocked, attempts: $0.attempts, output: $0.output) }
            }
        }
    }

    var sent: [SentEvent] { state.withLock { $0.sent } }

    func stoppedAfter(_ runId: String) -> String? { state.withLock { $0.stopped[runId] } }

    // MARK: StepInterceptor

    func replaces(functionId: String, runId: String, stepId: String) -> Bool {
        state.withLock { state in state.stopped[runId] != nil || Self.mock(in: state.mocks, functionId: functionId, stepId: stepId) != nil }
    }

    func execute(_ step: InterceptedStep, body: () async throws -> JSONValue) async throws -> JSONValue {
        let (mock, stopped) = state.withLock { state in
            (Self.mock(in: state.mocks, functionId: step.functionId, stepId: step.id), state.stopped[step.runId] != nil)
        }
        if stopped {
            // The run stopped after its chosen step: it is cancelled before this step's body runs.
            _ = try? await engine.cancel(runId: step.runId)
            throw CancellationError()
        }
        do {
            var produced: JSONValue
            if let mock {
                produced = try await mock.answer(StepMockCall(functionId: step.functionId, runId: step.runId, stepId: step.id,
                                                              hashedId: step.hashedId, attempt: step.attempt))
                // A `step.sendEvent` mocked to return nothing sent no event: it records no ids.
                if step.tool == "step.sendEvent" && produced == .null { produced = .object(["ids": .array([])]) }
            } else {
                produced = try await body()
            }
            let value = try Self.throughMemo(produced, step: step.id)
            record(step, mocked: mock != nil, TestStep.Attempt(number: step.attempt, output: value, error: nil), final: true)
            return value
        } catch {
            if error is CancellationError || Task.isCancelled { throw error }
            let final = error is NonRetriableError || error is NotSupportedError || step.attempt + 1 >= step.maxAttempts
            record(step, mocked: mock != nil, TestStep.Attempt(number: step.attempt, output: nil, error: SerializedError(error)), final: final)
            throw error
        }
    }

    func suspended(_ step: InterceptedStep, result: JSONValue?) {
        state.withLock { state in
            state.runs[step.runId, default: RunLog()].update(step) { log in
                if let result { log.output = result }
            }
            if result != nil, state.stops.contains(Stop(functionId: step.functionId, stepId: step.id)) {
                state.stopped[step.runId] = state.stopped[step.runId] ?? step.id
            }
        }
    }

    func sent(_ events: [InngestEvent], runId: String?, stepId: String?) {
        state.withLock { state in
            state.sent += events.map { SentEvent(event: $0, runId: runId, stepId: stepId) }
        }
    }

    // MARK: Pieces

    private func record(_ step: InterceptedStep, mocked: Bool, _ attempt: TestStep.Attempt, final: Bool) {
        state.withLock { state in
            state.runs[step.runId, default: RunLog()].update(step) { log in
                log.isMocked = log.isMocked || mocked
                log.attempts.append(attempt)
                if let output = attempt.output { log.output = output }
            }
            if final, state.stops.contains(Stop(functionId: step.functionId, stepId: step.id)) {
                state.stopped[step.runId] = state.stopped[step.runId] ?? step.id
            }
        }
    }

    /// The mock of a step: the last one for the function, else the last one for any function.
    private static func mock(in mocks: [StepMock], functionId: String, stepId: String) -> StepMock? {
        mocks.last { $0.stepId == stepId && $0.functionId == functionId } ?? mocks.last { $0.stepId == stepId && $0.functionId == nil }
    }

    /// `value` written as the JSON bytes Inngest's memo keeps and read back: what a replay sees,
    /// and what the handler continues with here.
    /// - Throws: `NonRetriableError` when the value cannot be kept (a non-finite number, too deep).
    static func throughMemo(_ value: JSONValue, step id: String) throws -> JSONValue {
        if let problem = value.payloadProblem(path: "the result of step \"\(id)\"") {
            throw NonRetriableError("\(problem): it would not survive Inngest's memo")
        }
        do {
            return try JSONValue(json: value.jsonBytes)
        } catch {
            throw NonRetriableError("the result of step \"\(id)\" would not survive Inngest's memo: its JSON does not read back (\(error))")
        }
    }
}
