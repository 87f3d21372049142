import Foundation
import InngestCore
import Synchronization
import Testing

/// Steps reached concurrently (`async let`, task groups). In protocol mode every new step of the
/// round is reported in one response (`StepPlanned` for runs) and the server calls back for each;
/// inline (a checkpoint), the round's bodies run concurrently and are each checkpointed.
@Suite struct ParallelStepTests {
    private let left = StepIdentifier.hash("left")
    private let right = StepIdentifier.hash("right")

    private func parallelFunction(ran: Counter) -> FunctionDefinition {
        function { context in
            async let left = context.step.run("left") { ran.hit("left"); return "L" }
            async let right = context.step.run("right") { ran.hit("right"); return "R" }
            let both = try await [left, right]
            return .string(both.joined())
        }
    }

    private func groupFunction(ran: Counter) -> FunctionDefinition {
        function { context in
            try await withThrowingTaskGroup(of: String.self) { group in
                group.addTask { try await context.step.run("left") { ran.hit("left"); return "L" } }
                group.addTask { try await context.step.run("right") { ran.hit("right"); return "R" } }
                var results: [String] = []
                for try await result in group { results.append(result) }
                return .string(results.sorted().joined())
            }
        }
    }

    @Test(arguments: [true, false])
    func parallelRunsArePlannedTogetherAndNoneRuns(taskGroup: Bool) async throws {
        let ran = Counter()
        let fn = taskGroup ? groupFunction(ran: ran) : parallelFunction(ran: ran)
        let outcome = await Executor.execute(fn, request: request(), resolver: try await emptyResolver())
        #expect(outcome == .ops([GeneratorOp(op: .stepPlanned, id: left, name: "left"), GeneratorOp(op: .stepPlanned, id: right, name: "right")],
                                retryAfter: nil))
        #expect(ran["left"] == 0 && ran["right"] == 0)
    }

    @Test(arguments: [true, false])
    func aTargetedCallRunsOnlyItsTargetWhicheverBranchComesFirst(taskGroup: Bool) async throws {
        let ran = Counter()
        let fn = taskGroup ? groupFunction(ran: ran) : parallelFunction(ran: ran)
        let outcome = await Executor.execute(fn, request: request(target: right), resolver: try await emptyResolver())
        #expect(outcome == .ops([GeneratorOp(op: .stepRun, id: right, name: "right", data: .string("R"))], retryAfter: nil))
        #expect(ran["left"] == 0 && ran["right"] == 1)
        let withLeftDone = await Executor.execute(fn, request: request(memo: [left: .data(.string("L"))], target: right),
                                                  resolver: try await emptyResolver())
        #expect(withLeftDone == .ops([GeneratorOp(op: .stepRun, id: right, name: "right", data: .string("R"))], retryAfter: nil))
    }

    @Test(arguments: [true, false])
    func onceEveryBranchIsRecordedTheHandlerContinues(taskGroup: Bool) async throws {
        let ran = Counter()
        let fn = taskGroup ? groupFunction(ran: ran) : parallelFunction(ran: ran)
        let memo: [String: StepMemo] = [left: .data(.string("L")), right: .data(.string("R"))]
        let outcome = await Executor.execute(fn, request: request(memo: memo), resolver: try await emptyResolver())
        #expect(outcome == .completed(.string("LR")))
        #expect(ran["left"] == 0 && ran["right"] == 0)
    }

    @Test func aTargetedCallForARecordedStepReportsItsResultAgain() async throws {
        let ran = Counter()
        let outcome = await Executor.execute(parallelFunction(ran: ran), request: request(memo: [right: .data(.string("R"))], target: right),
                                             resolver: try await emptyResolver())
        #expect(outcome == .ops([GeneratorOp(op: .stepRun, id: right, name: "right", data: .string("R"))], retryAfter: nil))
        #expect(ran["left"] == 0 && ran["right"] == 0)
    }

    @Test func aTargetThatNoBranchReachesIsARetriableStepNotFound() async throws {
        let outcome = await Executor.execute(parallelFunction(ran: Counter()), request: request(target: StepIdentifier.hash("gone")),
                                             resolver: try await emptyResolver())
        guard case .failed(let error, true, nil) = outcome else { Issue.record("expected a retriable failure, got \(outcome)"); return }
        #expect(error.name == "StepNotFound")
    }

    @Test func sleepsWaitsAndRunsOfOneRoundAreReportedTogetherInClaimOrder() async throws {
        let fn = function { context in
            async let run = context.step.run("run") { 1 }
            async let nap: Void = context.step.sleep("nap", for: .seconds(30))
            async let wait = context.step.waitForEvent("wait", event: "test/go", timeout: .minutes(5))
            _ = try await (run, nap, wait)
            return .null
        }
        let outcome = await Executor.execute(fn, request: request(), resolver: try await emptyResolver())
        #expect(outcome == .ops([
            GeneratorOp(op: .stepPlanned, id: StepIdentifier.hash("run"), name: "run"),
            GeneratorOp(op: .sleep, id: StepIdentifier.hash("nap"), name: "nap", opts: .object(["duration": .string("30s")])),
            GeneratorOp(op: .waitForEvent, id: StepIdentifier.hash("wait"), name: "wait",
                        opts: .object(["event": .string("test/go"), "timeout": .string("5m")])),
        ], retryAfter: nil))
    }

    @Test func aSingleNewStepIsPlannedWhenImmediateExecutionIsDisabled() async throws {
        let ran = Counter()
        let fn = function { context in
            let value: Int = try await context.step.run("only") { ran.hit("only"); return 1 }
            return .integer(Int64(value))
        }
        var call = request()
        call.immediateExecution = false
        let outcome = await Executor.execute(fn, request: call, resolver: try await emptyResolver())
        #expect(outcome == .ops([GeneratorOp(op: .stepPlanned, id: StepIdentifier.hash("only"), name: "only")], retryAfter: nil))
        #expect(ran["only"] == 0)
    }

    @Test func aSingleNewBranchStepRunsAtOnceBesideRecordedOnes() async throws {
        let ran = Counter()
        let outcome = await Executor.execute(parallelFunction(ran: ran), request: request(memo: [left: .data(.string("L"))]),
                                             resolver: try await emptyResolver())
        #expect(outcome == .ops([GeneratorOp(op: .stepRun, id: right, name: "right", data: .string("R"))], retryAfter: nil))
        #expect(ran["left"] == 0 && ran["right"] == 1)
    }

    @Test func aBranchCancelledBeforeItsRoundIsSettledIsNotReported() async throws {
        let fn = function { context in
            try await withThrowingTaskGroup(of: Int.self) { group in
                group.addTask { try await context.step.run("never") { 1 } }
                group.addTask { throw Boom() }
                for try await _ in group {}
                return .null
            }
        }
        let outcome = await Executor.execute(fn, request: request(), resolver: try await emptyResolver())
        guard case .failed(let error, true, nil) = outcome else { Issue.record("expected the handler's error, got \(outcome)"); return }
        #expect(error.name == "Boom")
    }

    // MARK: Inline (embedded engine)

    /// Two bodies that each wait until the other started: they finish only if they run concurrently.
    @Test(.timeLimit(.minutes(1)))
    func inlineTheRoundsBodiesRunConcurrentlyAndEachIsCheckpointed() async throws {
        let rendezvous = Rendezvous()
        let fn = function { context in
            async let left = context.step.run("left") { await rendezvous.arrive("left"); return "L" }
            async let right = context.step.run("right") { await rendezvous.arrive("right"); return "R" }
            let both = try await [left, right]
            return .string(both.joined())
        }
        let saved = Mutex([String]())
        let outcome = await Executor.execute(fn, request: request(), resolver: try await emptyResolver(),
                                             checkpoint: { op in saved.withLock { $0.append("\(op.op.rawValue) \(op.name)") } })
        #expect(outcome == .completed(.string("LR")))
        #expect(saved.withLock { $0 }.sorted() == ["StepRun left", "StepRun right"])
    }

    @Test func inlineAFailingSiblingDoesNotCancelTheOthersWork() async throws {
        let ran = Counter()
        let fn = function { context in
            async let left = context.step.run("left") { () throws -> String in ran.hit("left"); throw Boom() }
            async let right = context.step.run("right") { ran.hit("right"); return "R" }
            let both = try await [left, right]
            return .string(both.joined())
        }
        let saved = Mutex([GeneratorOp]())
        let outcome = await Executor.execute(fn, request: request(attempt: 4, maxAttempts: 5), resolver: try await emptyResolver(),
                                             checkpoint: { op in saved.withLock { $0.append(op) } })
        let ops = saved.withLock { $0 }.sorted { $0.name < $1.name }
        #expect(ops.map(\.op) == [.stepFailed, .stepRun], "both results are recorded: \(ops)")
        guard case .failed(let error, false, _) = outcome else { Issue.record("expected the run to fail, got \(outcome)"); return }
        #expect(error.name == "Boom")
    }

    @Test func inlineAStepErrorReportsOnlyOnceTheRoundsOtherBodiesAreRecorded() async throws {
        let fn = function { context in
            async let left = context.step.run("left") { () throws -> String in throw Boom() }
            async let right = context.step.run("right") { "R" }
            let both = try await [left, right]
            return .string(both.joined())
        }
        let saved = Mutex([GeneratorOp]())
        let outcome = await Executor.execute(fn, request: request(attempt: 0, maxAttempts: 5), resolver: try await emptyResolver(),
                                             checkpoint: { op in saved.withLock { $0.append(op) } })
        #expect(saved.withLock { $0 }.map(\.name) == ["right"])
        guard case .ops(let ops, _) = outcome else { Issue.record("expected ops, got \(outcome)"); return }
        #expect(ops.map(\.op) == [.stepError] && ops.map(\.name) == ["left"])
    }

    @Test func inlineABodyCancelledWithTheExecutionIsNotCheckpointedAsFailed() async throws {
        let started = Rendezvous()
        let saved = Mutex([GeneratorOp]())
        let fn = function { context in
            async let left = context.step.run("left") { "L" }
            async let right = context.step.run("right") { () async throws -> String in
                await started.arrive("right")
                return try await Self.untilCancelled()
            }
            let both = try await [left, right]
            return .string(both.joined())
        }
        let resolver = try await emptyResolver()
        let execution = Task {
            await Executor.execute(fn, request: request(attempt: 4, maxAttempts: 5), resolver: resolver,
                                   checkpoint: { op in saved.withLock { $0.append(op) } })
        }
        await started.arrive("test")
        execution.cancel()
        let outcome = await execution.value
        #expect(saved.withLock { $0 }.map(\.op) == [.stepRun], "only left is recorded: \(saved.withLock { $0 })")
        if case .failed(let error, _, _) = outcome { #expect(error.name == "CancellationError") }
    }

    @Test func aFailedCheckpointStopsEveryLaterStepEvenWhenTheHandlerSwallowsIt() async throws {
        struct Refused: Error {}
        let ran = Counter()
        let fn = function { context in
            _ = try? await context.step.run("first") { ran.hit("first"); return 1 }
            _ = try? await context.step.run("second") { ran.hit("second"); return 2 }
            return .string("done")
        }
        let outcome = await Executor.execute(fn, request: request(), resolver: try await emptyResolver(), checkpoint: { _ in throw Refused() })
        #expect(ran["first"] == 1 && ran["second"] == 0, "no step starts after a checkpoint failed")
        guard case .failed(let error, _, _) = outcome else { Issue.record("expected a failure, got \(outcome)"); return }
        #expect(error.name == "Refused")
    }

    @Test func aZeroSleepIsDatedByTheExecutorsClock() async throws {
        let clock = FixedClock(date: Date(timeIntervalSince1970: 1_000_000_000))
        let fn = function { context in
            try await context.step.sleep("now", for: .zero)
            return .null
        }
        let outcome = await Executor.execute(fn, request: request(), resolver: try await emptyResolver(), clock: clock)
        guard case .ops(let ops, _) = outcome, let duration = ops.first?.opts?["duration"]?.stringValue else {
            Issue.record("expected a sleep op, got \(outcome)")
            return
        }
        #expect(duration.hasPrefix("2001-09-09T01:46:40"), "\(duration)")
    }

    /// Suspends until the task is cancelled, then throws `CancellationError`, as any
    /// cancellation-aware I/O does.
    private static func untilCancelled() async throws -> String {
        let never = AsyncStream<Int> { _ in }
        for await _ in never {}
        try Task.checkCancellation()
        return "never"
    }
}

/// Each party waits until every other named party arrived (two parties by default).
final class Rendezvous: Sendable {
    private let parties: Int
    private let state = Mutex<(arrived: Set<String>, waiting: [CheckedContinuation<Void, Never>])>(([], []))

    init(parties: Int = 2) { self.parties = parties }

    func arrive(_ name: String) async {
        await withCheckedContinuation { continuation in
            let release: [CheckedContinuation<Void, Never>] = state.withLock { state in
                state.arrived.insert(name)
                state.waiting.append(continuation)
                guard state.arrived.count >= parties else { return [] }
                defer { state.waiting = [] }
                return state.waiting
            }
            for waiter in release { waiter.resume() }
        }
    }
}
