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
}
