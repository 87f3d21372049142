import Foundation
import Inngest
import InngestTesting
import Testing

/// The background loop sleeps until the next due time; while idle it notices, at its one-second
/// tick, a commit by another connection (SQLite's `data_version`) and only then makes a pass.
@Suite struct IdleLoopTests {
    struct Opens: InngestFunction {
        static let id = "opens"
        static let trigger = Trigger.event(Ping.self)
        let latch: Latch

        func handle(_ ping: Ping, context: Context) async throws {
            try await context.step.run("open") { latch.open() }
        }
    }

    @Test func aRunQueuedByAnotherConnectionStartsAtTheNextTick() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let latch = Latch()
        let functions = [FunctionDefinition(handler: Opens(latch: latch))]
        let engine = try await makeEngine(path: path, clock: clock, functions: functions)
        try await engine.start()
        // Another process (here: another connection, never started) accepts an event; nothing
        // signals this engine, which sleeps until its tick.
        let other = try await makeEngine(path: path, clock: clock, functions: functions)
        _ = try await other.send([InngestEvent(Ping(id: "elsewhere"))])
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(1))
        await latch.wait()
        await engine.shutdown()
    }

    @Test func anEventAToolSentIsIngestedAtTheNextTick() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let latch = Latch()
        let engine = try await makeEngine(path: path, clock: clock, functions: [FunctionDefinition(handler: Opens(latch: latch))])
        try await engine.start()
        // `inngest send`: the event waits in the inbox; the engine routes it at its next look.
        _ = try await EngineInspector(databasePath: path, clock: clock).send(InngestEvent(Ping(id: "from a tool")))
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(1))
        await latch.wait()
        await engine.shutdown()
    }
}
