import Foundation
import Inngest
import InngestTesting
import Synchronization
import Testing

/// Records what an instrumentation is told, and checks that steps run inside their execution.
private final class RecordingInstrumentation: RunInstrumentation {
    @TaskLocal static var execution: String?
    private let lines = Mutex([String]())
    private let depths = Mutex([Int]())
    private let lags = Mutex([Duration]())

    var all: [String] { lines.withLock { $0 } }
    var queueDepths: [Int] { depths.withLock { $0 } }
    var queueLags: [Duration] { lags.withLock { $0 } }

    func execution(_ execution: RunExecution, _ body: () async -> ExecutionOutcome) async -> ExecutionOutcome {
        let name = "\(execution.run.functionId) attempt \(execution.run.attempt)\(execution.startsRun ? " starts" : "")"
        if let lag = execution.queueLag { lags.withLock { $0.append(lag) } }
        lines.withLock { $0.append("begin \(name)") }
        let outcome = await Self.$execution.withValue(name) { await body() }
        let summary = switch outcome {
        case .completed: "completed"
        case .ops(let ops, _): ops.map(\.op.rawValue).joined(separator: ",")
        case .failed: "failed"
        }
        lines.withLock { $0.append("end \(name): \(summary)") }
        return outcome
    }

    func step(_ step: StepExecution, _ body: () async throws -> JSONValue) async throws -> JSONValue {
        lines.withLock { $0.append("step \(step.stepId) attempt \(step.attempt) in \(Self.execution ?? "no execution")") }
        do {
            return try await body()
        } catch {
            lines.withLock { $0.append("step \(step.stepId) threw") }
            throw error
        }
    }

    func runEnded(_ end: RunEnd) { lines.withLock { $0.append("run \(end.functionId) \(end.status)") } }

    func queueSampled(depth: Int) { depths.withLock { $0.append(depth) } }
}

@Suite struct InstrumentationTests {
    private func engine(_ instrumentation: RecordingInstrumentation, clock: ManualClock, functions: [FunctionDefinition]) async throws -> EmbeddedEngine {
        let resolver = try await Container.boot(EmptyTestModule.self, rootProviders: functions.compactMap(\.handlerProvider)).rootResolver
        var configuration = EngineConfiguration(databasePath: ":memory:", retryPolicy: RetryPolicy(initialDelay: .seconds(10), jitter: 0),
                                                logger: InngestLogger(sink: InngestLogger.discard))
        configuration.instrumentation = instrumentation
        return try EmbeddedEngine(functions: functions, configuration: configuration, clock: clock) { _ in resolver }
    }

