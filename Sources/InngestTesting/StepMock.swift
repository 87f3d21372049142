import Inngest

/// A replacement for one step in a test: the step's body does not run; its result is the mock's
/// value, or the mock's error, which goes through retries as the body's would. Pass mocks to
/// `InngestTestApp.boot(…, steps:)` or add them later with `InngestTestApp.mock(_:)`.
///
/// ```swift
/// let mocks: [StepMock] = [
///     .step(ProcessOrder.StepID.chargeCard, returning: Receipt(id: "r-1")),     // generated ids: a typo does not compile
///     .step(ProcessOrder.StepID.reserveStock) { call in                          // fails twice, then succeeds
///         if call.attempt < 2 { throw OutOfStock() }
///         return Reservation(id: "s-1")
///     },
///     .event(ProcessOrder.StepID.approval, OrderApproved(orderId: "o-1")),      // what the wait receives
///     .timeout(ProcessOrder.StepID.pickup),                                     // or: the wait times out
///     .step(named: "fetch-\(region)", in: "sync-prices", returning: [Price]()), // a dynamic id
/// ]
/// ```
///
/// Any tool can be mocked: `step.run`, `step.sendEvent` (nothing is sent), `step.sleep` (it does
/// not wait), `step.waitForEvent` and `step.invoke` (the invoked function does not run; to run a
/// stand-in as its own run instead, pass `FunctionDefinition.mock(_:_:)` as `mocks:`). Every call
/// of the id in the function is answered, each recorded once as a `step.run` is, so a replay gets the
/// same answer. The answer goes through JSON as any step result does: it must decode into the type
/// the step's call expects, or the run fails saying so.
public struct StepMock: Sendable {
    /// The function whose step is mocked; `nil` for the step of that id in every function.
    public let functionId: String?
    /// The step id as written.
    public let stepId: String
    /// Produces the step's result for one call.
    let answer: @Sendable (StepMockCall) async throws -> JSONValue

    private init(functionId: String?, stepId: String, answer: @escaping @Sendable (StepMockCall) async throws -> JSONValue) {
        self.functionId = functionId
        self.stepId = stepId
        self.answer = answer
    }

    // MARK: Typed, by the generated step ids

    /// The step returns `value`.
    public static func step<S: FunctionStepID>(_ step: S, returning value: some Encodable & Sendable) -> StepMock {
        self.step(named: step.rawValue, in: S.functionId, returning: value)
    }

    /// The step returns what `body` returns for each call, or fails with what it throws (and is
    /// retried, as the step's own body would be).
    public static func step<S: FunctionStepID, T: Encodable & SendableMetatype>(_ step: S, _ body: @escaping @Sendable (StepMockCall) async throws -> T) -> StepMock {
        self.step(named: step.rawValue, in: S.functionId, body)
    }

    /// The step fails with `error` on every attempt: retried up to the function's retries (at once
    /// for `NonRetriableError`), then the handler receives `StepError`.
    public static func step<S: FunctionStepID>(_ step: S, throwing error: some Error & Sendable) -> StepMock {
        self.step(named: step.rawValue, in: S.functionId, throwing: error)
    }

    /// The step returns nothing: a `step.run` without a result, a `step.sendEvent` that sends nothing,
    /// or a `step.sleep` that does not wait.
    public static func step<S: FunctionStepID>(_ step: S) -> StepMock {
        self.step(named: step.rawValue, in: S.functionId)
    }

    /// The `step.waitForEvent` receives `event`.
    public static func event<S: FunctionStepID, E: Event>(_ step: S, _ event: E) -> StepMock {
        self.event(named: step.rawValue, in: S.functionId, event)
    }

    /// The `step.waitForEvent` times out: it returns `nil`.
    public static func timeout<S: FunctionStepID>(_ step: S) -> StepMock {
        self.timeout(named: step.rawValue, in: S.functionId)
    }

    // MARK: By string, for dynamic ids

    /// The step of id `stepId` returns `value`.
    /// - Parameters:
    ///   - stepId: the step id as the handler computes it.
    ///   - functionId: the function; `nil` mocks the id in every function.
    ///   - value: the result.
    public static func step(named stepId: String, in functionId: String? = nil, returning value: some Encodable & Sendable) -> StepMock {
        let encoded = Result { try JSONValue(encoding: value) }
        return StepMock(functionId: functionId, stepId: stepId) { _ in try encoded.get() }
    }

    /// The step of id `stepId` returns what `body` returns, or fails with what it throws.
    /// - Parameters: as for `step(named:in:returning:)`.
    public static func step<T: Encodable & SendableMetatype>(named stepId: String, in functionId: String? = nil,
                                          _ body: @escaping @Sendable (StepMockCall) async throws -> T) -> StepMock {
        StepMock(functionId: functionId, stepId: stepId) { call in try JSONValue(encoding: try await body(call)) }
    }

    /// The step of id `stepId` fails with `error` on every attempt.
    /// - Parameters: as for `step(named:in:returning:)`.
    public static func step(named stepId: String, in functionId: String? = nil, throwing error: some Error & Sendable) -> StepMock {
        StepMock(functionId: functionId, stepId: stepId) { _ in throw error }
    }

    /// The step of id `stepId` returns nothing.
    /// - Parameters: as for `step(named:in:returning:)`.
    public static func step(named stepId: String, in functionId: String? = nil) -> StepMock {
        StepMock(functionId: functionId, stepId: stepId) { _ in .null }
    }

    /// The `step.waitForEvent` of id `stepId` receives `event`.
    /// - Parameters: as for `step(named:in:returning:)`.
    public static func event(named stepId: String, in functionId: String? = nil, _ event: some EventConvertible) -> StepMock {
        let envelope = Result { try event.eventEnvelope().jsonValue }
        return StepMock(functionId: functionId, stepId: stepId) { _ in try envelope.get() }
    }

    /// The `step.waitForEvent` of id `stepId` times out.
    /// - Parameters: as for `step(named:in:returning:)`.
    public static func timeout(named stepId: String, in functionId: String? = nil) -> StepMock {
        StepMock(functionId: functionId, stepId: stepId) { _ in .null }
    }
}
