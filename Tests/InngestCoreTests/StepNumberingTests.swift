import Foundation
import InngestCore
import Testing

/// Repeated step ids are numbered as Inngest does (`id`, `id:1`, `id:2`…) for sleeps as for runs,
/// sequentially and in parallel, in the order the handler reaches them.
@Suite struct StepNumberingTests {
    private let naps = (0..<3).map { StepIdentifier.hash("nap", occurrence: $0) }

    @Test func sleepsInALoopAreNumberedAcrossCalls() async throws {
        let fn = function { context in
            for _ in 0..<3 { try await context.step.sleep("nap", for: .seconds(1)) }
            return .string("rested")
        }
        var memo: [String: StepMemo] = [:]
        for expected in naps {
            let outcome = await Executor.execute(fn, request: request(memo: memo), resolver: try await emptyResolver())
            #expect(outcome == .ops([GeneratorOp(op: .sleep, id: expected, name: "nap", opts: .object(["duration": .string("1s")]))],
                                    retryAfter: nil))
            memo[expected] = .value(.null)
        }
        #expect(await Executor.execute(fn, request: request(memo: memo), resolver: try await emptyResolver()) == .completed(.string("rested")))
    }

    @Test func parallelSleepsWithOneIdAreNumberedInTheOrderTheirBranchesStarted() async throws {
        let fn = function { context in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for seconds in 1...3 { group.addTask { try await context.step.sleep("nap", for: .seconds(seconds)) } }
                try await group.waitForAll()
            }
            return .null
        }
        let outcome = await Executor.execute(fn, request: request(), resolver: try await emptyResolver())
        #expect(outcome == .ops(zip(naps, ["1s", "2s", "3s"]).map { id, duration in
            GeneratorOp(op: .sleep, id: id, name: "nap", opts: .object(["duration": .string(duration)]))
        }, retryAfter: nil))
    }

    @Test func aStepInAnUnstructuredTaskStillGetsItsRound() async throws {
        let fn = function { context in
            let task = Task { try await context.step.run("detached") { 5 } }
            return .integer(Int64(try await task.value))
        }
        let outcome = await Executor.execute(fn, request: request(), resolver: try await emptyResolver())
        #expect(outcome == .ops([GeneratorOp(op: .stepRun, id: StepIdentifier.hash("detached"), name: "detached", data: .integer(5))],
                                retryAfter: nil))
    }
}
