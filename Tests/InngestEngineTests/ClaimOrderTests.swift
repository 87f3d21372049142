import Foundation
import Inngest
import InngestTesting
import Testing

/// The claim policy: runs that already started (a sleep that is over, a wait that resolved, a retry
/// that is due) go before new runs, so that due timers never queue behind a burst of new work;
/// among each kind, runs due at the same time start in the order they were queued.
@Suite struct ClaimOrderTests {
    struct Napper: InngestFunction {
        static let id = "napper"
        static let trigger = Trigger.event(Keyed.self)
        let journal: Journal

        func handle(_ event: Keyed, context: Context) async throws {
            if event.key == "sleeper" {
                try await context.step.sleep("nap", for: .seconds(1))
                try await context.step.run("woke") { journal.add("woke") }
            } else {
                try await context.step.run("new") { journal.add("new \(event.n)") }
            }
        }
    }

    @Test func aDueSleeperGoesBeforeABurstOfNewRuns() async throws {
        let journal = Journal()
        let clock = ManualClock()
        // 16 runs at a time: `runUntilIdle` finishes each claim's runs before the next claim, so
        // the sleeper's step runs among the first 16 exactly when it is in the first claim.
        let engine = try await makeEngine(path: temporaryDatabase(), clock: clock, functions: [FunctionDefinition(handler: Napper(journal: journal))],
                                          concurrency: 16)
        try await engine.start(runLoop: false)
        _ = try await engine.send([InngestEvent(Keyed(key: "sleeper", n: 0))])
        try await engine.runUntilIdle()
        _ = try await engine.send((0..<100).map { try InngestEvent(Keyed(key: "burst", n: $0)) })
        clock.advance(by: .seconds(1))
        try await engine.runUntilIdle()
        let position = try #require(journal.all.firstIndex(of: "woke"))
        #expect(position < 16)
        #expect(journal.all.count == 101)
    }
}
