import Foundation
@testable import InngestCore
@testable import InngestEngine
import Synchronization
import Testing

/// The engine's held step results: committed once however many bodies wait for them, kept for the
/// outcome's transaction otherwise, and a failed commit refuses every later step.
@Suite struct HeldStepWritesTests {
    /// A write that waits until it is let go, and counts what it wrote.
    final class GatedWrite: Sendable {
        private let state = Mutex<(written: [[String]], gate: CheckedContinuation<Void, Never>?, started: CheckedContinuation<Void, Never>?)>(
            ([], nil, nil))

        var written: [[String]] { state.withLock { $0.written } }

        func write(_ steps: [StepWrite]) async {
            await withCheckedContinuation { continuation in
                let started = state.withLock { state in
                    state.written.append(steps.map(\.name))
                    state.gate = continuation
                    defer { state.started = nil }
                    return state.started
                }
                started?.resume()
            }
        }

        /// Returns once a write is under way.
        func started() async {
            await withCheckedContinuation { continuation in
                let now = state.withLock { state in
                    guard state.gate == nil else { return true }
                    state.started = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        }

        func release() {
            let gate = state.withLock { state in
                defer { state.gate = nil }
                return state.gate
            }
            gate?.resume()
        }
    }

    /// Counts the callers that returned.
    final class Finished: Sendable {
        private let value = Mutex(0)
        func add() { value.withLock { $0 += 1 } }
        var count: Int { value.withLock { $0 } }
    }

    private func op(_ name: String) -> GeneratorOp {
        GeneratorOp(op: .stepRun, id: StepIdentifier.hash(name), name: name, data: .string(name))
    }

    @Test func bodiesWaitingTogetherShareOneCommitAndNoneGoesOnBeforeIt() async throws {
        let gated = GatedWrite()
        let held = HeldStepWrites { steps, _ in await gated.write(steps) }
        #expect(held.hold(op("a")))
        let finished = Finished()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await held.commitHeld()
                finished.add()
            }
            await gated.started()
            group.addTask {
                try await held.commitHeld()
                finished.add()
            }
            // Neither caller returns while the commit is under way.
            await Task.yield()
            #expect(finished.count == 0)
            gated.release()
            try await group.waitForAll()
        }
        #expect(finished.count == 2)
        #expect(gated.written == [["a"]])
        #expect(held.received)
        #expect(held.take().steps.isEmpty)
    }

    @Test func aCommitSoonIsUnderWayWithoutWaitingAndLaterCallersWaitForIt() async throws {
        let gated = GatedWrite()
        let held = HeldStepWrites { steps, _ in await gated.write(steps) }
        held.commitSoon()  // nothing held: nothing written
        #expect(held.hold(op("a")))
        held.commitSoon()
        await gated.started()
        #expect(gated.written == [["a"]])
        gated.release()
        try await held.commitHeld()
        #expect(gated.written == [["a"]])
        #expect(held.take().steps.isEmpty)
    }

    @Test func whatIsNotCommittedIsTakenForTheOutcome() throws {
        let held = HeldStepWrites { _, _ in Issue.record("nothing is committed") }
        #expect(!held.received)
        #expect(held.hold(op("a")))
        #expect(!held.hold(GeneratorOp(op: .sleep, id: "s", name: "s")))
        let (steps, timeline) = held.take()
        #expect(steps.map(\.name) == ["a"])
        #expect(timeline.map(\.kind) == [.stepCompleted])
        #expect(held.take().steps.isEmpty)
    }

    @Test func aFailedCommitRefusesEveryLaterStep() async throws {
        struct Full: Error {}
        let held = HeldStepWrites { _, _ in throw Full() }
        #expect(held.hold(op("a")))
        await #expect(throws: Full.self) { try await held.commitHeld() }
        // Nothing is held any more, and still no step may start.
        await #expect(throws: Full.self) { try await held.commitHeld() }
    }
}
