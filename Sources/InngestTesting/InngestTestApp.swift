import Foundation
import Inngest
import InngestCore

/// An app on a private in-memory engine and a manual clock, driven from a test: the same executor,
/// store and retry policy as production, with virtual time, step mocks and recorded sends.
///
/// ```swift
/// let app = try await InngestTestApp.boot(AppModule.self, steps: [.step(ProcessOrder.StepID.chargeCard, returning: "r-1")],
///                                         overrides: [.value(FakeMailer(), as: Mailer.self)])
/// let run = try await app.run(.orderPlaced(OrderPlaced(orderId: "o-1", total: 42)))   // send, then settle
/// #expect(run.status == .completed)
/// #expect(run.stepIds == ["validate-order", "charge-card", "settle"])
/// ```
///
/// Each test boots its own app, so tests run in parallel without sharing anything. Nothing runs in
/// the background: work happens inside `runUntilIdle`, `advance`, `settle` and `run`.
public struct InngestTestApp: Sendable {
    /// The booted app.
    public let app: InngestApp
    /// The clock that time-dependent behaviour follows.
    public let clock: ManualClock
    let recorder: TestRecorder

    /// Boots a root module on an in-memory engine with a manual clock. Retries wait exactly as the
    /// retry policy says (no jitter).
    /// - Parameters:
    ///   - root: the root module (`EmptyTestModule` to run only `functions`).
    ///   - clock: the manual clock to run on (pass one to share it with fakes).
    ///   - functions: extra functions, e.g. `FunctionDefinition(handler:)` built with fakes.
    ///   - steps: step mocks: those steps' bodies do not run.
    ///   - mocks: stand-ins for registered functions of the same ids, e.g. `.mock(ChargeCard.self) { _ in "pay_1" }`
    ///     for a function the code under test invokes.
    ///   - overrides: providers replacing the module graph's.
    ///   - moduleOverrides: whole modules replaced wherever they are imported.
    ///   - retryPolicy: backoff between retries.
    public static func boot(_ root: any Module.Type, clock: ManualClock = ManualClock(), functions: [FunctionDefinition] = [],
                            steps: [StepMock] = [], mocks: [FunctionDefinition] = [], overrides: [ProviderDescriptor] = [],
                            moduleOverrides: [ModuleOverride] = [],
                            retryPolicy: RetryPolicy = RetryPolicy(jitter: 0)) async throws -> InngestTestApp {
        let configuration = InngestConfiguration(
            appId: "test", engine: EngineConfiguration(databasePath: ":memory:", retryPolicy: retryPolicy,
                                                       logger: InngestLogger(sink: InngestLogger.discard)))
        let app = try await InngestApp.boot(root, configuration: configuration, functions: functions, replacing: mocks,
                                            overrides: overrides, moduleOverrides: moduleOverrides, clock: clock,
                                            startEngine: false)
        return InngestTestApp(app: app, clock: clock, recorder: TestRecorder(engine: app.engine, mocks: steps))
    }

    /// Boots one function in isolation: `handler` as built by the test (with fakes for its
    /// services), no module graph.
    /// - Parameters:
    ///   - handler: the handler instance every run uses.
    ///   - steps: step mocks.
    ///   - mocks: stand-ins for functions it invokes.
    ///   - clock: the manual clock.
    ///   - retryPolicy: backoff between retries.
    public static func boot<F: InngestFunction & Sendable>(function handler: F, steps: [StepMock] = [], mocks: [FunctionDefinition] = [],
                                                          clock: ManualClock = ManualClock(),
                                                          retryPolicy: RetryPolicy = RetryPolicy(jitter: 0)) async throws -> InngestTestApp
        where F.Output: Encodable {
        try await boot(EmptyTestModule.self, clock: clock, functions: [FunctionDefinition(handler: handler)], steps: steps,
                       mocks: mocks, retryPolicy: retryPolicy)
    }

    /// Boots one function that returns nothing in isolation. See `boot(function:steps:mocks:clock:retryPolicy:)`.
    public static func boot<F: InngestFunction & Sendable>(function handler: F, steps: [StepMock] = [], mocks: [FunctionDefinition] = [],
                                                          clock: ManualClock = ManualClock(),
                                                          retryPolicy: RetryPolicy = RetryPolicy(jitter: 0)) async throws -> InngestTestApp
        where F.Output == Void {
        try await boot(EmptyTestModule.self, clock: clock, functions: [FunctionDefinition(handler: handler)], steps: steps,
                       mocks: mocks, retryPolicy: retryPolicy)
    }

