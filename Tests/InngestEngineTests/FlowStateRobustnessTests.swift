import Foundation
import Inngest
@testable import InngestEngine
import InngestTesting
import Testing

/// Flow-control state written by another program or damaged: a batch whose event row is gone or
/// unreadable fails alone; rate state of the wrong type counts as none; a batch pending at a
/// restart starts once; a throttled run pending at a restart keeps its turn.
@Suite struct FlowStateRobustnessTests {
    struct Batched: InngestFunction {
        static let id = "batched"
        static let trigger = Trigger<[Keyed]>.event(Keyed.self)
        static let options = FunctionOptions(batchEvents: .maxSize(3, timeout: .seconds(10), key: \Keyed.key))
        let journal: Journal
        func handle(_ events: [Keyed], context: Context) async throws {
            try await context.step.run("work") { journal.add("batch " + events.map { "\($0.key)\($0.n)" }.joined(separator: " ")) }
        }
    }

    struct Limited: InngestFunction {
        static let id = "limited"
        static let trigger = Trigger.event(Keyed.self)
        static let options = FunctionOptions(throttle: .limit(1, per: .minutes(1)), rateLimit: .limit(1, per: .minutes(1), key: \Keyed.key))
        let journal: Journal
        func handle(_ event: Keyed, context: Context) async throws {
            try await context.step.run("work") { journal.add("\(event.key)\(event.n)") }
        }
    }

    @Test func aBatchWithADamagedEventFailsAloneAndTheOthersRun() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        let engine = try await makeEngine(path: path, clock: clock, functions: [FunctionDefinition(handler: Batched(journal: journal))])
        try await engine.start(runLoop: false)
        _ = try await engine.send(try (0..<2).map { try InngestEvent(Keyed(key: "bad", n: $0)) }
                                  + (0..<2).map { try InngestEvent(Keyed(key: "good", n: $0)) })
        let connection = try SQLiteConnection(path: path)
        let bad = try #require(try connection.query("SELECT run_id FROM runs r JOIN events e ON e.id = r.event_id WHERE e.body LIKE '%\"bad\"%'")
            .first?["run_id"].text)
        try connection.query("UPDATE events SET body = '{\"name\":' WHERE id = (SELECT event_id FROM run_events WHERE run_id = ? AND seq = 1)",
                             [.text(bad)])
        clock.advance(by: .seconds(10))
        try await engine.runUntilIdle()
        #expect(journal.all == ["batch good0 good1"])
        let failed = try #require(try await engine.run(bad))
        #expect(failed.status == .failed)
        #expect(failed.error?.message.contains("of its batch cannot be read back") == true)
    }

    @Test func rateStateOfTheWrongTypeCountsAsNone() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        let engine = try await makeEngine(path: path, clock: clock, functions: [FunctionDefinition(handler: Limited(journal: journal))])
        try await engine.start(runLoop: false)
        _ = try await engine.send([try InngestEvent(Keyed(key: "a", n: 0))])
        try await engine.runUntilIdle()
        try SQLiteConnection(path: path).query("UPDATE rate_state SET tat = ?, forget_at = ?", [.text("garbage\u{0}x"), .text("never")])
        _ = try await engine.send([try InngestEvent(Keyed(key: "a", n: 1))])
        clock.advance(by: .minutes(1))
        try await engine.runUntilIdle()
        #expect(journal.all == ["a0", "a1"])
    }

    @Test func aBatchAndAThrottledRunPendingAtARestartStartOnce() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        let functions = { [FunctionDefinition(handler: Batched(journal: journal)), FunctionDefinition(handler: Limited(journal: journal))] }
        let first = try await makeEngine(path: path, clock: clock, functions: functions())
        try await first.start(runLoop: false)
        _ = try await first.send([try InngestEvent(Keyed(key: "x", n: 0)), try InngestEvent(Keyed(key: "y", n: 1))])
        try await first.runUntilIdle()
        // The batches wait for their timeout; the throttle let x0 start and holds y1 back.
        #expect(journal.all == ["x0"])
        let second = try await makeEngine(path: path, clock: clock, functions: functions())
        try await second.start(runLoop: false)
        clock.advance(by: .seconds(10))
        try await second.runUntilIdle()
        #expect(journal.all.sorted() == ["batch x0", "batch y1", "x0"])
        clock.advance(by: .seconds(50))
        try await second.runUntilIdle()
        clock.advance(by: .minutes(5))
        try await second.runUntilIdle()
        #expect(journal.all.sorted() == ["batch x0", "batch y1", "x0", "y1"])
    }
}
