import Foundation
import Inngest
import InngestTesting
import Testing

/// `throttle`: runs start at `limit` per `period`, `limit + burst` at once after a quiet spell;
/// excess runs are delayed in order, never dropped.
@Suite struct ThrottleTests {
    struct Throttled: InngestFunction {
        static let id = "throttled"
        static let trigger = Trigger.event(Keyed.self)
        static let options = FunctionOptions(throttle: .limit(2, per: .minutes(1), burst: 1, key: \Keyed.key))
        let journal: Journal

        func handle(_ event: Keyed, context: Context) async throws {
            try await context.step.run("work") { journal.add("\(event.key) \(event.n)") }
        }
    }

    @Test func excessRunsAreDelayedAtTheSteadyRateAndAllComplete() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Throttled(journal: journal))])
        for n in 0..<6 { try await app.send(Keyed(key: "a", n: n)) }
        try await app.send(Keyed(key: "b", n: 0))
        try await app.runUntilIdle()
        // limit + burst = 3 start at once for key a; key b has its own throttle.
        #expect(journal.all.filter { $0.hasPrefix("a") }.count == 3)
        #expect(journal.all.contains("b 0"))
        let waiting = try await app.runs().filter { $0.status == .queued }
        #expect(waiting.count == 3)
        #expect(waiting.allSatisfy { $0.waitingFor?.hasPrefix("throttled") == true })
        // Then one every 30 s (period ÷ limit).
        try await app.advance(by: .seconds(29))
        #expect(journal.all.filter { $0.hasPrefix("a") }.count == 3)
        try await app.advance(by: .seconds(1))
        #expect(journal.all.filter { $0.hasPrefix("a") }.count == 4)
        try await app.advance(by: .seconds(30))
        try await app.advance(by: .seconds(30))
        let started = journal.all.filter { $0.hasPrefix("a") }
        #expect(Set(started.prefix(3)) == ["a 0", "a 1", "a 2"])
        #expect(Array(started.dropFirst(3)) == ["a 3", "a 4", "a 5"])
        #expect(try await app.runs().allSatisfy { $0.status == .completed })
    }

    struct Napper: InngestFunction {
        static let id = "napper"
        static let trigger = Trigger.event(Keyed.self)
        static let options = FunctionOptions(throttle: .limit(1, per: .hours(1)))
        let journal: Journal

        func handle(_ event: Keyed, context: Context) async throws {
            try await context.step.run("before") { journal.add("before \(event.n)") }
            try await context.step.sleep("nap", for: .seconds(10))
            try await context.step.run("after") { journal.add("after \(event.n)") }
        }
    }

    @Test func onlyTheStartOfARunIsThrottled() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Napper(journal: journal))])
        try await app.send(Keyed(key: "", n: 0))
        try await app.runUntilIdle()
        try await app.advance(by: .seconds(10))
        #expect(journal.all == ["before 0", "after 0"])
    }
}
