import Foundation
import Inngest
import InngestTesting
import Testing

/// `timeouts.start` and `timeouts.finish`: a run past either is cancelled, wherever it is.
@Suite struct TimeoutTests {
    struct Slow: InngestFunction {
        static let id = "slow"
        static let trigger = Trigger.event(Ping.self)
        static let options = FunctionOptions(timeouts: Timeouts(start: .minutes(1), finish: .minutes(10)))
        let journal: Journal
        let clock: ManualClock

        func handle(_ ping: Ping, context: Context) async throws {
            try await context.step.run("first") { journal.add("first") }
            if ping.id == "long-step" {
                try await context.step.run("long") {
                    journal.add("long")
                    clock.advance(by: .minutes(11))  // The step itself outlasts the finish timeout.
                }
            } else {
                try await context.step.sleep("nap", for: .minutes(30))
            }
            try await context.step.run("last") { journal.add("last") }
        }
    }

    private func boot() async throws -> (InngestTestApp, Journal) {
        let journal = Journal()
        let clock = ManualClock()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, clock: clock,
                                                functions: [FunctionDefinition(handler: Slow(journal: journal, clock: clock))])
        return (app, journal)
    }

    @Test func aRunNotStartedInTimeIsCancelled() async throws {
        let (app, journal) = try await boot()
        try await app.send(Ping(id: "late"))
        try await app.advance(by: .seconds(61))
        #expect(journal.all.isEmpty)
        let run = try #require(try await app.runs().first)
        #expect(run.status == .cancelled)
        #expect(try await app.timeline(of: run.runId).last?.detail.contains("did not start in time") == true)
    }

    @Test func aSleepingRunIsCancelledAtItsFinishTimeout() async throws {
        let (app, journal) = try await boot()
        try await app.send(Ping(id: "sleepy"))
        try await app.runUntilIdle()
        try await app.advance(by: .minutes(9))
        #expect(try await app.runs().first?.status == .queued)
        try await app.advance(by: .minutes(1))
        let run = try #require(try await app.runs().first)
        #expect(run.status == .cancelled)
        try await app.advance(by: .hours(1))
        #expect(journal.all == ["first"])
        #expect(try await app.timeline(of: run.runId).last?.detail.contains("did not finish within 10m") == true)
    }

    @Test func anExecutingRunIsCancelledAtTheStepThatCrossesItsFinishTimeout() async throws {
        let (app, journal) = try await boot()
        try await app.send(Ping(id: "long-step"))
        try await app.runUntilIdle()
        #expect(journal.all == ["first", "long"])
        #expect(try await app.runs().first?.status == .cancelled)
    }
}
