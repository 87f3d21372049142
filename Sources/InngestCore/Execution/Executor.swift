#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestDI

/// The one execution core: runs a function against its memoized state and says, in Inngest's
/// vocabulary, what happens next. The embedded engine, the serve handler and the test engine all
/// drive this; none re-implements step semantics.
///
/// With a `checkpoint`, new `step.run`s run inline and each result is persisted before the handler
/// continues (no O(n²) replay); parallel ones run concurrently. Without one, as Inngest's HTTP
/// protocol expects, a single new step runs and is reported as an op, and parallel steps are
/// reported together (`StepPlanned` for runs) for the server to run each in its own call.
public enum Executor {
    /// Runs one execution.
    /// - Parameters:
    ///   - function: the function.
    ///   - request: events, memo, run id and attempt.
    ///   - resolver: resolves the handler and its dependencies.
    ///   - checkpoint: persists step ops in embedded mode; `nil` for protocol mode.
    ///   - events: sends events for `step.sendEvent`.
    ///   - logger: the base logger.
    ///   - clock: the time source for sleep dates and retry times.
    ///   - instrumentation: told about the execution and each step body it runs; `nil` costs nothing.
    /// - Returns: the outcome.
    public static func execute(_ function: FunctionDefinition, request: ExecutionRequest, resolver: Resolver,
                               checkpoint: Checkpoint? = nil, events: (any EventSending)? = nil,
                               logger: InngestLogger = InngestLogger(), clock: any EngineClock = SystemClock(),
                               instrumentation: (any RunInstrumentation)? = nil) async -> ExecutionOutcome {
        let session = ExecutionSession(request: request, functionId: function.id, checkpoint: checkpoint, events: events, clock: clock,
                                       instrumentation: instrumentation)
        guard let instrumentation else {
            return await execute(function, session: session, resolver: resolver, logger: logger, clock: clock)
        }
        let identity = RunIdentity(runId: request.runId, functionId: function.id, attempt: request.attempt, appId: request.appId)
        let startsRun = !request.resumed && request.memo.isEmpty && request.attempt == 0
        let now = Int64((clock.now().timeIntervalSince1970 * 1000).rounded())
        let lag = startsRun ? request.events.first?.ts.map { Duration.milliseconds(max(0, now - $0)) } : nil
        return await instrumentation.execution(RunExecution(run: identity, startsRun: startsRun, queueLag: lag)) {
            await execute(function, session: session, resolver: resolver, logger: logger, clock: clock)
        }
    }

    private static func execute(_ function: FunctionDefinition, session: ExecutionSession, resolver: Resolver,
                                logger: InngestLogger, clock: any EngineClock) async -> ExecutionOutcome {
        let request = session.request
        let context = Context(functionId: function.id, session: session, logger: logger)
        // Every logger used in the handler's task tree writes the run's metadata, and is silent on replay.
        let logContext = RunLogContext(runId: request.runId, functionId: function.id, session: session)
        // The handler's branches run on the session's serial executor, so that a round of steps is
        // settled only once every branch reached its step (see `ExecutionSession`).
        let result: Result<JSONValue, any Error> = await withTaskExecutorPreference(session.executor) {
            let outcome: Result<JSONValue, any Error>
            do {
                // One run scope per invocation: run-scoped providers are built once for it and told when it ends.
                let identity = RunIdentity(runId: request.runId, functionId: function.id, attempt: request.attempt, appId: request.appId)
                outcome = .success(try await RunLogContext.$current.withValue(logContext) {
                    try await RunScope.withRunScope(attachment: identity) {
                        defer { session.handlerReturned() }
                        return try await function.body(resolver, context)
                    }
                })
            } catch {
                outcome = .failure(error)
            }
            // A run claimed before its sleep ended that returns without reaching a new step
            // (nor the sleep) reports its outcome only once the sleep is over.
            if let gate = request.wakeGate { _ = await session.passWakeGate(gate) }
            return outcome
        }
        session.close()
        if session.targetNotFound { return classify(ExecutionInterrupt(), request: request, now: clock.now()) }
        let (ops, retryAfter) = session.reported
        if !ops.isEmpty { return .ops(ops, retryAfter: retryAfter) }
        if let failure = session.checkpointFailure { return classify(failure, request: request, now: clock.now()) }
        switch result {
        case .success(let output):
            if let problem = output.payloadProblem(path: "the output of function \"\(function.id)\"") {
                return .failed(SerializedError(name: "InvalidOutput", message: problem), retriable: false, retryAfter: nil)
            }
            return .completed(output)
        case .failure(let error):
            return classify(error, request: request, now: clock.now())
        }
    }

    /// Maps a handler error to an outcome: `NonRetriableError`, an unhandled `StepError` and an
    /// undecodable payload fail the run at once; `RetryAfterError` retries at its time.
    static func classify(_ error: any Error, request: ExecutionRequest, now: Date) -> ExecutionOutcome {
        switch error {
        case is ExecutionInterrupt:
            let message = "step \(request.targetStepId ?? "?") was not found in the function: the code changed since it was planned"
            return .failed(SerializedError(name: "StepNotFound", message: message), retriable: true, retryAfter: nil)
        case is NonRetriableError, is StepError, is EventDecodingError, is NotSupportedError:
            return .failed(SerializedError(error), retriable: false, retryAfter: nil)
        case let error as RetryAfterError:
            return .failed(SerializedError(error), retriable: true, retryAfter: error.retryDate(after: now))
        default:
            return .failed(SerializedError(error), retriable: true, retryAfter: nil)
        }
    }
}
