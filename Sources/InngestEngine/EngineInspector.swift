import Foundation
import InngestCore

/// Access to an engine's database without running anything: for tools, dashboards and the
/// `inngest` command line. Safe to use while the app runs (SQLite WAL readers do not block it; a
/// running engine stops a cancelled run at its next step and notices replays within a second).
public struct EngineInspector: Sendable {
    private let store: EngineStore
    private let clock: any EngineClock

    /// Opens an existing database.
    /// - Parameters:
    ///   - databasePath: the engine's SQLite file.
    ///   - clock: the time that cancellations and replays are recorded at.
    /// - Throws: `EngineError` if the file is missing, foreign or corrupt.
    public init(databasePath: String, clock: any EngineClock = SystemClock()) throws {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw EngineError.missingDatabase(path: databasePath)
        }
        store = try EngineStore(path: databasePath)
        self.clock = clock
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

    /// Cancels a run that has not finished. See `EmbeddedEngine.cancel(runId:)`.
    /// - Returns: false when the run does not exist or has already finished.
    @discardableResult
    public func cancel(runId: String) async throws -> Bool {
        try await store.cancel(runId, now: clock.now().milliseconds)
    }

    /// Queues a new run of a run's function for the same event. See `EmbeddedEngine.replay(runId:)`.
    /// - Returns: the new run's id, or nil when there is no such run.
    public func replay(runId: String) async throws -> String? {
        try await store.replay(runId, now: clock.now().milliseconds)
    }

    /// Next fire time of each cron function.
    public func cronSchedules() async throws -> [String: Date] {
        try await store.cronSchedules().mapValues(Date.init(milliseconds:))
    }
}
