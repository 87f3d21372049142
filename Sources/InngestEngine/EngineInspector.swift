import Foundation
import InngestCore

/// Read access to an engine's database without running anything: for tools, dashboards and the
/// `inngest` command line. Safe to use while the app runs (SQLite WAL readers do not block it).
public struct EngineInspector: Sendable {
    private let store: EngineStore

    /// Opens an existing database.
    /// - Parameter databasePath: the engine's SQLite file.
    /// - Throws: `EngineError` if the file is missing, foreign or corrupt.
    public init(databasePath: String) throws {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw EngineError.missingDatabase(path: databasePath)
        }
        store = try EngineStore(path: databasePath)
    }

    /// Runs, newest first.
    public func runs(status: RunStatus? = nil, functionId: String? = nil, limit: Int = 100) async throws -> [RunRecord] {
        try await store.runs(status: status, functionId: functionId, limit: limit)
    }

    /// One run.
    public func run(_ runId: String) async throws -> RunRecord? { try await store.run(runId) }

    /// A run's step timeline, oldest first.
    public func timeline(of runId: String) async throws -> [TimelineEntry] { try await store.timeline(runId) }

    /// Events, newest first.
    public func events(name: String? = nil, limit: Int = 100) async throws -> [InngestEvent] {
        try await store.events(name: name, limit: limit)
    }

    /// Next fire time of each cron function.
    public func cronSchedules() async throws -> [String: Date] {
        try await store.cronSchedules().mapValues(Date.init(milliseconds:))
    }
}
