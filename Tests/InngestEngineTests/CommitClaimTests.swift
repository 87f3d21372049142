import Foundation
import InngestCore
@testable import InngestEngine
import Synchronization
import Testing

/// A group commit claims the runs that woke (here a sleep that is over) into the free slots,
/// counting the slot of each execution whose last write it commits: a due timer starts with the
/// next commit instead of waiting for the loop's next pass behind the commits queued before it.
@Suite struct CommitClaimTests {
    /// An engine of one slot, as the store's hooks see it.
    final class OneSlot: Sendable {
        let state = Mutex<(taken: Int, reservedWith: [Int], handedOver: [String])>((0, [], []))

        func claims(now: Int64) -> WakingClaims {
            WakingClaims(
                reserve: { ending in
                    self.state.withLock { state in
                        state.reservedWith.append(ending)
                        let free = max(0, 1 + ending - state.taken)
                        state.taken += free
                        return (free, now)
                    }
                },
                release: { slots in self.state.withLock { $0.taken -= slots } },
                handOver: { runs in self.state.withLock { $0.handedOver += runs.map(\.runId) } })
        }
    }

    /// A sleeper asleep until 1,000 and a worker executing (claimed), in a fresh store.
    private func sleeperAndWorker() async throws -> (store: EngineStore, sleeper: String, worker: String) {
        let path = temporaryDatabase()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let store = try EngineStore(path: path)
        let side = try SQLiteConnection(path: path)
        for id in ["e-sleeper", "e-worker"] {
            let body = InngestEvent(name: "test/e", data: .object([:]), id: id, ts: 0).jsonValue.jsonString
            try side.query("INSERT INTO events (id, name, body, ts, received_at) VALUES (?, 'test/e', ?, 0, 0)", [.text(id), .text(body)])
        }
        let sleeper = try await store.insertRun(functionId: "f", eventId: "e-sleeper", eventName: "test/e", event: .null, nextAt: 0, now: 0)
        #expect(try await store.claimDue(now: 0, limit: 1).map(\.runId) == [sleeper])
        try await store.apply(runId: sleeper, steps: [StepWrite(hash: StepIdentifier.hash("nap"), name: "nap", op: "Sleep", memo: nil, wakeAt: 1_000)],
                              update: .queue(attempt: 0, nextAt: 1_000), timeline: [], endsExecution: true, now: 0)
        let worker = try await store.insertRun(functionId: "f", eventId: "e-worker", eventName: "test/e", event: .null, nextAt: 0, now: 0)
        #expect(try await store.claimDue(now: 0, limit: 1).map(\.runId) == [worker])
        return (store, sleeper, worker)
    }

    @Test func theCommitThatEndsAnExecutionStartsARunThatWokeInItsSlot() async throws {
        let (store, sleeper, worker) = try await sleeperAndWorker()
        let engine = OneSlot()
        engine.state.withLock { $0.taken = 1 }  // the worker
        await store.claimWakingRunsInCommits(engine.claims(now: 1_000))
        // A step of the worker: its slot stays taken, so nothing is claimed.
        try await store.apply(runId: worker, steps: [StepWrite(hash: StepIdentifier.hash("a"), name: "a", op: "StepRun", memo: .data(.integer(1)), wakeAt: nil)],
                              update: nil, timeline: [], now: 1_000)
        #expect(engine.state.withLock { $0.handedOver }.isEmpty)
        #expect(try await store.run(sleeper)?.status == .queued)
        // The worker's completion frees its slot with the commit: the sleeper is claimed in it.
        try await store.apply(runId: worker, steps: [], update: .complete(.null), timeline: [], endsExecution: true, now: 1_000)
        let state = engine.state.withLock { $0 }
        #expect(state.reservedWith == [0, 1])
        #expect(state.handedOver == [sleeper])
        #expect(state.taken == 2, "the sleeper's slot, and the worker's until the engine sees it return")
        #expect(try await store.run(sleeper)?.status == .running)
        // Its sleep is over in the same transaction: the memo it replays says so.
        let claimed = try await store.claimDue(now: 1_000, limit: 1)
        #expect(claimed.isEmpty, "already claimed by the commit")
    }

    @Test func withoutHooksOnlyPassesClaim() async throws {
        let (store, sleeper, worker) = try await sleeperAndWorker()
        try await store.apply(runId: worker, steps: [], update: .complete(.null), timeline: [], endsExecution: true, now: 1_000)
        #expect(try await store.run(sleeper)?.status == .queued)
        #expect(try await store.claimDue(now: 1_000, limit: 1).map(\.runId) == [sleeper])
    }
}
