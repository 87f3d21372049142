import Foundation
import Inngest
@testable import InngestEngine
import InngestTesting
import Testing

/// What tools (the `inngest` command, a dashboard) do through `EngineInspector` while the app may
/// run: list the registered functions, send events through the inbox, follow the timeline.
@Suite struct InspectorTests {
    struct Greeted: InngestFunction {
        static let id = "greeted"
        static let trigger = Trigger.event(Ping.self, if: "event.data.id != 'skip'")
        static let options = FunctionOptions(retries: 2, concurrency: .limit(3), throttle: .limit(5, per: .minutes(1)))
        let journal: Journal

        func handle(_ ping: Ping, context: Context) async throws -> String {
            try await context.step.run("greet") { journal.add("greet \(ping.id)"); return "hello \(ping.id)" }
        }
    }

    private func engine(_ path: String, _ clock: ManualClock, _ journal: Journal) async throws -> EmbeddedEngine {
        try await makeEngine(path: path, clock: clock, functions: [
            FunctionDefinition(Greeted.self, location: "Greeted.swift:11") { _ in Greeted(journal: journal) },
        ])
    }

    @Test func functionsAreListedWithTriggersAndOptions() async throws {
        let path = temporaryDatabase()
        let engine = try await engine(path, ManualClock(), Journal())
        try await engine.start(runLoop: false)
        let functions = try await EngineInspector(databasePath: path).functions()
        #expect(functions.map(\.id) == ["greeted"])
        let config = try #require(functions.first?.config)
        #expect(config["triggers"] == .array([.object(["event": .string(Ping.name), "expression": .string("event.data.id != 'skip'")])]))
        #expect(config["retries"] == .integer(2))
        #expect(config["concurrency"] == .array([.object(["limit": .integer(3)])]))
        #expect(config["throttle"]?["limit"] == .integer(5))
        #expect(functions.first?.location == "Greeted.swift:11")
    }

    @Test func theListIsReplacedAtEachStart() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        try await engine(path, clock, Journal()).start(runLoop: false)
        let other = try await makeEngine(path: path, clock: clock, functions: [FunctionDefinition(handler: Nightly(journal: Journal()))])
        try await other.start(runLoop: false)
        #expect(try await EngineInspector(databasePath: path).functions().map(\.id) == ["nightly"])
    }

    @Test func aToolsSendIsIngestedByTheEngineAsItsOwn() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        let engine = try await engine(path, clock, journal)
        try await engine.start(runLoop: false)
        let inspector = try EngineInspector(databasePath: path, clock: clock)
        let id = try await inspector.send(InngestEvent(name: Ping.name, data: .object(["id": .string("one")]), id: "key-1"))
        // The same idempotency key again: ingested once.
        _ = try await inspector.send(InngestEvent(name: Ping.name, data: .object(["id": .string("one")]), id: "key-1"))
        _ = try await inspector.send(InngestEvent(name: Ping.name, data: .object(["id": .string("skip")])))
        #expect(try await engine.runs().isEmpty)
        try await engine.runUntilIdle()
        let runs = try await engine.runs()
        #expect(runs.count == 1)
        #expect(runs.first?.eventId == id)
        #expect(runs.first?.output == .string("hello one"))
        #expect(journal.all == ["greet one"])
        #expect(try await engine.events().count == 2)
    }

    @Test func anInvalidEventIsRefusedBeforeItIsQueued() async throws {
        let path = temporaryDatabase()
        try await engine(path, ManualClock(), Journal()).start(runLoop: false)
        let inspector = try EngineInspector(databasePath: path)
        await #expect(throws: InvalidEventError.self) { try await inspector.send(InngestEvent(name: "")) }
    }

    @Test func anUnreadableInboxRowKeepsItsErrorAndBlocksNothing() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        let engine = try await engine(path, clock, journal)
        try await engine.start(runLoop: false)
        let db = try SQLiteConnection(path: path)
        for body in ["{\"name\":", "{\"name\":\"\"}", "[1,2]", "{\"name\":\"test/ping\",\"data\":{\"id\":\"\u{0}\"}}", String(repeating: "[", count: 10_000)] {
            try db.query("INSERT INTO inbox (event_id, body, queued_at) VALUES ('x', ?, 0)", [.text(body)])
        }
        _ = try await EngineInspector(databasePath: path, clock: clock).send(InngestEvent(name: Ping.name, data: .object(["id": .string("ok")])))
        try await engine.runUntilIdle()
        #expect(journal.all.contains("greet ok"))
        let left = try db.query("SELECT body, error FROM inbox ORDER BY seq")
        #expect(left.count == 5)
        #expect(left.allSatisfy { $0["error"].text?.isEmpty == false })
        // Taken once: the next pass leaves them alone.
        try await engine.runUntilIdle()
        #expect(try db.query("SELECT COUNT(*) AS n FROM inbox").first?["n"].int == Int64(left.count))
    }

    @Test func activityFollowsNewTimelineLines() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let engine = try await engine(path, clock, Journal())
        try await engine.start(runLoop: false)
        _ = try await engine.send([try InngestEvent(Ping(id: "before"))])
        try await engine.runUntilIdle()
        let inspector = try EngineInspector(databasePath: path, clock: clock)
        let start = try await inspector.activity(after: nil)
        #expect(start.lines.isEmpty)
        _ = try await engine.send([try InngestEvent(Ping(id: "after"))])
        try await engine.runUntilIdle()
        let (lines, cursor) = try await inspector.activity(after: start.cursor)
        #expect(lines.map(\.entry.kind) == [.runQueued, .stepCompleted, .runCompleted])
        #expect(lines.allSatisfy { $0.functionId == "greeted" })
        let page = try await inspector.activity(after: start.cursor, limit: 2)
        #expect(page.lines.count == 2)
        #expect(try await inspector.activity(after: page.cursor).lines.count == 1)
        #expect(try await inspector.activity(after: cursor).lines.isEmpty)
    }

    @Test func runsFilterByEventAndTime() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let engine = try await makeEngine(path: path, clock: clock, functions: [
            FunctionDefinition(handler: Greeted(journal: Journal())),
            FunctionDefinition(handler: Nightly(journal: Journal())),
        ])
        try await engine.start(runLoop: false)
        _ = try await engine.send([try InngestEvent(Ping(id: "early"))])
        clock.advance(by: .hours(1))
        let later = clock.now()
        _ = try await engine.send([try InngestEvent(Ping(id: "late"))])
        try await engine.runNow(functionId: "nightly")
        try await engine.runUntilIdle()
        let inspector = try EngineInspector(databasePath: path, clock: clock)
        #expect(try await inspector.runs().count == 3)
        #expect(try await inspector.runs(eventName: Ping.name).count == 2)
        #expect(try await inspector.runs(eventName: Ping.name, since: later).count == 1)
        #expect(try await inspector.runs(since: later).count == 2)
    }
}
