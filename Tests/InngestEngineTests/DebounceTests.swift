import Foundation
import Inngest
import InngestTesting
import Testing

/// `debounce`: one run per key once `period` passes with no new event, with the last event; at
/// most `timeout` after the first; pending debounces survive a restart.
@Suite struct DebounceTests {
    struct Debounced: InngestFunction {
        static let id = "debounced"
        static let trigger = Trigger.event(Keyed.self)
        static let options = FunctionOptions(debounce: .period(.seconds(10), key: \Keyed.key, timeout: .seconds(30)))
        let journal: Journal

        func handle(_ event: Keyed, context: Context) async throws {
            try await context.step.run("work") { journal.add("\(event.key) \(event.n)") }
        }
    }

    @Test func theRunStartsWithTheLastEventOncePeriodPassesQuietly() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Debounced(journal: journal))])
        for n in 0..<3 {
            try await app.send(Keyed(key: "a", n: n))
            try await app.advance(by: .seconds(5))
        }
        try await app.send(Keyed(key: "b", n: 9))
        try await app.runUntilIdle()
        #expect(journal.all.isEmpty)
        let waiting = try await app.runs().filter { $0.status == .queued }
        #expect(waiting.count == 2)
        #expect(waiting.allSatisfy { $0.waitingFor?.hasPrefix("debounced until") == true })
        try await app.advance(by: .seconds(5))
        #expect(journal.all == ["a 2"])
        try await app.advance(by: .seconds(5))
        #expect(journal.all == ["a 2", "b 9"])
        #expect(try await app.runs().count == 2)
    }

    @Test func theTimeoutCapsHowLongTheFirstEventWaits() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Debounced(journal: journal))])
        for n in 0..<8 {
            try await app.send(Keyed(key: "a", n: n))
            try await app.advance(by: .seconds(5))
        }
        // Events at 0, 5, …, 35 s: the run starts at 30 s with the event sent at 25 s; those after open a new debounce.
        #expect(journal.all == ["a 5"])
        try await app.advance(by: .seconds(10))
        #expect(journal.all == ["a 5", "a 7"])
    }

    @Test func aPendingDebounceFiresOnceAfterARestart() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        let first = try await makeEngine(path: path, clock: clock, functions: [FunctionDefinition(handler: Debounced(journal: journal))])
        try await first.start(runLoop: false)
        _ = try await first.send([try InngestEvent(Keyed(key: "a", n: 0)), try InngestEvent(Keyed(key: "a", n: 1))])
        try await first.runUntilIdle()
        // The process stops here; a new one opens the same file.
        let second = try await makeEngine(path: path, clock: clock, functions: [FunctionDefinition(handler: Debounced(journal: journal))])
        try await second.start(runLoop: false)
        clock.advance(by: .seconds(10))
        try await second.runUntilIdle()
        clock.advance(by: .seconds(60))
        try await second.runUntilIdle()
        #expect(journal.all == ["a 1"])
    }
}
