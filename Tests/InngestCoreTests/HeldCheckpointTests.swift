import Foundation
import InngestCore
import Synchronization
import Testing

/// The results of steps executed alone may wait for the run's next write (`HeldCheckpoints`): no
/// later step body starts before they are committed, parallel steps are never held, and a commit
/// that fails stops the execution like a failed checkpoint.
@Suite struct HeldCheckpointTests {
    /// What happened, in order.
    final class Log: Sendable {
        private let entries = Mutex([String]())
        func add(_ entry: String) { entries.withLock { $0.append(entry) } }
        var all: [String] { entries.withLock { $0 } }
    }

    /// Holds step results and logs, with the bodies, what happens in which order.
    final class Holder: HeldCheckpoints {
        let log: Log
        private let held = Mutex<[String]>([])
        private let failure: (any Error)?

        init(log: Log, failing failure: (any Error)? = nil) {
            self.log = log
            self.failure = failure
        }

        /// What is still held when the execution returns: the engine writes it with the outcome.
        var remaining: [String] { held.withLock { $0 } }

        func hold(_ op: GeneratorOp) -> Bool {
            held.withLock { $0.append(op.name) }
            log.add("held \(op.name)")
            return true
        }

        /// Opened once a `commitSoon()` committed what was held.
        let committedSoon = Gate()

        func commitSoon() {
            guard !held.withLock({ $0.isEmpty }) else { return }
            log.add("soon")
            Task {
                try? await commitHeld()
                committedSoon.open()
            }
        }

        func commitHeld() async throws {
            let names = held.withLock { held in
                defer { held = [] }
                return held
            }
            guard !names.isEmpty else { return }
            if let failure { throw failure }
            log.add("committed \(names.joined(separator: ","))")
        }
    }

    /// Opens once; those waiting for it continue then.
    final class Gate: Sendable {
        private let state = Mutex<(open: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

        func open() {
            let waiting = state.withLock { state in
                state.open = true
                defer { state.waiting = [] }
                return state.waiting
            }
            for continuation in waiting { continuation.resume() }
        }

        func wait() async {
            await withCheckedContinuation { continuation in
                let now = state.withLock { state in
                    if state.open { return true }
                    state.waiting.append(continuation)
                    return false
                }
                if now { continuation.resume() }
            }
        }
    }

    private func heldRequest(_ holder: Holder) -> ExecutionRequest {
        var request = request()
        request.heldCheckpoints = holder
        return request
    }

    @Test func eachResultIsCommittedBeforeTheNextBodyAndTheLastIsLeftForTheOutcome() async throws {
        let log = Log()
        let holder = Holder(log: log)
        let fn = function { context in
            let a = try await context.step.run("a") { log.add("run a"); return "x" }
            let b = try await context.step.run("b") { log.add("run b"); return a + "y" }
            return .string(b)
        }
        let outcome = await Executor.execute(fn, request: heldRequest(holder), resolver: try await emptyResolver(),
                                             checkpoint: { op in log.add("checkpointed \(op.name)") })
        #expect(outcome == .completed(.string("xy")))
        #expect(log.all == ["run a", "held a", "committed a", "run b", "held b"])
        #expect(holder.remaining == ["b"])
    }

    /// A handler that waits for something else than a step between two steps (a timer, a call
    /// outside a step) does not leave the first result uncommitted meanwhile.
    @Test func aResultIsCommittedAtOnceWhenTheHandlerWaitsOnSomethingElse() async throws {
        let log = Log()
        let holder = Holder(log: log)
        let fn = function { context in
            _ = try await context.step.run("a") { log.add("run a"); return 1 }
            await holder.committedSoon.wait()
            log.add("went on")
            _ = try await context.step.run("b") { log.add("run b"); return 2 }
            return .null
        }
        let outcome = await Executor.execute(fn, request: heldRequest(holder), resolver: try await emptyResolver(), checkpoint: { _ in })
        #expect(outcome == .completed(.null))
        #expect(log.all == ["run a", "held a", "soon", "committed a", "went on", "run b", "held b"])
        #expect(holder.remaining == ["b"])
    }

    @Test func aStepThatFailedForGoodIsHeldLikeAResult() async throws {
        let log = Log()
        let holder = Holder(log: log)
        let fn = function { context in
            do {
                try await context.step.run("charge") { throw NonRetriableError("declined") }
            } catch is StepError {
                log.add("caught")
            }
            let sent = try await context.step.run("notify") { log.add("run notify"); return "sent" }
            return .string(sent)
        }
        let outcome = await Executor.execute(fn, request: heldRequest(holder), resolver: try await emptyResolver(), checkpoint: { _ in })
        #expect(outcome == .completed(.string("sent")))
        #expect(log.all == ["held charge", "caught", "committed charge", "run notify", "held notify"])
    }

    @Test func parallelStepsAreCheckpointedAtOnceAndNeverHeld() async throws {
        let log = Log()
        let holder = Holder(log: log)
        let checkpointed = Log()
        let fn = function { context in
            async let left = context.step.run("left") { "L" }
            async let right = context.step.run("right") { "R" }
            let both = try await [left, right]
            return .string(both.joined())
        }
        let outcome = await Executor.execute(fn, request: heldRequest(holder), resolver: try await emptyResolver(),
                                             checkpoint: { op in checkpointed.add(op.name) })
        #expect(outcome == .completed(.string("LR")))
        #expect(checkpointed.all.sorted() == ["left", "right"])
        #expect(holder.remaining.isEmpty)
    }

    @Test func aCommitThatFailsStopsTheExecutionBeforeTheNextBody() async throws {
        struct DiskFull: Error {}
        let log = Log()
        let holder = Holder(log: log, failing: DiskFull())
        let fn = function { context in
            _ = try await context.step.run("a") { log.add("run a"); return 1 }
            // Swallowing the error does not let the handler go on to new steps.
            _ = try? await context.step.run("b") { log.add("run b"); return 2 }
            _ = try? await context.step.run("c") { log.add("run c"); return 3 }
            return .null
        }
        let outcome = await Executor.execute(fn, request: heldRequest(holder), resolver: try await emptyResolver(), checkpoint: { _ in })
        guard case .failed(let error, let retriable, _) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(error.name == "DiskFull")
        #expect(retriable)
        #expect(log.all == ["run a", "held a"])
    }
}