    @Test func theEngineReportsExecutionsStepsAndTheRunsEnd() async throws {
        let recorded = RecordingInstrumentation()
        let clock = ManualClock()
        let engine = try await engine(recorded, clock: clock, functions: [FunctionDefinition(handler: ThreeSteps(journal: Journal(), failures: 1))])
        try await engine.start(runLoop: false)
        // The event is two seconds old when the run starts: that is its queue lag.
        let event = InngestEvent(name: Ping.name, data: .object(["id": .string("p1")]), ts: Int64(clock.now().timeIntervalSince1970 * 1000))
        _ = try await engine.send([event])
        clock.advance(by: .seconds(2))
        try await engine.runUntilIdle()
        clock.advance(by: .seconds(10))
        try await engine.runUntilIdle()
        clock.advance(by: .minutes(5))
        try await engine.runUntilIdle()
        #expect(recorded.all == [
            "begin three-steps attempt 0 starts",
            "step a attempt 0 in three-steps attempt 0 starts",
            "step flaky attempt 0 in three-steps attempt 0 starts",
            "step flaky threw",
            "end three-steps attempt 0 starts: StepError",
            // The retry and the wake-up are executions of the same run: they do not start it.
            "begin three-steps attempt 1",
            "step flaky attempt 1 in three-steps attempt 1",
            "end three-steps attempt 1: Sleep",
            "begin three-steps attempt 0",
            "step c attempt 0 in three-steps attempt 0",
            "end three-steps attempt 0: completed",
            "run three-steps completed",
        ])
        #expect(recorded.queueLags == [.seconds(2)])
    }

    @Test func aFailedAndACancelledRunAreReported() async throws {
        struct Doomed: InngestFunction {
            static let id = "doomed"
            static let trigger = Trigger.event(Ping.self)
            static let options = FunctionOptions(retries: 0)
            func handle(_ ping: Ping, context: Context) async throws {
                if ping.id == "fail" { throw NonRetriableError("no") }
                try await context.step.sleep("wait", for: .hours(1))
            }
        }
        let recorded = RecordingInstrumentation()
        let clock = ManualClock()
        let engine = try await engine(recorded, clock: clock, functions: [FunctionDefinition(handler: Doomed())])
        try await engine.start(runLoop: false)
        _ = try await engine.send([InngestEvent(name: Ping.name, data: .object(["id": .string("fail")]))])
        try await engine.runUntilIdle()
        #expect(recorded.all.last == "run doomed failed")
        _ = try await engine.send([InngestEvent(name: Ping.name, data: .object(["id": .string("sleep")]))])
        try await engine.runUntilIdle()
        let sleeping = try #require(try await engine.runs(status: .queued).first)
        #expect(try await engine.cancel(runId: sleeping.runId))
        #expect(recorded.all.last == "run doomed cancelled")
        #expect(recorded.all.filter { $0.hasPrefix("run ") } == ["run doomed failed", "run doomed cancelled"])
    }

    @Test func runsTheStoreCancelsAreReportedToo() async throws {
        // Cancelled by an event (cancelOn) and by a timeout: the store ends these runs itself, in
        // the transaction that accepts the event or claims the run.
        struct Cancellable: InngestFunction {
            static let id = "cancellable"
            static let trigger = Trigger.event(Ping.self)
            static let options = FunctionOptions(timeouts: Timeouts(start: .minutes(1)),
                                                 cancelOn: [.event(named: "test/stop", if: "async.data.id == event.data.id")])
            func handle(_ ping: Ping, context: Context) async throws {
                try await context.step.sleep("wait", for: .hours(1))
            }
        }
        let recorded = RecordingInstrumentation()
        let observed = Mutex([String]())
        let clock = ManualClock()
        let function = FunctionDefinition(handler: Cancellable())
        let resolver = try await Container.boot(EmptyTestModule.self, rootProviders: [function].compactMap(\.handlerProvider)).rootResolver
        var configuration = EngineConfiguration(databasePath: ":memory:", logger: InngestLogger(sink: InngestLogger.discard),
                                                observer: { observation in
            if observation.entry.kind == .runCancelled { observed.withLock { $0.append(observation.entry.detail) } }
        })
        configuration.instrumentation = recorded
        let engine = try EmbeddedEngine(functions: [function], configuration: configuration, clock: clock) { _ in resolver }
        try await engine.start(runLoop: false)
        _ = try await engine.send([InngestEvent(name: Ping.name, data: .object(["id": .string("a")]))])
        try await engine.runUntilIdle()
        _ = try await engine.send([InngestEvent(name: "test/stop", data: .object(["id": .string("a")]))])
        #expect(recorded.all.last == "run cancellable cancelled")
        // A run that waits for its start past `timeouts.start` is cancelled when it is claimed.
        let later = Int64(clock.now().timeIntervalSince1970 * 1000) + 1
        _ = try await engine.send([InngestEvent(name: Ping.name, data: .object(["id": .string("b")]), ts: later)])
        clock.advance(by: .minutes(2))
        try await engine.runUntilIdle()
        #expect(recorded.all.filter { $0.hasPrefix("run ") } == ["run cancellable cancelled", "run cancellable cancelled"])
        let details = observed.withLock { $0 }
        #expect(details.count == 2)
        #expect(details.first?.contains("cancelOn") == true)
        #expect(details.last?.contains("timeouts.start") == true)
    }

    @Test func theRunningEngineSamplesItsQueue() async throws {
        let recorded = RecordingInstrumentation()
        let clock = ManualClock()
        let engine = try await engine(recorded, clock: clock, functions: [FunctionDefinition(handler: ThreeSteps(journal: Journal(), failures: 99))])
        // Two runs wait in the queue for events sent for later: the engine does not execute them now.
        let later = Int64(clock.now().timeIntervalSince1970 * 1000) + 3_600_000
        _ = try await engine.send([InngestEvent(name: Ping.name, data: .object(["id": .string("1")]), ts: later),
                                   InngestEvent(name: Ping.name, data: .object(["id": .string("2")]), ts: later)])
        try await engine.start()
        // The sampler measured once, then sleeps 5 s on the engine's clock, as the loop sleeps.
        await clock.waitForSleepers(2)
        #expect(recorded.queueDepths == [2])
        clock.advance(by: .seconds(5))
        await clock.waitForSleepers(2)
        #expect(recorded.queueDepths == [2, 2])
        await engine.shutdown()
    }
}
