import Foundation
import Inngest
import InngestTesting
import Testing

/// `priority`: a head start in seconds over other queued runs; a negative one delays the run.
@Suite struct PriorityTests {
    struct Ranked: InngestFunction {
        static let id = "ranked"
        static let trigger = Trigger.event(Keyed.self)
        static let options = FunctionOptions(concurrency: 1, priority: .run(\Keyed.rank))
        let journal: Journal

        func handle(_ event: Keyed, context: Context) async throws {
            try await context.step.run("work") { journal.add("\(event.n)") }
        }
    }

    @Test func aHeadStartPassesRunsQueuedBeforeIt() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Ranked(journal: journal))])
        try await app.send(Keyed(key: "", n: 0))
        try await app.advance(by: .seconds(1))
        try await app.send(Keyed(key: "", n: 1))
        try await app.send(Keyed(key: "", n: 2, rank: 600))
        try await app.send(Keyed(key: "", n: 3, rank: 30))
        try await app.runUntilIdle()
        #expect(journal.all == ["0", "2", "3", "1"])
    }

    @Test func aNegativePriorityDelaysTheRun() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Ranked(journal: journal))])
        try await app.send(Keyed(key: "", n: 0, rank: -60))
        try await app.runUntilIdle()
        #expect(journal.all.isEmpty)
        try await app.advance(by: .seconds(60))
        #expect(journal.all == ["0"])
    }

    @Test func valuesBeyond600SecondsAreClamped() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Ranked(journal: journal))])
        try await app.send(Keyed(key: "", n: 0, rank: -5_000))
        try await app.advance(by: .seconds(600))
        #expect(journal.all == ["0"])
    }
}
