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
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Napper(journal: journal))])
        try await app.send(Keyed(key: "sleeper", n: 0))
        try await app.runUntilIdle()
        for n in 0..<100 { try await app.send(Keyed(key: "burst", n: n)) }
        try await app.advance(by: .seconds(1))
        let position = try #require(journal.all.firstIndex(of: "woke"))
        // The engine claims 16 runs at a time: the sleeper is in the first claim.
        #expect(position < 16)
        #expect(journal.all.count == 101)
    }
}
