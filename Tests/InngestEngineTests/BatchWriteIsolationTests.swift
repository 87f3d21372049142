import Foundation
import InngestCore
@testable import InngestEngine
import Testing

/// A group commit writes many runs' checkpoints in one transaction, without a savepoint per write
/// in the common case: a write that fails must still take no other write of its batch down, and
/// leave nothing of itself behind.
@Suite struct BatchWriteIsolationTests {
    @Test func aFailingWriteFailsAloneAndTheRestOfItsBatchCommits() async throws {
        let path = temporaryDatabase()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let store = try EngineStore(path: path)
        let side = try SQLiteConnection(path: path)
        var runs: [String] = []
        for index in 0..<6 {
            let id = "e\(index)"
            let body = InngestEvent(name: "test/e", data: .object([:]), id: id, ts: 0).jsonValue.jsonString
            try side.query("INSERT INTO events (id, name, body, ts, received_at) VALUES (?, 'test/e', ?, 0, 0)", [.text(id), .text(body)])
            runs.append(try await store.insertRun(functionId: "f", eventId: id, eventName: "test/e", event: .null, nextAt: 0, now: 0))
        }
        #expect(try await store.claimDue(now: 0, limit: 6).count == 6)
        // The disk refuses one step's row (as a full disk or a damaged page would, for one write).
        try side.execute("""
            CREATE TRIGGER refuse_boom BEFORE INSERT ON steps WHEN NEW.name = 'boom'
            BEGIN SELECT RAISE(ABORT, 'injected failure'); END
            """)
        // Six writes arrive together and usually share one flush (either way each must stand alone).
        // The third one's step row is refused: its completion must not be kept either.
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            for (index, run) in runs.enumerated() {
                let name = index == 2 ? "boom" : "ok"
                group.addTask {
                    do {
                        try await store.apply(runId: run, steps: [StepWrite(hash: StepIdentifier.hash(name), name: name, op: "StepRun",
                                                                             memo: .data(.integer(Int64(index))), wakeAt: nil)],
                                              update: index.isMultiple(of: 2) ? .complete(.null) : nil,
                                              timeline: [TimelineWrite(kind: .stepCompleted, step: name, detail: "")], endsExecution: index.isMultiple(of: 2),
                                              now: 1)
                        return (index, true)
                    } catch {
                        return (index, false)
                    }
                }
            }
            var outcomes: [Int: Bool] = [:]
            for await (index, succeeded) in group { outcomes[index] = succeeded }
            return outcomes
        }
        #expect(outcomes == [0: true, 1: true, 2: false, 3: true, 4: true, 5: true])
        for (index, run) in runs.enumerated() {
            let steps = try side.query("SELECT name FROM steps WHERE run_id = ?", [.text(run)]).compactMap { $0["name"].text }
            let lines = try side.query("SELECT kind FROM timeline WHERE run_id = ? AND kind = 'step.completed'", [.text(run)]).count
            let status = try await store.run(run)?.status
            if index == 2 {
                #expect(steps.isEmpty && lines == 0, "nothing of the failed write is kept")
                #expect(status == .running, "its completion was rolled back with it: it resumes")
            } else {
                #expect(steps == ["ok"] && lines == 1)
                #expect(status == (index.isMultiple(of: 2) ? .completed : .running))
            }
        }
    }
}
