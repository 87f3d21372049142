import Foundation
@testable import InngestCore
import Synchronization
import Testing

/// A run claimed just before its sleep ends replays its recorded steps at once and waits at the
/// woken sleep (or, if its replay never reaches it, at the first new step or its return) until the
/// engine opens the gate: nothing past the sleep happens early.
@Suite struct WakeGateTests {
    /// The engine's side of a gate: says when the execution reached it, and opens or closes it.
    final class Control: Sendable {
        private let reachedStream = AsyncStream<Void>.makeStream()
        private let decision = AsyncStream<Bool>.makeStream()

        func gate(sleeps: Set<String>) -> WakeGate {
            WakeGate(sleeps: sleeps) {
                self.reachedStream.continuation.yield()
                for await opened in self.decision.stream { return opened }
                return false
            }
        }

        /// Returns once the execution waits at the gate.
        func reached() async {
            for await _ in reachedStream.stream { return }
        }

        func decide(_ opened: Bool) { decision.continuation.yield(opened) }
    }

    static let recorded: [String: StepMemo] = [
        StepIdentifier.hash("a"): .data(.integer(1)),
        StepIdentifier.hash("b"): .data(.integer(2)),
        StepIdentifier.hash("nap"): .data(.null),
    ]

    /// Records what the handler did, in order.
    final class Trace: Sendable {
        let lines = Mutex<[String]>([])
        func add(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    static func sleeper(_ trace: Trace) -> FunctionDefinition {
        function { context in
            let a = try await context.step.run("a") { trace.add("ran a"); return 1 }
            let b = try await context.step.run("b") { trace.add("ran b"); return a + 1 }
            trace.add("before the sleep, b=\(b)")
            try await context.step.sleep("nap", for: .seconds(60))
            trace.add("after the sleep")
            let c: Int = try await context.step.run("c") { trace.add("ran c"); return b + 1 }
            return .integer(Int64(c))
        }
    }

    @Test(.timeLimit(.minutes(1))) func theReplayRunsAheadAndTheSleepReturnsWhenTheGateOpens() async throws {
        let trace = Trace(), control = Control()
        var request = request(memo: Self.recorded)
        request.wakeGate = control.gate(sleeps: [StepIdentifier.hash("nap")])
        let execution = Task { [request] in await Executor.execute(Self.sleeper(trace), request: request, resolver: try await emptyResolver()) }
        await control.reached()
        #expect(trace.all == ["before the sleep, b=2"], "replayed up to the sleep, and no further")
        control.decide(true)
        let outcome = try await execution.value
        #expect(outcome == .ops([GeneratorOp(op: .stepRun, id: StepIdentifier.hash("c"), name: "c", data: .integer(3))], retryAfter: nil))
        #expect(trace.all == ["before the sleep, b=2", "after the sleep", "ran c"])
    }

    @Test(.timeLimit(.minutes(1))) func aClosedGateStopsTheRunAtTheSleepHavingDoneNothingNew() async throws {
        let trace = Trace(), control = Control()
        var request = request(memo: Self.recorded)
        let gate = control.gate(sleeps: [StepIdentifier.hash("nap")])
        request.wakeGate = gate
        let execution = Task { [request] in await Executor.execute(Self.sleeper(trace), request: request, resolver: try await emptyResolver()) }
        await control.reached()
        control.decide(false)
        let outcome = try await execution.value
        #expect(gate.isClosed)
        #expect(trace.all == ["before the sleep, b=2"])
        if case .completed = outcome { Issue.record("a closed gate must not complete the run: \(outcome)") }
    }

    @Test(.timeLimit(.minutes(1))) func aReplayThatMissesTheSleepWaitsAtItsFirstNewStep() async throws {
        // The code changed: the recorded sleep is gone, and a new step comes first.
        let trace = Trace(), control = Control()
        var request = request(memo: Self.recorded)
        request.wakeGate = control.gate(sleeps: [StepIdentifier.hash("nap")])
        let changed = function { context in
            let a = try await context.step.run("a") { trace.add("ran a"); return 1 }
            trace.add("replayed a=\(a)")
            let new: Int = try await context.step.run("new") { trace.add("ran new"); return 5 }
            return .integer(Int64(new))
        }
        let execution = Task { [request] in await Executor.execute(changed, request: request, resolver: try await emptyResolver()) }
        await control.reached()
        #expect(trace.all == ["replayed a=1"], "the new step's body waits for the gate")
        control.decide(true)
        _ = try await execution.value
        #expect(trace.all == ["replayed a=1", "ran new"])
    }

    @Test(.timeLimit(.minutes(1))) func aHandlerThatReturnsFromItsReplayReportsOnlyOnceTheGateOpens() async throws {
        let control = Control()
        var request = request(memo: Self.recorded)
        request.wakeGate = control.gate(sleeps: [StepIdentifier.hash("elsewhere")])
        let finished = Mutex(false)
        let replayOnly = function { context in
            _ = try await context.step.run("a") { 1 }
            return .string("done")
        }
        let execution = Task { [request] in
            defer { finished.withLock { $0 = true } }
            return await Executor.execute(replayOnly, request: request, resolver: try await emptyResolver())
        }
        await control.reached()
        #expect(!finished.withLock { $0 })
        control.decide(true)
        #expect(try await execution.value == .completed(.string("done")))
    }

    @Test func withoutAGateNothingWaits() async throws {
        let trace = Trace()
        let outcome = await Executor.execute(Self.sleeper(trace), request: request(memo: Self.recorded), resolver: try await emptyResolver())
        #expect(outcome == .ops([GeneratorOp(op: .stepRun, id: StepIdentifier.hash("c"), name: "c", data: .integer(3))], retryAfter: nil))
    }
}