    // MARK: Mocks

    /// Adds step mocks; a later mock of a step replaces an earlier one.
    public func mock(_ steps: StepMock...) { recorder.add(steps) }

    // MARK: Sending

    /// Sends an event from the test (it is not among `sentEvents`). Runs start at the next
    /// `runUntilIdle`, `advance`, `settle` or `run`.
    /// - Parameters:
    ///   - event: an `Event` value, or `.orderPlaced(…)` with the generated `AppEvent` names.
    ///   - id: idempotency key: a repeat within 24 h of virtual time triggers nothing.
    ///   - at: the event's timestamp (`ts`), on the manual clock: a time ahead of `clock.now()` delays its
    ///     runs until the clock reaches it, as in production; a past time is delivered at once.
    /// - Returns: the event id.
    @discardableResult
    public func send(_ event: some EventConvertible, id: String? = nil, at: Date? = nil) async throws -> String {
        try await app.send(event, id: id, at: at)
    }

    // MARK: Running

    /// Executes everything due at the current virtual time.
    public func runUntilIdle() async throws {
        try await StepInterception.$current.withValue(recorder) { try await app.engine.runUntilIdle() }
    }

    /// Advances virtual time, then executes everything that became due.
    public func advance(by duration: Duration) async throws {
        clock.advance(by: duration)
        try await runUntilIdle()
    }

    /// Advances virtual time to `date`, then executes everything that became due.
    public func advance(to date: Date) async throws {
        clock.advance(to: date)
        try await runUntilIdle()
    }

    /// Runs until nothing is left to do within `horizon` of virtual time: executes what is due, then
    /// moves the clock to the next time a run is due (a sleep, a wait's timeout, a retry's backoff,
    /// a delayed event, a debounce or batch), and again, until no run is due within the horizon.
    /// Cron schedules fire too when `firingSchedules` is set (they never settle: the horizon ends them).
    /// - Parameters:
    ///   - horizon: how far the clock may move (default 400 days: past the longest sleep and wait).
    ///   - firingSchedules: whether cron schedules count as due work.
    /// - Throws: `TestRunError` when work is still due after 10 000 moves (a function that reschedules itself forever).
    public func settle(within horizon: Duration = .seconds(400 * 86_400), firingSchedules: Bool = false) async throws {
        let (seconds, attoseconds) = horizon.components
        let end = clock.now().addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
        for _ in 0..<10_000 {
            try await runUntilIdle()
            guard let next = try await nextDue(firingSchedules: firingSchedules), next <= end else { return }
            clock.advance(to: next)
        }
        throw TestRunError("the app did not settle: work kept coming due after 10 000 moves of the clock (now \(clock.now()))")
    }

    /// When a run is next due after now, or a cron schedule fires.
    private func nextDue(firingSchedules: Bool) async throws -> Date? {
        let now = clock.now()
        var next = try await app.engine.runs(status: .queued, limit: .max).map(\.nextAt).filter { $0 > now }.min()
        if firingSchedules, let fire = try await app.engine.cronSchedules().values.filter({ $0 > now }).min() {
            next = min(next ?? fire, fire)
        }
        return next
    }

    /// Sends an event, settles, and returns the one run it started.
    /// - Parameters:
    ///   - event: the event (`.orderPlaced(…)` with the generated names).
    ///   - id: idempotency key.
    ///   - at: the event's timestamp on the manual clock (see `send(_:id:at:)`).
    ///   - horizon: how far the clock may move while settling.
    /// - Throws: `TestRunError` when the event started no run or several (use `run(_:_:…)` with the function then).
    public func run(_ event: some EventConvertible, id: String? = nil, at: Date? = nil,
                    within horizon: Duration = .seconds(400 * 86_400)) async throws -> TestRun {
        let eventId = try await send(event, id: id, at: at)
        try await settle(within: horizon)
        return try await onlyRun(of: eventId, functionId: nil)
    }

    /// Sends an event, settles, and returns the run of `function` it started.
    /// - Parameters: as for `run(_:id:at:within:)`.
    public func run<F: InngestFunction>(_ function: F.Type, _ event: some EventConvertible, id: String? = nil, at: Date? = nil,
                                        within horizon: Duration = .seconds(400 * 86_400)) async throws -> TestRun {
        let eventId = try await send(event, id: id, at: at)
        try await settle(within: horizon)
        return try await onlyRun(of: eventId, functionId: F.id)
    }

