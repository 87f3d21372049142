import Foundation
import InngestCore
@testable import InngestEngine
import Synchronization
import Testing

/// A run whose only pending step is a sleep about to end is claimed up to `EngineStore.wakeAhead`
/// milliseconds early, by a group commit or a pass, with its sleep completed and the time it
/// executes (`startAt`): a busy engine has claimed and loaded it before the timer is due. A run
/// whose wake could still change (a wait for an event, an invoke, a finish timeout, a later timer)
/// is claimed only when it is due.
@Suite struct EarlyWakeTests {
    /// Slots for the store's group-commit claims, as an engine would count them.
    final class Slots: Sendable {
        let state = Mutex<(free: Int, handedOver: [ClaimedRun])>((0, []))

        init(free: Int) { state.withLock { $0.free = free } }

        func claims(now: Int64) -> WakingClaims {
            WakingClaims(
                reserve: { _ in self.state.withLock { state in defer { state.free = 0 }; return (state.free, now) } },
                release: { slots in self.state.withLock { $0.free += slots } },
                handOver: { runs in self.state.withLock { $0.handedOver += runs } })
        }

        var handedOver: [ClaimedRun] { state.withLock { $0.handedOver } }
    }

    /// A fresh store with one event per id, and a claimed run of each.
    private func store(runs count: Int) async throws -> (store: EngineStore, runs: [String]) {
        let path = temporaryDatabase()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let store = try EngineStore(path: path)
        let side = try SQLiteConnection(path: path)
        var runs: [String] = []
        for n in 0..<count {
            let id = "e-\(n)"
            let body = InngestEvent(name: "test/e", data: .object([:]), id: id, ts: 0).jsonValue.jsonString
            try side.query("INSERT INTO events (id, name, body, ts, received_at) VALUES (?, 'test/e', ?, 0, 0)", [.text(id), .text(body)])
            runs.append(try await store.insertRun(functionId: "f", eventId: id, eventName: "test/e", event: .null, nextAt: 0, now: 0))
        }
        #expect(try await store.claimDue(now: 0, limit: count).count == count)
        return (store, runs)
    }

    private func suspend(_ store: EngineStore, _ run: String, _ steps: [StepWrite], waits: [EventWait] = []) async throws {
        try await store.apply(runId: run, steps: steps, update: .queue(attempt: 0, nextAt: steps.compactMap(\.wakeAt).min() ?? 0),
                              timeline: [], waits: waits, endsExecution: true, now: 0)
    }

    private func sleep(_ name: String, until time: Int64) -> StepWrite {
        StepWrite(hash: StepIdentifier.hash(name), name: name, op: "Sleep", memo: nil, wakeAt: time)
    }

    /// A commit: a completed step of a run that executes.
    private func commit(_ store: EngineStore, _ run: String, now: Int64) async throws {
        try await store.apply(runId: run, steps: [StepWrite(hash: StepIdentifier.hash("w-\(now)"), name: "w-\(now)", op: "StepRun",
                                                            memo: .data(.integer(1)), wakeAt: nil)],
                              update: nil, timeline: [], now: now)
    }

    @Test func aCommitClaimsASleeperWhoseSleepEndsWithinTheWindowAndSaysWhenItStarts() async throws {
        let (store, runs) = try await store(runs: 2)
        let (sleeper, worker) = (runs[0], runs[1])
        try await suspend(store, sleeper, [sleep("nap", until: 1_000)])
        let slots = Slots(free: 4)
        // Too early: nothing is claimed, and every slot is given back.
        await store.claimWakingRunsInCommits(slots.claims(now: 1_000 - EngineStore.wakeAhead - 1))
        try await commit(store, worker, now: 1_000 - EngineStore.wakeAhead - 1)
        #expect(slots.handedOver.isEmpty)
        #expect(slots.state.withLock { $0.free } == 4)
        #expect(try await store.run(sleeper)?.status == .queued)
        // Within the window: claimed, its sleep over, to start at the sleep's end.
        await store.claimWakingRunsInCommits(slots.claims(now: 1_000 - EngineStore.wakeAhead))
        try await commit(store, worker, now: 1_000 - EngineStore.wakeAhead)
        let claimed = try #require(slots.handedOver.first)
        #expect(claimed.runId == sleeper)
        #expect(claimed.resumed)
        #expect(claimed.startAt == 1_000)
        #expect(claimed.storedSteps.map(\.memo) == ["null"], "the sleep's memo, completed with the claim")
        #expect(claimed.wokenSleeps == [StepIdentifier.hash("nap")], "the sleep whose return waits for its end")
        #expect(try await store.run(sleeper)?.status == .running)
        #expect(slots.state.withLock { $0.free } == 3)
    }

