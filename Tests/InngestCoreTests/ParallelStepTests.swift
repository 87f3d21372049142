import Foundation
import InngestCore
import Synchronization
import Testing

/// Steps run concurrently (`async let`, task groups): once one reports its op, the others are
/// cancelled, and a cancelled step never becomes a `StepError` or `StepFailed`.
@Suite struct ParallelStepTests {
    /// Suspends until the task is cancelled, then throws `CancellationError`, as any
    /// cancellation-aware I/O does.
    private static func untilCancelled() async throws -> String {
        let never = AsyncStream<Int> { _ in }
        for await _ in never {}
        try Task.checkCancellation()
        return "never"
    }

    private func parallelFunction(ran: Counter) -> FunctionDefinition {
        function { context in
            async let left = context.step.run("left") { ran.hit("left"); return "L" }
            async let right = context.step.run("right") { ran.hit("right"); return try await Self.untilCancelled() }
            let both = try await [left, right]
            return .string(both.joined())
        }
    }

    @Test(arguments: [0, 4])
    func aCancelledSiblingIsNotReportedAsFailed(attempt: Int) async throws {
        let ran = Counter()
        let outcome = await Executor.execute(parallelFunction(ran: ran), request: request(attempt: attempt, maxAttempts: 5),
                                             resolver: try await emptyResolver())
        #expect(outcome == .ops([GeneratorOp(op: .stepRun, id: StepIdentifier.hash("left"), name: "left", data: .string("L"))], retryAfter: nil),
                "attempt \(attempt): only the step that finished is reported")
        #expect(ran["left"] == 1)
    }

    @Test func aCancelledSiblingIsNotCheckpointedAsFailedInline() async throws {
        let ran = Counter()
        let fn = function { context in
            async let left = context.step.run("left") { () throws -> String in ran.hit("left"); throw Boom() }
            async let right = context.step.run("right") { ran.hit("right"); return try await Self.untilCancelled() }
            let both = try await [left, right]
            return .string(both.joined())
        }
        let saved = Mutex([GeneratorOp]())
        let outcome = await Executor.execute(fn, request: request(attempt: 4, maxAttempts: 5), resolver: try await emptyResolver(),
                                             checkpoint: { op in saved.withLock { $0.append(op) } })
        let ops = saved.withLock { $0 }
        #expect(ops.map(\.name) == ["left"], "only the step that failed is recorded")
        #expect(ops.map(\.op) == [.stepFailed])
        guard case .failed(let error, false, _) = outcome else { Issue.record("expected the run to fail, got \(outcome)"); return }
        #expect(error.name == "Boom")
    }

    @Test func taskGroupSiblingsAreNotReportedAsFailed() async throws {
        let fn = function { context in
            try await withThrowingTaskGroup(of: String.self) { group in
                group.addTask { try await context.step.run("fast") { "F" } }
                group.addTask { try await context.step.run("slow") { try await Self.untilCancelled() } }
                var results: [String] = []
                for try await result in group { results.append(result) }
                return .string(results.joined())
            }
        }
        let outcome = await Executor.execute(fn, request: request(attempt: 4, maxAttempts: 5), resolver: try await emptyResolver())
        #expect(outcome == .ops([GeneratorOp(op: .stepRun, id: StepIdentifier.hash("fast"), name: "fast", data: .string("F"))], retryAfter: nil))
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
}
