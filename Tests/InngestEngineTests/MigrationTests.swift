import Foundation
import Inngest
@testable import InngestEngine
import InngestTesting
import Testing

/// A database written by an earlier release (schema 2), with runs in every state, is upgraded in
/// place at start (through every later version) and every run finishes: queued, interrupted mid-run, sleeping past its wake time,
/// waiting for an event, retrying; finished runs stay as they were.
@Suite struct MigrationTests {
    struct Flow: InngestFunction {
        static let id = "flow"
        static let trigger = Trigger.event(Ping.self)
        let journal: Journal

        func handle(_ ping: Ping, context: Context) async throws -> String {
            let one = try await context.step.run("one") { journal.add("one \(ping.id)"); return "1" }
            try await context.step.sleep("nap", for: .minutes(1))
            let approved = try await context.step.waitForEvent("approval", event: "test/approved", timeout: .hours(1))
            try await context.step.run("two") { journal.add("two \(ping.id)") }
            return one + (approved == nil ? " unapproved" : " approved")
        }
    }

    /// Writes a schema-2 file as the previous release left it.
    private func previousRelease(_ path: String, now: Int64) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let db = try SQLiteConnection(path: path)
        try db.execute("PRAGMA journal_mode = WAL")
        try db.execute(StoreSchema.initial)
        try db.query("INSERT INTO inngest_meta (key, value) VALUES ('application', ?), ('schema_version', '1')", [.text(EngineStore.applicationMarker)])
        try db.execute("PRAGMA application_id = \(EngineStore.applicationId)")
        try StoreSchema.migrate(db, from: 1, to: 2)
        #expect(try db.query("SELECT value FROM inngest_meta WHERE key = 'schema_version'").first?["value"].text == "2")
        func event(_ id: String, _ ping: String) throws {
            let body = InngestEvent(name: Ping.name, data: .object(["id": .string(ping)]), id: id, ts: now).jsonValue.jsonString
            try db.query("INSERT INTO events (id, name, body, ts, received_at) VALUES (?, ?, ?, ?, ?)",
                         [.text(id), .text(Ping.name), .text(body), .integer(now), .integer(now)])
        }
        func run(_ id: String, _ status: String, attempt: Int = 0, started: Bool = true, output: String? = nil) throws {
            try event("e-\(id)", id)
            try db.query("""
                INSERT INTO runs (run_id, function_id, event_id, status, attempt, next_at, created_at, started_at, output, ended_at)
                VALUES (?, 'flow', ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(id), .text("e-\(id)"), .text(status), .integer(Int64(attempt)), .integer(now), .integer(now - 120_000),
                      started ? .integer(now - 120_000) : .null, output.map(SQLiteValue.text) ?? .null,
                      output == nil ? .null : .integer(now - 60_000)])
        }
        func step(_ run: String, _ name: String, op: String, memo: String?, wakeAt: Int64? = nil) throws {
            try db.query("INSERT INTO steps (run_id, hash, name, op, memo, wake_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [.text(run), .text(StepIdentifier.hash(name)), .text(name), .text(op), memo.map(SQLiteValue.text) ?? .null,
                          wakeAt.map(SQLiteValue.integer) ?? .null, .integer(now - 100_000)])
        }
        try run("queued", "queued", started: false)
        try run("interrupted", "running")
        try step("interrupted", "one", op: "StepRun", memo: #"{"data":"1"}"#)
        // Interrupted when the file was of version 1, which had no start times: its step is replayed.
        try run("unstarted", "running", started: false)
        try step("unstarted", "one", op: "StepRun", memo: #"{"data":"1"}"#)
        try run("sleeping", "queued")
        try step("sleeping", "one", op: "StepRun", memo: #"{"data":"1"}"#)
        try step("sleeping", "nap", op: "Sleep", memo: nil, wakeAt: now - 1_000)
        try run("waiting", "queued")
        try step("waiting", "one", op: "StepRun", memo: #"{"data":"1"}"#)
        try step("waiting", "nap", op: "Sleep", memo: "null")
        try step("waiting", "approval", op: "WaitForEvent", memo: nil, wakeAt: now + 3_600_000)
        try db.query("INSERT INTO waits (run_id, hash, event_name, expires_at) VALUES ('waiting', ?, 'test/approved', ?)",
                     [.text(StepIdentifier.hash("approval")), .integer(now + 3_600_000)])
        try run("retrying", "queued", attempt: 2)
        try run("done", "completed", output: #""1 approved""#)
        try db.query("UPDATE runs SET next_at = ? WHERE status = 'queued'", [.integer(now)])
    }

    @Test func aSchemaTwoDatabaseIsUpgradedAndEveryRunFinishes() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        try previousRelease(path, now: clock.now().milliseconds)
        let engine = try await makeEngine(path: path, clock: clock, functions: [FunctionDefinition(handler: Flow(journal: journal))])
        #expect(try await engine.start(runLoop: false) == 2)
        let meta = try SQLiteConnection(path: path).query("SELECT value FROM inngest_meta WHERE key = 'schema_version'").first?["value"].text
        #expect(meta == String(StoreSchema.version))
        // Version 4 keeps a run's steps together (no rowid), numbers timeline lines without a
        // counter row, and has no owner index; every row was carried over.
        let schema = try SQLiteConnection(path: path).query("SELECT name, sql FROM sqlite_master WHERE name IN ('steps', 'timeline', 'runs_owner')")
        let sql = Dictionary(uniqueKeysWithValues: schema.compactMap { row in row["name"].text.map { ($0, row["sql"].text ?? "") } })
        #expect(sql["steps"]?.contains("WITHOUT ROWID") == true)
        #expect(sql["timeline"]?.contains("AUTOINCREMENT") == false)
        #expect(sql["runs_owner"] == nil)
        #expect(try SQLiteConnection(path: path).query("SELECT count(*) AS n FROM steps").first?["n"].int == 7)
        try await engine.runUntilIdle()
        _ = try await engine.send([InngestEvent(name: "test/approved")])
        clock.advance(by: .minutes(1))
        try await engine.runUntilIdle()
        clock.advance(by: .hours(2))
        try await engine.runUntilIdle()
        let runs = try await engine.runs()
        #expect(runs.count == 7)
        #expect(runs.allSatisfy { $0.status == .completed }, "\(runs.map { "\($0.runId) \($0.status)" })")
        #expect(try await engine.run("done")?.output == .string("1 approved"))
        // Recorded steps are not run again: "one" ran only for the two runs that had not recorded it.
        #expect(journal.count("one queued") == 1 && journal.count("one retrying") == 1)
        #expect(journal.all.filter { $0.hasPrefix("one") }.count == 2)
        #expect(journal.all.filter { $0.hasPrefix("two") }.count == 6)
    }
}

/// `EngineConfiguration.durability` sets SQLite's `synchronous` on the engine's connection.
@Suite struct DurabilityTests {
    /// With full durability, commits go with `synchronous = NORMAL` and the syncer fsyncs the log
    /// for those that must be durable; the few synchronous transactions switch to FULL and back.
    @Test func theDurabilitySetsSynchronous() async throws {
        let full = try EngineStore(path: temporaryDatabaseCreatingDirectory())
        #expect(try await full.synchronousSetting() == 1)
        #expect(full.syncer != nil)
        _ = try await full.cancel("no-such-run", now: 0)
        _ = try await full.claimDue(now: 0, limit: 10)
        #expect(try await full.synchronousSetting() == 1)
        let normal = try EngineStore(path: temporaryDatabaseCreatingDirectory(), durability: .normal)
        #expect(try await normal.synchronousSetting() == 1)
        #expect(normal.syncer == nil)
        #expect(Durability.normal.description == "normal")
    }

    private func temporaryDatabaseCreatingDirectory() throws -> String {
        let path = temporaryDatabase()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        return path
    }
}
