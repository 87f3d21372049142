import Foundation
@testable import InngestEngine
import Testing

/// The claims read due runs from indexes in queue order: started runs from their partial index,
/// whatever the planner would guess without statistics (it took the due index and filtered every
/// queued run, 14 ms per claim behind 50,000 new ones).
@Suite struct ClaimQueryPlanTests {
    @Test func startedRunsAreReadFromTheirOwnIndex() async throws {
        let path = temporaryDatabase()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let store = try EngineStore(path: path)
        let started = try await store.dueRunsPlan(started: true)
        #expect(started.contains { $0.contains("runs_resume") }, "\(started)")
        let new = try await store.dueRunsPlan(started: false)
        #expect(new.allSatisfy { !$0.hasPrefix("SCAN") && !$0.contains("TEMP B-TREE") }, "\(new)")
    }

    /// Every commit claims the runs that woke: a statement that builds a temporary b-tree there
    /// (an `IN (SELECT …)`, a `RETURNING`) gives it a page cache of its own each time, which cost
    /// 28 of them and about 230 page faults per one-step-at-a-time run.
    @Test func theClaimsOfEveryCommitBuildNoTemporaryTable() async throws {
        let path = temporaryDatabase()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let store = try EngineStore(path: path)
        for started in [true, false] {
            #expect(try await store.temporaryTables(in: "\(EngineStore.dueRuns(started: started)) LIMIT ?", [.integer(0), .integer(8)]) == 0)
        }
        #expect(try await store.temporaryTables(in: EngineStore.sleepersWaking, [.integer(0), .integer(25), .integer(8)]) == 0)
        #expect(try await store.temporaryTables(in: EngineStore.timerOver, [.integer(0)]) == 0)
        // What the test tells apart: the statement the claims used before.
        #expect(try await store.temporaryTables(in: """
            UPDATE runs SET status = 'running' WHERE rowid IN (\(EngineStore.dueRuns(started: true).replacingOccurrences(
                of: "rowid, run_id, function_id, event_id, attempt, started_at, start_deadline, finish_timeout", with: "rowid")) LIMIT ?)
            RETURNING run_id
            """, [.integer(0), .integer(8)]) > 0)
    }
}
