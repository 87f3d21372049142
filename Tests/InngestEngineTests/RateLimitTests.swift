import Foundation
import Inngest
import InngestTesting
import Testing

/// `rateLimit` and `idempotency`: events beyond the limit start no run and are recorded as skipped.
@Suite struct RateLimitTests {
    struct Limited: InngestFunction {
        static let id = "rate-limited"
        static let trigger = Trigger.event(Keyed.self)
        static let options = FunctionOptions(rateLimit: .limit(1, per: .minutes(1), key: \Keyed.key))
        let journal: Journal

        func handle(_ event: Keyed, context: Context) async throws {
            try await context.step.run("work") { journal.add("\(event.key) \(event.n)") }
        }
    }

    @Test func oneRunPerMinuteAndTheRestSkipped() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Limited(journal: journal))])
        for n in 0..<5 {
            try await app.send(Keyed(key: "a", n: n))
            try await app.advance(by: .seconds(10))
        }
        try await app.send(Keyed(key: "b", n: 0))
        try await app.runUntilIdle()
        #expect(journal.all == ["a 0", "b 0"])
        let runs = try await app.runs()
        #expect(runs.filter { $0.status == .skipped }.count == 4)
        #expect(runs.filter { $0.status == .completed }.count == 2)
        let skipped = try #require(runs.first { $0.status == .skipped })
        #expect(try await app.timeline(of: skipped.runId).last?.detail.contains("rateLimit") == true)
        // A minute after the first, the key may start again.
        try await app.advance(by: .seconds(20))
        try await app.send(Keyed(key: "a", n: 5))
        try await app.runUntilIdle()
        #expect(journal.all == ["a 0", "b 0", "a 5"])
    }

    struct Once: InngestFunction {
        static let id = "once"
        static let trigger = Trigger.event(Keyed.self)
        static let options = FunctionOptions(idempotency: .key(\Keyed.key))
        let journal: Journal

        func handle(_ event: Keyed, context: Context) async throws {
            try await context.step.run("work") { journal.add("\(event.key) \(event.n)") }
        }
    }

    @Test func idempotencyStartsOneRunPerKeyFor24Hours() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Once(journal: journal))])
        try await app.send(Keyed(key: "order-1", n: 0))
        try await app.send(Keyed(key: "order-1", n: 1))
        try await app.send(Keyed(key: "order-2", n: 2))
        try await app.runUntilIdle()
        try await app.advance(by: .hours(23))
        try await app.send(Keyed(key: "order-1", n: 3))
        try await app.runUntilIdle()
        // The two keys' runs execute side by side, so their order is not part of the contract.
        #expect(journal.all.sorted() == ["order-1 0", "order-2 2"])
        try await app.advance(by: .hours(1))
        try await app.send(Keyed(key: "order-1", n: 4))
        try await app.runUntilIdle()
        #expect(journal.all.sorted() == ["order-1 0", "order-1 4", "order-2 2"])
        #expect(try await app.runs().filter { $0.status == .skipped }.count == 2)
    }
}

/// A run that `step.invoke` asks for goes through the invoked function's rate limit: when it is
/// skipped, the invoking step fails with the reason instead of waiting for its timeout.
@Suite struct InvokedRateLimitTests {
    struct Charge: InngestFunction {
        static let id = "charge-once"
        static let trigger = Trigger.event(Keyed.self)
        static let options = FunctionOptions(rateLimit: .limit(1, per: .hours(1)))
        func handle(_ event: Keyed, context: Context) async throws -> Int { event.n }
    }

    struct Caller: InngestFunction {
        static let id = "caller"
        static let trigger = Trigger.event(Ping.self)
        let journal: Journal

        func handle(_ ping: Ping, context: Context) async throws {
            do {
                let n = try await context.step.invoke("charge", Charge.self, with: Keyed(key: "", n: 7), timeout: .hours(1))
                journal.add("got \(n)")
            } catch let error as StepError {
                journal.add("\(error.error.name)")
            }
        }
    }

    @Test func aSkippedInvocationFailsTheInvokingStep() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self,
                                                functions: [FunctionDefinition(handler: Charge()), FunctionDefinition(handler: Caller(journal: journal))])
        try await app.send(Ping(id: "1"))
        try await app.runUntilIdle()
        try await app.send(Ping(id: "2"))
        try await app.runUntilIdle()
        #expect(journal.all == ["got 7", "InvokedRunSkipped"])
    }
}
