import Foundation
import Inngest
@testable import InngestEngine
import InngestTesting
import Testing

/// Bad rows, foreign and damaged files, NUL characters, and other writers of the same file: none
/// of them may stop the engine, change data, or be written over.
@Suite struct StoreRobustnessTests {
    /// Runs SQL on a database file through a connection of its own, as another program would.
    private func withDatabase(_ path: String, _ body: (SQLiteConnection) throws -> Void) throws {
        let connection = try SQLiteConnection(path: path)
        try body(connection)
    }

    private func applicationId(of path: String) throws -> Int64? {
        try SQLiteConnection(path: path).query("PRAGMA application_id").first?["application_id"].int
    }

    private func runId(of pingId: String, in path: String) throws -> String {
        var found: String?
        try withDatabase(path) { db in
            found = try db.query("SELECT r.run_id FROM runs r JOIN events e ON e.id = r.event_id WHERE e.body LIKE ?",
                                 [.text("%\"\(pingId)\"%")]).first?["run_id"].text
        }
        return try #require(found)
    }

    @Test func anUnreadableRowFailsItsOwnRunAndTheOthersGoOn() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        let functions = [FunctionDefinition(handler: ThreeSteps(journal: journal, failures: 0))]
        do {
            let engine = try await makeEngine(path: path, clock: clock, functions: functions)
            try await engine.start(runLoop: false)
            for id in ["good", "bad-event", "bad-memo", "bad-attempt", "deep-event"] { _ = try await engine.send([InngestEvent(Ping(id: id))]) }
            try await engine.runUntilIdle()  // Each run did "a" and "flaky" and now sleeps five minutes.
        }
        let badEvent = try runId(of: "bad-event", in: path)
        let badMemo = try runId(of: "bad-memo", in: path)
        let badAttempt = try runId(of: "bad-attempt", in: path)
        let deepEvent = try runId(of: "deep-event", in: path)
        let deep = String(repeating: #"{"a":"#, count: 600) + "1" + String(repeating: "}", count: 600)
        try withDatabase(path) { db in
            try db.query("UPDATE events SET body = '{\"name\":\"test/ping\",\"data\":' WHERE id = (SELECT event_id FROM runs WHERE run_id = ?)",
                         [.text(badEvent)])
            try db.query("UPDATE steps SET memo = '{not json' WHERE run_id = ? AND name = 'a'", [.text(badMemo)])
            try db.query("UPDATE runs SET attempt = 'several' WHERE run_id = ?", [.text(badAttempt)])
            try db.query("UPDATE events SET body = ? WHERE id = (SELECT event_id FROM runs WHERE run_id = ?)", [.text(deep), .text(deepEvent)])
        }

        clock.advance(by: .minutes(5))
        let engine = try await makeEngine(path: path, clock: clock, functions: functions)
        try await engine.start(runLoop: false)
        _ = try await engine.send([InngestEvent(Ping(id: "later"))])
        try await engine.runUntilIdle()
        try await engine.runUntilIdle()
        for run in [badEvent, badMemo, badAttempt, deepEvent] {
            let record = try #require(try await engine.run(run))
            #expect(record.status == .failed, "\(run)")
            #expect(record.error?.name == "UnreadableRun")
            #expect(try await engine.timeline(of: run).last?.kind == .runFailed)
        }
        #expect(try await engine.run(badMemo)?.error?.message.contains("the recorded result of step \"a\" cannot be read back") == true)
        #expect(try await engine.run(deepEvent)?.error?.message.contains("nested more than 128 levels") == true)
        #expect(journal.count("c good") == 1, "the readable run finished")
        #expect(journal.count("a later") == 1 && journal.count("flaky later attempt 0") == 1, "a run sent afterwards executes")

        clock.advance(by: .minutes(5))
        let restarted = try await makeEngine(path: path, clock: clock, functions: functions)
        try await restarted.start(runLoop: false)
        try await restarted.runUntilIdle()
        #expect(journal.count("c later") == 1, "after a restart nothing is stuck")
        #expect(try await restarted.runs(status: .failed).count == 4)
    }

