import Foundation
import Inngest
import InngestTesting
import Testing

/// `singleton`: one unfinished run per key; a new event is skipped or cancels the unfinished run.
@Suite struct SingletonTests {
    struct Sync<let cancels: Int>: InngestFunction {
        static var id: String { cancels == 1 ? "sync-cancel" : "sync-skip" }
        static var trigger: Trigger<Keyed> { .event(Keyed.self) }
        static var options: FunctionOptions { FunctionOptions(singleton: .key(\Keyed.key, mode: cancels == 1 ? .cancel : .skip)) }
        let journal: Journal

        func handle(_ event: Keyed, context: Context) async throws {
            try await context.step.run("start") { journal.add("start \(event.n)") }
            try await context.step.sleep("nap", for: .minutes(1))
            try await context.step.run("end") { journal.add("end \(event.n)") }
        }
    }

    @Test func skipModeSkipsEventsWhileARunOfTheKeyIsUnfinished() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Sync<0>(journal: journal))])
        try await app.send(Keyed(key: "a", n: 0))
        try await app.runUntilIdle()
        try await app.send(Keyed(key: "a", n: 1))
        try await app.send(Keyed(key: "b", n: 2))
        try await app.runUntilIdle()
        try await app.advance(by: .minutes(1))
        try await app.send(Keyed(key: "a", n: 3))
        try await app.runUntilIdle()
        try await app.advance(by: .minutes(1))
        #expect(Set(journal.all) == ["start 0", "end 0", "start 2", "end 2", "start 3", "end 3"])
        let skipped = try await app.runs().filter { $0.status == .skipped }
        #expect(skipped.count == 1)
        #expect(try await app.timeline(of: try #require(skipped.first).runId).last?.detail.contains("singleton") == true)
    }

    @Test func cancelModeCancelsTheUnfinishedRun() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Sync<1>(journal: journal))])
        try await app.send(Keyed(key: "a", n: 0))
        try await app.runUntilIdle()
        try await app.send(Keyed(key: "a", n: 1))
        try await app.runUntilIdle()
        try await app.advance(by: .minutes(1))
        #expect(journal.all == ["start 0", "start 1", "end 1"])
        let statuses = try await app.runs().map(\.status)
        #expect(statuses.sorted { $0.rawValue < $1.rawValue } == [.cancelled, .completed])
    }
}
