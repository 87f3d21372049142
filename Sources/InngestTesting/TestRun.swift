import Foundation
import Inngest

/// A run as a test sees it: its status, result, steps with every attempt, the events it sent, its
/// timeline and its failure handler's run.
///
/// ```swift
/// let run = try await app.run(.orderPlaced(OrderPlaced(orderId: "o-1", total: 42)))
/// #expect(run.status == .completed)
/// #expect(run.steps.map(\.id) == ["validate-order", "charge-card", "settle"])
/// #expect(try run.output(as: OrderOutcome.self) == .shipped)
/// #expect(run.step(ProcessOrder.StepID.chargeCard)?.attempts.count == 3)
/// ```
public struct TestRun: Sendable {
    /// The run id.
    public let runId: String
    /// The function id.
    public let functionId: String
    /// The triggering event.
    public let event: InngestEvent?
    /// Where the run stands: `completed` and `failed` are final; `queued` means it waits (a sleep,
    /// an event, a retry's backoff) beyond the time the test let pass; `cancelled` for `cancelOn`,
    /// a timeout, `cancel(_:)`, or a stop after `until:`'s step.
    public let status: RunStatus
    /// The function's output as JSON, once completed.
    public let output: JSONValue?
    /// The error, once failed.
    public let error: SerializedError?
    /// Every step the run reached, in the order first reached: runs with each attempt, mocked
    /// steps, sleeps, waits, invokes and sends.
    public let steps: [TestStep]
    /// How many attempts the run made: 1, plus one for each retry of one of its steps or of its body.
    public let attempts: Int
    /// The events it sent (`step.sendEvent` and `InngestClient.send`), in order.
    public let sentEvents: [SentEvent]
    /// The engine's timeline of the run, oldest first.
    public let timeline: [TimelineEntry]
    /// The step after which the run was stopped (`run(_:until:)`); the steps after it did not run.
    public let stoppedAfter: String?
    /// The run of the failure handler (`OnFailure`) that this run's failure started, if any.
    public var failureRun: TestRun? { failureRuns.first }
    private let failureRuns: [TestRun]

    init(record: RunRecord, event: InngestEvent?, steps: [TestStep], sentEvents: [SentEvent], timeline: [TimelineEntry],
         stoppedAfter: String?, failureRun: TestRun?) {
        self.runId = record.runId
        self.functionId = record.functionId
        self.event = event
        self.status = record.status
        self.output = record.output
        self.error = record.error
        self.steps = steps
        self.attempts = 1 + timeline.count { $0.kind == .stepRetrying || $0.kind == .runRetrying }
        self.sentEvents = sentEvents
        self.timeline = timeline
        self.stoppedAfter = stoppedAfter
        self.failureRuns = failureRun.map { [$0] } ?? []
    }

    /// The output decoded as `T`.
    /// - Throws: `TestRunError` when the run has not completed (with its status and error), or its
    ///   output does not decode.
    public func output<T: Decodable>(as type: T.Type) throws -> T {
        guard status == .completed, let output else {
            throw TestRunError("run \(runId) of \(functionId) is \(status.rawValue), not completed\(error.map { ": \($0)" } ?? "")")
        }
        do {
            return try output.decode(T.self)
        } catch {
            throw TestRunError("the output of \(functionId), \(output.jsonString.prefix(120)), does not decode into \(T.self): \(error)")
        }
    }

    /// The ids of the steps, in the order reached (a repeated id appears once per call).
    public var stepIds: [String] { steps.map(\.id) }

    /// The first call of a step, by its generated id.
    public func step<S: FunctionStepID>(_ id: S) -> TestStep? { step(named: id.rawValue) }

    /// The first call of a step, by id.
    public func step(named id: String) -> TestStep? { steps.first { $0.id == id } }

    /// Every call of a step, by its generated id (several when the handler calls it in a loop).
    public func steps<S: FunctionStepID>(_ id: S) -> [TestStep] { steps.filter { $0.id == id.rawValue } }

    /// The events of type `E` the run sent, decoded.
    /// - Throws: `EventDecodingError` when an event of `E`'s name does not decode.
    public func sent<E: Event>(_ type: E.Type) throws -> [E] {
        try sentEvents.compactMap { try $0.payload(as: E.self) }
    }
}
