import Foundation
import InngestCore
@testable import InngestEngine
import Testing

/// The write-ahead log starts again from its beginning after each checkpoint, however closely
/// commits follow one another: the checkpoint's thread copies the bulk, and the store's own
/// connection copies, between two of its transactions, what was committed meanwhile. Before, a
/// log written to without pause was almost never started again and grew without end.
@Suite struct WALRestartTests {
    @Test func aLogWrittenWithoutPauseStaysNearItsCheckpointThreshold() async throws {
        let path = temporaryDatabase()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let store = try EngineStore(path: path, durability: .normal, checkpointPages: 32)
        let side = try SQLiteConnection(path: path)
        let body = InngestEvent(name: "test/e", data: .object([:]), id: "e-1", ts: 0).jsonValue.jsonString
        try side.query("INSERT INTO events (id, name, body, ts, received_at) VALUES ('e-1', 'test/e', ?, 0, 0)", [.text(body)])
        let run = try await store.insertRun(functionId: "f", eventId: "e-1", eventName: "test/e", event: .null, nextAt: 0, now: 0)
        #expect(try await store.claimDue(now: 0, limit: 1).map(\.runId) == [run])
        let steps = 600
        let padding = String(repeating: "x", count: 600)
        for index in 0..<steps {
            let name = "step-\(index)"
            try await store.apply(runId: run, steps: [StepWrite(hash: StepIdentifier.hash(name), name: name, op: "StepRun",
                                                                memo: .data(.string(padding)), wakeAt: nil)],
                                  update: nil, timeline: [TimelineWrite(kind: .stepCompleted, step: name, detail: padding)], now: Int64(index))
        }
        // The log's file keeps the size of its longest stretch (SQLite overwrites it from the start).
        let frames = try (FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0) / (4_096 + 24)
        let written = try side.query("SELECT COUNT(*) AS n FROM steps WHERE run_id = ?", [.text(run)]).first?["n"].int
        #expect(written == Int64(steps))
        // 600 commits of several pages each: about 2,400 frames if the log were never started again.
        #expect(frames < 800, "the log reached \(frames) frames")
    }
}
