#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestCore

/// Access to an engine's database without running anything: for tools, dashboards and the
/// `inngest` command line. Safe to use while the app runs (SQLite WAL readers do not block it; a
/// running engine stops a cancelled run at its next step and notices replays and sent events
/// within a second).
public struct EngineInspector: Sendable {
    private let store: EngineStore
    private let clock: any EngineClock

    /// Opens an existing database.
    /// - Parameters:
    ///   - databasePath: the engine's SQLite file.
    ///   - clock: the time that cancellations, replays and sends are recorded at.
    /// - Throws: `EngineError` if the file is missing, foreign or corrupt.
    public init(databasePath: String, clock: any EngineClock = SystemClock()) throws {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw EngineError.missingDatabase(path: databasePath)
        }
        store = try EngineStore(path: databasePath)
        self.clock = clock
    }

    /// The functions the app registered when its engine last started, by id.
    public func functions() async throws -> [FunctionRecord] { try await store.functions() }

    /// Runs, newest first.
    /// - Parameters:
    ///   - status: only runs in this state.
    ///   - functionId: only runs of this function.
    ///   - eventName: only runs triggered by an event of this name.
    ///   - since: only runs created at or after this time.
    ///   - limit: at most this many.
    public func runs(status: RunStatus? = nil, functionId: String? = nil, eventName: String? = nil, since: Date? = nil,
                     limit: Int = 100) async throws -> [RunRecord] {
        try await store.runs(status: status, functionId: functionId, eventName: eventName, since: since?.milliseconds, limit: limit)
    }

    /// How many runs are in each state.
    public func runCounts() async throws -> [RunStatus: Int] { try await store.runCounts() }

    /// One run.
    public func run(_ runId: String) async throws -> RunRecord? { try await store.run(runId) }

    /// A run's step timeline, oldest first.
    public func timeline(of runId: String) async throws -> [TimelineEntry] { try await store.timeline(runId) }

    /// Events, newest first.
    public func events(name: String? = nil, limit: Int = 100) async throws -> [InngestEvent] {
        try await store.events(name: name, limit: limit)
    }

    /// Sends an event to the app: it waits in the database's inbox until an engine on the database
    /// ingests it as its own send (routed to the functions it triggers, deduplicated by its `id`),
    /// within a second while the app runs, or when it next starts.
    /// - Returns: the id the event is stored under.
    /// - Throws: `InvalidEventError` for an event the engine would refuse (nothing is queued).
    public func send(_ event: InngestEvent) async throws -> String {
        let now = clock.now()
        try event.validate(now: now)
        return try await store.enqueueInbox(event, now: now.milliseconds)
    }

    /// Timeline lines of every run recorded after `cursor`, oldest first, for following runs live
    /// (`inngest tail`, the dashboard).
    /// - Parameters:
    ///   - cursor: where the last call stopped; `nil` for now (no line is returned, only the cursor).
    ///   - limit: at most this many lines.
    /// - Returns: the lines and the cursor to pass next time.
    public func activity(after cursor: ActivityCursor?, limit: Int = 500) async throws -> (lines: [RunObservation], cursor: ActivityCursor) {
        guard let cursor else { return ([], ActivityCursor(seq: try await store.lastTimelineSeq())) }
        let (lines, last) = try await store.timelineLines(after: cursor.seq, limit: limit)
        return (lines, ActivityCursor(seq: last))
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

/// A position in the engines' timeline, as `EngineInspector.activity(after:)` returns it. Its
/// `description` is a token that `init(_:)` reads back (for a page or a client to hold).
public struct ActivityCursor: Sendable, Hashable, CustomStringConvertible, LosslessStringConvertible {
    /// The number of the last timeline line read.
    let seq: Int64

    init(seq: Int64) { self.seq = seq }

    /// Reads a cursor's token; nil for anything else.
    public init?(_ description: String) {
        guard let seq = Int64(description), seq >= 0 else { return nil }
        self.seq = seq
    }

    /// The token.
    public var description: String { String(seq) }
}