    @Test func nulCharactersInDataAreStoredExactly() async throws {
        struct Note: Event {
            static let name = "test/note"
            var text: String
        }
        struct Echo: InngestFunction {
            static let id = "echo"
            static let trigger = Trigger.event(Note.self)
            let journal: Journal
            func handle(_ note: Note, context: Context) async throws -> String {
                try await context.step.run("keep") { journal.add(note.text); return note.text + "\u{0}!" }
            }
        }
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Echo(journal: journal))])
        try await app.send(Note(text: "a\u{0}b"), id: "note-1")
        try await app.runUntilIdle()
        #expect(journal.all == ["a\u{0}b"])
        #expect(try await app.runs().first?.output == .string("a\u{0}b\u{0}!"))
    }

    @Test func nulCharactersInIdsAndNamesAreRefusedNotTruncated() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: ThreeSteps(journal: journal, failures: 0))])
        await #expect(throws: InvalidEventError.self) { try await app.send(Ping(id: "x"), id: "order-1\u{0}a") }
        await #expect(throws: InvalidEventError.self) {
            try await app.app.client.send(envelopes: [InngestEvent(name: "test/ping\u{0}evil", data: .object(["id": .string("y")]))])
        }
        #expect(try await app.runs().isEmpty, "nothing was stored")
    }

    @Test func textIsBoundByItsByteCount() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t (x TEXT PRIMARY KEY)")
        try connection.query("INSERT INTO t (x) VALUES (?), (?), (?)", [.text("key\u{0}a"), .text("key\u{0}b"), .text("")])
        let rows = try connection.query("SELECT x FROM t ORDER BY x").compactMap { $0["x"].text }
        #expect(rows == ["", "key\u{0}a", "key\u{0}b"])
        #expect(try connection.query("SELECT count(*) AS n FROM t WHERE x = ?", [.text("key")]).first?["n"].int == 0)
    }

    @Test func cancellationWrittenByAnotherConnectionStopsTheRunAtItsNextStep() async throws {
        struct Gate: InngestFunction {
            static let id = "gate"
            static let trigger = Trigger.event(Ping.self)
            let journal: Journal
            let inside: Latch
            let release: Latch
            func handle(_ ping: Ping, context: Context) async throws {
                try await context.step.run("first") {
                    journal.add("first")
                    inside.open()
                    await release.wait()
                }
                try await context.step.run("second") { journal.add("second") }
            }
        }
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        let inside = Latch()
        let release = Latch()
        let engine = try await makeEngine(path: path, clock: clock,
                                          functions: [FunctionDefinition(handler: Gate(journal: journal, inside: inside, release: release))])
        try await engine.start(runLoop: false)
        _ = try await engine.send([InngestEvent(Ping(id: "c"))])
        let running = Task { try await engine.runUntilIdle() }
        await inside.wait()
        let run = try #require(try await engine.runs().first)
        let inspector = try EngineInspector(databasePath: path, clock: clock)  // Its own connection, as `inngest cancel` has.
        #expect(try await inspector.cancel(runId: run.runId))
        release.open()
        try await running.value
        try await engine.runUntilIdle()
        #expect(journal.all == ["first"], "no step starts after the cancellation is seen")
        #expect(try await engine.run(run.runId)?.status == .cancelled)
        let kinds = try await engine.timeline(of: run.runId).map(\.kind)
        #expect(kinds == [.runQueued, .runCancelled], "the step in flight is not recorded")
    }

    @Test func retryAfterErrorWaitsOnTheEngineClock() async throws {
        struct RateLimited: InngestFunction {
            static let id = "rate-limited"
            static let trigger = Trigger.event(Ping.self)
            let journal: Journal
            func handle(_ ping: Ping, context: Context) async throws {
                try await context.step.run("call") {
                    journal.add("call \(context.attempt)")
                    if context.attempt == 0 { throw RetryAfterError("slow down", after: .hours(1)) }
                }
            }
        }
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: RateLimited(journal: journal))])
        try await app.send(Ping(id: "r"))
        try await app.runUntilIdle()
        #expect(journal.all == ["call 0"])
        try await app.advance(by: .minutes(59))
        #expect(journal.all == ["call 0"], "the retry waits the hour on the manual clock")
        try await app.advance(by: .minutes(1))
        #expect(journal.all == ["call 0", "call 1"])
        #expect(try await app.runs().first?.status == .completed)
    }

    @Test func aZeroSleepContinuesAtOnceWhateverTheWallClockSays() async throws {
        struct Nap: InngestFunction {
            static let id = "nap"
            static let trigger = Trigger.event(Ping.self)
            let journal: Journal
            func handle(_ ping: Ping, context: Context) async throws {
                try await context.step.sleep("none", for: .zero)
                try await context.step.run("after") { journal.add("after") }
            }
        }
        let journal = Journal()
        let clock = ManualClock(start: Date(timeIntervalSince1970: 1_000_000_000))  // 2001: years before the wall clock.
        let engine = try await makeEngine(path: ":memory:", clock: clock, functions: [FunctionDefinition(handler: Nap(journal: journal))])
        try await engine.start(runLoop: false)
        _ = try await engine.send([InngestEvent(Ping(id: "z"))])
        try await engine.runUntilIdle()
        #expect(journal.all == ["after"])
    }

    @Test func timesTheClockCanNeverReachAreRefusedAtSend() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: ThreeSteps(journal: journal, failures: 0))])
        for seconds in [1e300, .nan, .infinity, -.infinity] {
            await #expect(throws: InvalidEventError.self, "\(seconds)") {
                try await app.app.send(Ping(id: "t"), at: Date(timeIntervalSince1970: seconds))
            }
        }
        await #expect(throws: InvalidEventError.self) {
            try await app.app.client.send(envelopes: [InngestEvent(name: Ping.name, data: .object(["id": .string("m")]), ts: .max)])
        }
        await #expect(throws: InvalidEventError.self) {
            try await app.app.send(Ping(id: "far"), at: app.clock.now().addingTimeInterval(400 * 86_400))
        }
        #expect(try await app.runs().isEmpty)
        let later = app.clock.now().addingTimeInterval(300 * 86_400)
        try await app.app.send(Ping(id: "later"), at: later)
        let run = try #require(try await app.runs().first)
        #expect(abs(run.nextAt.timeIntervalSince(later)) < 0.001, "a delivery within 366 days is kept")
    }

    @Test func aFileOfSchemaVersionOneIsMigratedAndKeepsItsRuns() async throws {
        let path = temporaryDatabase()
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try withDatabase(path) { db in
            try db.execute(StoreSchema.initial)
            try db.execute("""
                INSERT INTO inngest_meta VALUES ('application', 'swift-inngest'), ('schema_version', '1');
                INSERT INTO events VALUES ('01EVT', NULL, 'test/ping', '{"data":{"id":"old"},"id":"01EVT","name":"test/ping","ts":1}', 1, 1);
                INSERT INTO runs (run_id, function_id, event_id, status, attempt, next_at, created_at)
                    VALUES ('01RUN', 'three-steps', '01EVT', 'queued', 0, 0, 0);
                """)
        }
        let journal = Journal()
        let engine = try await makeEngine(path: path, clock: ManualClock(), functions: [FunctionDefinition(handler: ThreeSteps(journal: journal, failures: 0))])
        try await engine.start(runLoop: false)
        try await engine.runUntilIdle()
        #expect(journal.all == ["a old", "flaky old attempt 0"], "the run written by version 1 executes")
        var version: String?
        try withDatabase(path) { db in
            version = try db.query("SELECT value FROM inngest_meta WHERE key = 'schema_version'").first?["value"].text
        }
        #expect(version == String(StoreSchema.version))
    }

    @Test func newFilesAreMarkedAsOurs() async throws {
        let path = temporaryDatabase()
        _ = try await makeEngine(path: path, clock: ManualClock(), functions: [])
        #expect(try applicationId(of: path) == EngineStore.applicationId)
    }

    @Test func filesOfOurOwnFromBeforeTheApplicationIdAreAcceptedAndMarked() async throws {
        let path = temporaryDatabase()
        _ = try await makeEngine(path: path, clock: ManualClock(), functions: [])
        try withDatabase(path) { db in try db.execute("PRAGMA application_id = 0") }
        _ = try await makeEngine(path: path, clock: ManualClock(), functions: [])
        #expect(try applicationId(of: path) == EngineStore.applicationId)
    }

    @Test(arguments: [
        ("CREATE VIEW answers AS SELECT 42 AS answer", "it holds view answers"),
        ("PRAGMA user_version = 7", "user_version 7"),
        ("PRAGMA application_id = 42", "application_id is 42"),
        ("CREATE TABLE inngest_meta (key TEXT, value TEXT); INSERT INTO inngest_meta VALUES ('application', 'someone-else')",
         "it holds table inngest_meta"),
    ])
    func foreignFilesAreRefusedUntouched(_ setup: String, _ expected: String) async throws {
        let path = temporaryDatabase()
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try withDatabase(path) { db in try db.execute(setup) }
        let before = FileManager.default.contents(atPath: path)
        await #expect { try await makeEngine(path: path, clock: ManualClock(), functions: []) } throws: { error in
            let message = "\(error)"
            return message.contains("is not a swift-inngest database") && message.contains(expected) && message.contains("refusing to touch it")
        }
        #expect(FileManager.default.contents(atPath: path) == before, "not a byte written")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aDamagedTablePageIsRefusedAtBootUntouched() async throws {
        let path = temporaryDatabase()
        do {
            let engine = try await makeEngine(path: path, clock: ManualClock(), functions: [])
            for index in 0..<200 {
                _ = try await engine.send([InngestEvent(name: "test/bulk", data: .object(["n": .integer(Int64(index)), "pad": .string(String(repeating: "x", count: 200))]))])
            }
        }
        var page = 0
        var pageSize = 0
        try withDatabase(path) { db in
            try db.execute("PRAGMA journal_mode = DELETE")  // Folds the WAL into the file.
            page = Int(try db.query("SELECT rootpage FROM sqlite_master WHERE name = 'events'").first?["rootpage"].int ?? 0)
            pageSize = Int(try db.query("PRAGMA page_size").first?["page_size"].int ?? 0)
        }
        #expect(page > 1 && pageSize > 0)
        var bytes = try #require(FileManager.default.contents(atPath: path))
        let start = (page - 1) * pageSize
        bytes.replaceSubrange(start..<(start + pageSize), with: [UInt8](repeating: 0xA5, count: pageSize))
        try bytes.write(to: URL(fileURLWithPath: path))
        await #expect { try await makeEngine(path: path, clock: ManualClock(), functions: []) } throws: { error in
            "\(error)".contains("is damaged") && "\(error)".contains("refusing to change it")
        }
        #expect(FileManager.default.contents(atPath: path) == bytes, "not a byte written")
    }

    @Test func aPathThatIsADirectoryGetsAMessageToActOn() async throws {
        let directory = TestScratch.path("directory")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        await #expect { try await makeEngine(path: directory.path, clock: ManualClock(), functions: []) } throws: { error in
            (error as? EngineError)?.code == .cannotOpen && "\(error)".contains("cannot open the database")
        }
    }

    @Test func aFullDiskIsSaidInWords() throws {
        let path = temporaryDatabase()
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        let connection = try SQLiteConnection(path: path)
        try connection.execute("CREATE TABLE t (x TEXT); PRAGMA max_page_count = 3")
        var failure: SQLiteError?
        do {
            for _ in 0..<100 { try connection.query("INSERT INTO t VALUES (?)", [.text(String(repeating: "y", count: 4_000))]) }
        } catch let error as SQLiteError {
            failure = error
        }
        let error = try #require(failure.flatMap { EngineError.storage($0, path: path) })
        #expect(error.code == .diskFull)
        #expect(error.description.contains("the disk is full"))
    }

    @Test func readOnlyFilesAndDirectoriesAreSaidInWords() {
        let directory = EngineError.storage(SQLiteError(code: 1544, message: "attempt to write a readonly database", context: "x"), path: "/srv/app/db.sqlite")
        #expect(directory?.code == .readOnly)
        #expect(directory?.description.contains("its directory /srv/app is read-only") == true)
        let file = EngineError.storage(SQLiteError(code: 8, message: "attempt to write a readonly database", context: "x"), path: "db.sqlite")
        #expect(file?.description.contains("the file is read-only") == true)
        #expect(EngineError.storage(SQLiteError(code: 19, message: "constraint", context: "x"), path: "db.sqlite") == nil)
    }
}