    @Test func aRunThatCouldStillBeWokenOtherwiseIsNotClaimedEarly() async throws {
        let (store, runs) = try await store(runs: 4)
        // Waits for an event until 1,000: an event may still arrive before then.
        try await suspend(store, runs[0], [StepWrite(hash: StepIdentifier.hash("wait"), name: "wait", op: "WaitForEvent", memo: nil, wakeAt: 1_000)],
                          waits: [EventWait(step: StepIdentifier.hash("wait"), eventName: "test/other", expression: nil,
                                            triggeringEvent: .null, expiresAt: 1_000)])
        // Two sleeps in parallel, the second later: it wakes at 1,000 only to sleep again.
        try await suspend(store, runs[1], [sleep("a", until: 1_000), sleep("b", until: 5_000)])
        // A sleep beside an invoke, which its child may still end first.
        try await suspend(store, runs[2], [sleep("c", until: 1_000),
                                           StepWrite(hash: StepIdentifier.hash("i"), name: "i", op: "InvokeFunction", memo: nil, wakeAt: 9_000)])
        let slots = Slots(free: 4)
        await store.claimWakingRunsInCommits(slots.claims(now: 990))
        try await commit(store, runs[3], now: 990)
        #expect(slots.handedOver.isEmpty)
        for run in runs.prefix(3) { #expect(try await store.run(run)?.status == .queued) }
        // When due, the wait times out and the sleepers wake, claimed as before (no start time).
        await store.claimWakingRunsInCommits(slots.claims(now: 1_000))
        try await commit(store, runs[3], now: 1_000)
        #expect(Set(slots.handedOver.map(\.runId)) == Set(runs.prefix(3)))
        #expect(slots.handedOver.allSatisfy { $0.startAt == nil })
    }

    @Test func aPassClaimsEarlyAndSaysToPassAheadOfTheNextSleeper() async throws {
        let (store, runs) = try await store(runs: 2)
        try await suspend(store, runs[0], [sleep("nap", until: 1_000)])
        try await suspend(store, runs[1], [sleep("nap", until: 2_000)])
        // Nothing within the window: the loop is told to pass just ahead of the first sleeper.
        let first = try await store.pass(now: 0, limit: 8, newLimit: 8) { _, _ in nil }
        #expect(first.claimed.isEmpty)
        #expect(first.next == 1_000 - EngineStore.wakeAhead)
        let second = try await store.pass(now: 1_000 - EngineStore.wakeAhead, limit: 8, newLimit: 8) { _, _ in nil }
        #expect(second.claimed.map(\.runId) == [runs[0]])
        #expect(second.claimed.first?.startAt == 1_000)
        #expect(second.next == 2_000 - EngineStore.wakeAhead)
        // A sleeper left within the window (no slot for it) is passed for when it is due, not at once again.
        let third = try await store.pass(now: 1_990, limit: 0, newLimit: 0) { _, _ in nil }
        #expect(third.claimed.isEmpty)
        #expect(third.next == 2_000)
    }

    @Test func aPassThatLeftNewRunsFewerSlotsSaysTheyWaitForOne() async throws {
        // Seven slots for new runs, six sleepers about to wake: new runs may take one. The
        // sleepers are claimed early and leave the queue, so the next due time says nothing of the
        // new run still queued: the engine must pass again when a slot frees (it stalled before).
        let (store, runs) = try await store(runs: 6)
        for run in runs { try await suspend(store, run, [sleep("nap", until: 100)]) }
        let side = try SQLiteConnection(path: await store.path)
        for n in 0..<2 {
            let id = "new-\(n)"
            let body = InngestEvent(name: "test/e", data: .object([:]), id: id, ts: 0).jsonValue.jsonString
            try side.query("INSERT INTO events (id, name, body, ts, received_at) VALUES (?, 'test/e', ?, 0, 0)", [.text(id), .text(body)])
            _ = try await store.insertRun(functionId: "f", eventId: id, eventName: "test/e", event: .null, nextAt: 0, now: 0)
        }
        let passed = try await store.pass(now: 90, limit: 8, newLimit: 7) { _, _ in nil }
        #expect(passed.claimed.count { $0.startAt == 100 } == 6)
        #expect(passed.claimed.count { !$0.resumed } == 1)
        #expect(passed.newRunsWait)
        #expect(passed.next == nil, "only started runs count, and none is queued")
        let free = try await store.pass(now: 90, limit: 8, newLimit: 7) { _, _ in nil }
        #expect(free.claimed.count == 1, "no run wakes soon now: the last new run is claimed")
        #expect(!free.newRunsWait)
    }

    @Test func claimDueClaimsOnlyWhatIsDue() async throws {
        // `runUntilIdle` executes what it claims at once, so it never claims ahead of time.
        let (store, runs) = try await store(runs: 1)
        try await suspend(store, runs[0], [sleep("nap", until: 1_000)])
        #expect(try await store.claimDue(now: 990, limit: 8).isEmpty)
        let claimed = try await store.claimDue(now: 1_000, limit: 8)
        #expect(claimed.map(\.runId) == runs)
        #expect(claimed.first?.startAt == nil)
    }

    @Test func passTimeIsAheadOnlyWhileThatIsStillToCome() {
        #expect(EngineStore.passTime(forDue: 1_000, now: 0) == 1_000 - EngineStore.wakeAhead)
        #expect(EngineStore.passTime(forDue: 1_000, now: 1_000 - EngineStore.wakeAhead) == 1_000)
        #expect(EngineStore.passTime(forDue: 1_000, now: 2_000) == 1_000)
    }
}