    /// Sends an event and runs the function of `step` up to that step: once it completed (or failed
    /// for good), the run stops and the steps after it do not run; the run is left `cancelled`, with
    /// `stoppedAfter` naming the step. Other functions the event triggers run as usual.
    /// - Parameters:
    ///   - event: the event.
    ///   - step: the step to stop after, by its generated id.
    ///   - id: idempotency key.
    ///   - at: the event's timestamp on the manual clock.
    ///   - horizon: how far the clock may move while settling.
    public func run<S: FunctionStepID>(_ event: some EventConvertible, until step: S, id: String? = nil, at: Date? = nil,
                                       within horizon: Duration = .seconds(400 * 86_400)) async throws -> TestRun {
        try await run(event, until: step.rawValue, in: S.functionId, id: id, at: at, within: horizon)
    }

    /// As `run(_:until:id:at:within:)`, with the step id and function id as strings (dynamic ids).
    public func run(_ event: some EventConvertible, until stepId: String, in functionId: String, id: String? = nil, at: Date? = nil,
                    within horizon: Duration = .seconds(400 * 86_400)) async throws -> TestRun {
        let eventId = try await send(event, id: id, at: at)
        try await recorder.stopping(after: TestRecorder.Stop(functionId: functionId, stepId: stepId)) {
            try await settle(within: horizon)
        }
        return try await onlyRun(of: eventId, functionId: functionId)
    }

    private func onlyRun(of eventId: String, functionId: String?) async throws -> TestRun {
        let started = try await runs(startedBy: eventId).filter { functionId == nil || $0.functionId == functionId }
        guard started.count == 1, let only = started.first else {
            let found = started.map(\.functionId).joined(separator: ", ")
            throw TestRunError("event \(eventId) started \(started.count) run(s)\(functionId.map { " of \($0)" } ?? "")"
                               + (found.isEmpty ? "" : ": \(found); name the function with run(_:_:)"))
        }
        return only
    }

    // MARK: Inspecting

    /// The runs an event started, oldest first.
    public func runs(startedBy eventId: String) async throws -> [TestRun] {
        var result: [TestRun] = []
        for record in try await app.engine.runs(limit: .max).reversed() where record.eventId == eventId {
            result.append(try await testRun(record))
        }
        return result
    }

    /// A run, with its steps, sends and failure run.
    /// - Throws: `TestRunError` when there is no such run.
    public func run(id runId: String) async throws -> TestRun {
        guard let record = try await app.engine.run(runId) else { throw TestRunError("there is no run \(runId)") }
        return try await testRun(record)
    }

    private func testRun(_ record: RunRecord) async throws -> TestRun {
        let engine = app.engine
        let event = try await engine.events(limit: .max).first { $0.id == record.eventId }
        var failure: TestRun?
        if record.status == .failed {
            let failures = try await engine.events(name: FunctionFailure<InngestEvent>.eventName, limit: .max)
                .filter { $0.data["run_id"]?.stringValue == record.runId }.compactMap(\.id)
            if let handlerRun = try await engine.runs(functionId: "\(record.functionId)-failure", limit: .max)
                .first(where: { failures.contains($0.eventId) }) {
                failure = try await testRun(handlerRun)
            }
        }
        return TestRun(record: record, event: event, steps: recorder.steps(of: record.runId),
                       sentEvents: recorder.sent.filter { $0.runId == record.runId }, timeline: try await engine.timeline(of: record.runId),
                       stoppedAfter: recorder.stoppedAfter(record.runId), failureRun: failure)
    }

    /// Runs, newest first.
    public func runs(functionId: String? = nil) async throws -> [RunRecord] {
        try await app.engine.runs(functionId: functionId)
    }

    /// A run's timeline.
    public func timeline(of runId: String) async throws -> [TimelineEntry] {
        try await app.engine.timeline(of: runId)
    }

    /// Every event the functions under test sent (`step.sendEvent`, and `InngestClient.send` while
    /// the engine ran them), in order; the test's own `send`s are not among them.
    public var sentEvents: [SentEvent] { recorder.sent }

    /// The sent events of type `E`, decoded.
    /// - Throws: `EventDecodingError` when an event of `E`'s name does not decode.
    public func sent<E: Event>(_ type: E.Type) throws -> [E] {
        try recorder.sent.compactMap { try $0.payload(as: E.self) }
    }

    /// Cancels a run, as `inngest cancel` would: a queued run never executes again.
    /// - Returns: false when the run does not exist or has already finished.
    @discardableResult
    public func cancel(_ runId: String) async throws -> Bool {
        try await app.engine.cancel(runId: runId)
    }
}
