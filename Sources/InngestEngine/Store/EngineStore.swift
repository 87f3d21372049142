#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestCore
import InngestExpression

/// The engine's durable state in one SQLite file (WAL): events, runs, step results, timers, cron
/// schedules and each run's timeline. Every method is one transaction, committed (with a full fsync
/// unless the configuration's durability is `.normal`) before it returns. The actor runs on its own dispatch queue (`StoreExecutor`), off the
/// cooperative pool.
actor EngineStore {
    private let executor = StoreExecutor(label: "swift-inngest.store")

    /// The store's own queue: SQLite and fsync never block a cooperative thread.
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// The schema version this code writes.
    static var schemaVersion: Int { StoreSchema.version }
    /// Written into the file so that a foreign SQLite database is never mistaken for ours.
    static let applicationMarker = "swift-inngest"
    /// SQLite's `application_id` of our files: "INNG".
    static let applicationId: Int64 = 0x494E_4E47

    let connection: SQLiteConnection
    let path: String
    /// How each function's new runs are set up (timeouts), by function id.
    let targets: [String: RunTarget]
    /// Which functions events start and which runs they cancel; `nil` for inspection, which starts
    /// nothing.
    let router: EventRouter?
    /// This engine, as the holder of the leases of the runs it executes.
    let owner = LeaseOwner.current()
    /// How long a lease lasts without renewal, in milliseconds.
    let leaseDuration: Int64
    /// When this engine last renewed its leases.
    private var leasesRenewedAt: Int64 = 0
    /// Whether commits wait for the disk.
    let durability: Durability
    /// Fsyncs the log for the commits that must be durable (with `Durability.full`).
    nonisolated let syncer: WALSyncer?
    /// How long new runs hold their slots: how far ahead claims keep slots for runs that wake.
    /// The engine records each new run's execution.
    nonisolated let slotHold = SlotHold()
    /// Whether some function limits concurrency or throttles, so that claims look at each run.
    let gatesClaims: Bool
    /// Whether some function keeps rate state (a rate limit, idempotency or a throttle).
    let keepsRateState: Bool
    /// Runs whose waiting step got its result while they were still executing (an invocation
    /// skipped in the same write): the write that suspends them queues them for now.
    private var wokenWhileRunning: Set<String> = []
    /// `PRAGMA data_version` when `othersCommitted()` last read it.
    private var dataVersion: Int64?
    /// Whether a tool may have queued events since the inbox was last found empty: at the start,
    /// and whenever another connection committed.
    private var inboxMayHoldRows = true
    /// Wait conditions parsed once, by their text.
    private var parsedConditions: [String: InngestExpression.Expression] = [:]
    /// Runs the store itself ended (cancelled by an event, a timeout or a singleton; failed as
    /// unreadable) in the transaction in progress: told to `runsEnded` once it commits.
    private var endedRuns: [StoreRunEnd] = []
    /// Told, after each commit, about the runs the store itself ended in it (the engine's metrics
    /// and observer see them like the runs whose outcome the engine recorded).
    private let runsEnded: (@Sendable ([StoreRunEnd]) -> Void)?

    /// Opens or creates the store.
    /// - Throws: `EngineError` rather than touching a file that is not ours (a foreign or damaged
    ///   database, a newer schema) and for a file that cannot be opened or written, with what to do.
    init(path: String, targets: [String: RunTarget] = [:], router: EventRouter? = nil, leaseDuration: Int64 = 30_000,
         durability: Durability = .full, runsEnded: (@Sendable ([StoreRunEnd]) -> Void)? = nil,
         checkpointPages: Int32 = WALCheckpointer.pages) throws {
        self.path = path
        self.runsEnded = runsEnded
        self.leaseDuration = max(1_000, leaseDuration)
        self.durability = durability
        self.syncer = durability == .full && path != ":memory:" ? WALSyncer(databasePath: path) : nil
        self.targets = targets
        self.router = router
        gatesClaims = targets.values.contains { $0.flow?.gatesClaims == true }
        keepsRateState = targets.values.contains { $0.flow?.throttle != nil || $0.flow?.rateLimit != nil }
        do {
            let connection = try SQLiteConnection(path: path)
            self.connection = connection
            if connection.isReadOnly {
                throw SQLiteError(code: 8, message: "the operating system refuses writes to the file", context: "opening \(path)")
            }
            try Self.checkOwnership(connection, path: path)
            if path != ":memory:" {
                try connection.execute("PRAGMA journal_mode = WAL")
                connection.checkpointing(with: try WALCheckpointer(path: path, synchronous: durability.pragma, threshold: checkpointPages))
            }
            // With full durability, commits that must reach the disk are fsynced by the syncer,
            // off this thread; those few that must be synchronous switch to FULL (`transaction`).
            try connection.execute("PRAGMA synchronous = \(syncer == nil ? durability.pragma : "NORMAL")")
            // 32 MiB of page cache (SQLite's default is 2 MiB), allocated as pages are read: a backlog
            // of tens of thousands of runs stays in memory instead of being read again with pread.
            try connection.execute("PRAGMA cache_size = -32768")
        } catch let error as SQLiteError {
            throw EngineError.storage(error, path: path) ?? error
        }
    }

    /// Creates the schema in an empty file, or checks that a non-empty one is ours, of a schema this
    /// code reads, and not damaged. Nothing is written to a file that fails a check.
    private static func checkOwnership(_ connection: SQLiteConnection, path: String) throws {
        let applicationId = try connection.query("PRAGMA application_id").first?["application_id"].int ?? 0
        let userVersion = try connection.query("PRAGMA user_version").first?["user_version"].int ?? 0
        let objects = try connection.query("SELECT type, name FROM sqlite_master")
            .map { "\($0["type"].text ?? "?") \($0["name"].text ?? "?")" }
        if objects.isEmpty {
            guard applicationId == 0 && userVersion == 0 else {
                throw EngineError.foreignDatabase(
                    path: path, found: "an empty database whose application_id is \(applicationId) and user_version \(userVersion), "
                        + "set by another program")
            }
            try StoreSchema.create(connection)
            return
        }
        let found = "it holds \(objects.prefix(5).joined(separator: ", "))\(objects.count > 5 ? ", …" : "")"
        guard applicationId == Self.applicationId || applicationId == 0,
              objects.contains("table inngest_meta") else {
            throw EngineError.foreignDatabase(path: path, found: applicationId == 0 ? found : "its application_id is \(applicationId); \(found)")
        }
        let meta = try connection.query("SELECT key, value FROM inngest_meta")
        let values = Dictionary(meta.compactMap { row in row["key"].text.map { ($0, row["value"].text ?? "") } },
                                uniquingKeysWith: { first, _ in first })
        guard values["application"] == Self.applicationMarker else { throw EngineError.foreignDatabase(path: path, found: found) }
        let version = Int(values["schema_version"] ?? "") ?? 0
        if version > Self.schemaVersion {
            throw EngineError.newerSchema(path: path, found: version, supported: Self.schemaVersion)
        }
        let problems = try connection.query("PRAGMA quick_check(5)").compactMap { $0["quick_check"].text }.filter { $0 != "ok" }
        if !problems.isEmpty {
            throw EngineError.corruptDatabase(path: path, detail: "the integrity check found: \(problems.joined(separator: "; "))")
        }
        if applicationId == 0 {
            // A file of ours from before the application id was set: mark it.
            try connection.execute("PRAGMA application_id = \(Self.applicationId)")
        }
        if version < Self.schemaVersion { try StoreSchema.migrate(connection, from: version) }
    }

    /// Runs `body` in one transaction; SQLite failures a user can act on (read-only, disk full,
    /// damage) become `EngineError`s that say what to do.
    ///
    /// With `waitsForDisk` false the commit is not fsynced (with `Durability.full`): it survives a
    /// crash of the process, and reaches the disk with the next commit that is fsynced (the log is
    /// written in order). Only for writes that are redone when lost to a power loss: a claim (the
    /// run is still queued) and a run's completion (it replays its recorded steps to the same end).
    ///
    /// The hot paths (recording steps, accepting events) commit with `waitsForDisk` false and then
    /// wait for the syncer, which fsyncs the log off this thread for many commits at once.
    private func transaction<T>(waitsForDisk: Bool = true, _ body: () throws -> T) throws -> T {
        let synchronous = waitsForDisk && syncer != nil
        do {
            if synchronous { try connection.query("PRAGMA synchronous = FULL") }
            defer { if synchronous { _ = try? connection.query("PRAGMA synchronous = NORMAL") } }
            let result: T
            do {
                result = try connection.transaction(body)
            } catch {
                endedRuns = []
                throw error
            }
            if !endedRuns.isEmpty {
                let ended = endedRuns
                endedRuns = []
                runsEnded?(ended)
            }
            return result
        } catch let error as SQLiteError {
            throw EngineError.storage(error, path: path) ?? error
        }
    }

    // MARK: Events

    /// Accepts events and creates the runs they trigger: each event atomically with its runs.
    /// - Parameters:
    ///   - events: validated envelopes.
    ///   - now: milliseconds.
    /// - Returns: the event ids in order (an idempotent repeat returns the first event's id).
    ///   - claimLimit: how many due runs to claim in the same transaction (the engine's free slots
    ///     it set aside; 0 to leave every run to the loop). Functions with flow control are always
    ///     claimed by the loop, which applies their gates.
    ///   - committed: called once the events are committed, before they are on the disk, with the
    ///     runs claimed and the earliest time a queued run is due (nil for none): the engine starts
    ///     those runs while the syncer's thread fsyncs the events.
    ///
    /// A send of more than ``eventsPerTransaction`` events is accepted in parts, one transaction
    /// each, with the store's other work between them: runs that wake meanwhile (a sleep over, a
    /// retry due) are claimed between two parts instead of after the whole send, which at 20,000
    /// events takes most of a second. After each part the loop is asked for a pass (`partCommitted`),
    /// so the send's first runs start while the rest is accepted; the last part claims up to
    /// `claimLimit` runs itself. When a part fails, the parts before it stay accepted (a send is
    /// not one transaction, as with Inngest's event API) and the error is thrown: sending again
    /// with the same event ids accepts each event once.
    func ingest(_ events: [InngestEvent], now: Int64, claimLimit: @Sendable () -> Int = { 0 },
                committed: @Sendable (_ claimed: [ClaimedRun], _ nextDue: Int64?) -> Void = { _, _ in },
                partCommitted: @Sendable () -> Void = {}) async throws -> [String] {
        var ids: [String] = []
        ids.reserveCapacity(events.count)
        var start = events.startIndex
        while events.endIndex - start > Self.eventsPerTransaction {
            ids += try accept(events[start..<start + Self.eventsPerTransaction], now: now, claimLimit: { 0 }).ids
            start += Self.eventsPerTransaction
            partCommitted()
            // Calls to the store made meanwhile (a pass of the loop, a group commit) go before the next part.
            await Task.yield()
        }
        let (last, claimed, next) = try accept(events[start...], now: now, claimLimit: claimLimit)
        committed(claimed, next)
        try await syncer?.durable(inline: false)
        return ids + last
    }

    /// The most events a send accepts in one transaction: 2-4 ms of the store's thread, about as
    /// long as a run that wakes during a large send waits for its claim (250 measured 10-25 ms
    /// late at p99 beside 4-13 ms with 100, a 20,000-event send taking 0.85 s instead of 0.67).
    static let eventsPerTransaction = 100


    /// Commits the events and their runs, and claims up to `claimLimit` due runs; with full
    /// durability they are on the disk only once the syncer says so.
    private func accept(_ events: ArraySlice<InngestEvent>, now: Int64, claimLimit: () -> Int) throws -> (ids: [String], claimed: [ClaimedRun], next: Int64?) {
        try transaction(waitsForDisk: false) {
            var ids: [String] = []
            for event in events { ids.append(try insertEvent(event, id: nil, now: now)) }
            let limit = claimLimit()
            guard limit > 0, !gatesClaims else { return (ids, [], now) }
            let claimed = try claimWithin(now: now, limit: limit, newLimit: try leavingSlotsToWake(limit, now: now))
            return (ids, claimed, try connection.query("SELECT MIN(next_at) AS t FROM runs WHERE status = 'queued'").first?["t"].int)
        }
    }

    /// Stores one accepted event and delivers it, unless its `id` (the idempotency key) was seen in
    /// the last 24 hours.
    /// - Parameter id: the id to store it under (a tool's send chose it); a new one when nil.
    /// - Returns: the stored event's id, or the first one's for a repeat.
    private func insertEvent(_ event: InngestEvent, id presetId: String?, now: Int64) throws -> String {
        var event = event
        if let key = event.id, let existing = try connection.query(
            "SELECT id FROM events WHERE idempotency_key = ? AND received_at > ? LIMIT 1",
            [.text(key), .integer(now - 86_400_000)]).first?["id"].text {
            return existing
        }
        let id = presetId ?? ULID.make(milliseconds: now)
        let key = event.id
        event.id = id
        if event.ts == nil { event.ts = now }
        let ts = event.ts ?? now
        try connection.query(
            "INSERT INTO events (id, idempotency_key, name, body, ts, received_at) VALUES (?, ?, ?, ?, ?, ?)",
            [.text(id), key.map(SQLiteValue.text) ?? .null, .text(event.name), .text(event.jsonValue.jsonString),
             .integer(ts), .integer(now)])
        try deliver(event, eventId: id, nextAt: max(now, ts), now: now)
        return id
    }

    /// Queues an event for the engine to ingest (a tool's send: it cannot route events itself).
    /// Committed to the disk before it returns.
    /// - Returns: the id the event will be stored under.
    func enqueueInbox(_ event: InngestEvent, now: Int64) throws -> String {
        let id = ULID.make(milliseconds: now)
        _ = try transaction {
            try connection.query("INSERT INTO inbox (event_id, body, queued_at) VALUES (?, ?, ?)",
                                 [.text(id), .text(event.jsonValue.jsonString), .integer(now)])
        }
        return id
    }

    /// Ingests up to `limit` events that tools queued in the inbox, in the order queued, as this
    /// engine's own sends (routed, idempotent), in one transaction that also removes them: an event
    /// is never ingested twice or lost between the two tables. A row that cannot be read, or that
    /// is not a valid event, keeps the reason in its `error` and is not taken again.
    /// - Returns: how many rows were taken.
    func ingestInbox(now: Int64, limit: Int = 1_000) throws -> Int {
        guard inboxMayHoldRows else { return 0 }
        let taken = try transaction(waitsForDisk: false) { () -> Int in
            let rows = try connection.query("SELECT seq, event_id, body FROM inbox WHERE error IS NULL ORDER BY seq LIMIT ?",
                                            [.integer(Int64(limit))])
            for row in rows {
                let seq = row["seq"]
                do {
                    guard let id = row["event_id"].text, let body = row["body"].text else {
                        throw UnreadableRowError("the row has no event id or body")
                    }
                    let event = try InngestEvent(json: JSONValue(json: Array(body.utf8)))
                    try event.validate(now: Date(milliseconds: now))
                    _ = try insertEvent(event, id: id, now: now)
                    try connection.query("DELETE FROM inbox WHERE seq = ?", [seq])
                } catch let error as SQLiteError {
                    throw error
                } catch {
                    try connection.query("UPDATE inbox SET error = ? WHERE seq = ?", [.text(String(describing: error)), seq])
                }
            }
            return rows.count
        }
        if taken < limit { inboxMayHoldRows = false }
        return taken
    }

    /// What an accepted event does: it resolves the waits it matches, cancels the runs whose
    /// `cancelOn` it matches (runs started before it: the event never cancels what it starts), and
    /// starts the runs of the functions it triggers.
    private func deliver(_ event: InngestEvent, eventId: String, nextAt: Int64, now: Int64) throws {
        try resolveWaits(for: event, now: now)
        try cancelMatching(event, now: now)
        let functions = router?.functions(for: event) ?? []
        guard !functions.isEmpty else { return }
        let json = event.jsonValue
        for functionId in functions {
            try admit(functionId: functionId, event: event, json: json, eventId: eventId, nextAt: nextAt, now: now)
        }
    }

    /// Cancels the unfinished runs whose function cancels on `event` and whose condition holds.
    private func cancelMatching(_ event: InngestEvent, now: Int64) throws {
        guard let router else { return }
        let cancellations = router.cancellations(for: event.name)
        guard !cancellations.isEmpty else { return }
        let incoming = event.jsonValue
        for cancellation in cancellations {
            let runs = try connection.query("""
                SELECT r.run_id, r.started_at, r.created_at, e.body FROM runs r JOIN events e ON e.id = r.event_id
                WHERE r.function_id = ? AND r.status IN ('queued', 'running')
                """, [.text(cancellation.functionId)])
            for run in runs {
                guard let runId = run["run_id"].text else { continue }
                if let timeout = cancellation.timeout, (run["started_at"].int ?? run["created_at"].int ?? now) + timeout < now { continue }
                if let condition = cancellation.condition {
                    guard let body = run["body"].text, let triggering = try? JSONValue(json: Array(body.utf8)),
                          condition.matches(["event": triggering, "async": incoming]) else { continue }
                }
                try cancelRun(runId, reason: "cancelled by \(event.name) \(event.id ?? "") (cancelOn)", now: now)
            }
        }
    }

    /// Accepts an event the engine itself sends (`inngest/function.failed`), as `ingest` would.
    private func insertInternalEvent(name: String, data: JSONValue, now: Int64) throws {
        let id = ULID.make(milliseconds: now)
        let event = InngestEvent(name: name, data: data, id: id, ts: now)
        try connection.query(
            "INSERT INTO events (id, idempotency_key, name, body, ts, received_at) VALUES (?, NULL, ?, ?, ?, ?)",
            [.text(id), .text(event.name), .text(event.jsonValue.jsonString), .integer(now), .integer(now)])
        try deliver(event, eventId: id, nextAt: now, now: now)
    }

    /// Sends `inngest/function.failed` for a run that failed for good, which starts the function's
    /// failure handler; runs of lifecycle events (failure handlers themselves) send none, as in Inngest.
    private func announceFailure(of runId: String, error: SerializedError, now: Int64) throws {
        guard let router, let row = try connection.query(
            "SELECT r.function_id, e.body FROM runs r JOIN events e ON e.id = r.event_id WHERE r.run_id = ?", [.text(runId)]).first,
            let functionId = row["function_id"].text, let body = row["body"].text,
            let event = try? InngestEvent(json: JSONValue(json: Array(body.utf8))),
            event.name != FunctionFailure<InngestEvent>.eventName, event.name != "inngest/function.finished" else { return }
        let batch = ((try? batchEvents(of: runId)) ?? []).compactMap { try? InngestEvent(json: JSONValue(json: $0.body.utf8)) }
        try insertInternalEvent(name: FunctionFailure<InngestEvent>.eventName,
                                data: FunctionFailure<InngestEvent>.eventData(functionId: router.compositeId(of: functionId), runId: runId,
                                                                               error: error, events: batch.isEmpty ? [event] : batch),
                                now: now)
    }

    @discardableResult
    func insertRun(functionId: String, eventId: String, eventName: String, event: JSONValue, nextAt: Int64, now: Int64,
                   detail: String? = nil, parent: (runId: String, step: String)? = nil, group: RunGroup? = nil) throws -> String {
        let runId = ULID.make(milliseconds: now)
        let target = targets[functionId]
        let flow = target?.flow
        let concurrencyKeys = flow?.concurrencyKeys(event: event) ?? []
        // A head start moves the run ahead of runs queued up to that long before it (a negative one
        // delays it), as Inngest scores its queue.
        let priority = flow?.priorityMilliseconds(event: event) ?? 0
        let due = group?.fireAt ?? nextAt
        try connection.query("""
            INSERT INTO runs (run_id, function_id, event_id, status, attempt, next_at, created_at, start_deadline, finish_timeout,
                              parent_run_id, parent_step, concurrency_key1, concurrency_key2, throttle_key, singleton_key, priority,
                              group_key, group_deadline, wait_reason)
            VALUES (?, ?, ?, 'queued', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(runId), .text(functionId), .text(eventId), .integer(due - priority), .integer(now),
             target?.startTimeout.map { .integer(due + $0) } ?? .null, target?.finishTimeout.map(SQLiteValue.integer) ?? .null,
             parent.map { .text($0.runId) } ?? .null, parent.map { .text($0.step) } ?? .null,
             concurrencyKeys.first.map(SQLiteValue.text) ?? .null, concurrencyKeys.dropFirst().first.map(SQLiteValue.text) ?? .null,
             flow?.throttleKey(event: event).map(SQLiteValue.text) ?? .null, flow?.singletonKey(event: event).map(SQLiteValue.text) ?? .null,
             .integer(priority), group.map { .text($0.key) } ?? .null, group?.deadline.map(SQLiteValue.integer) ?? .null,
             group.map { .text($0.reason) } ?? .null])
        noteDue(due - priority)
        try appendTimeline(runId, at: now, .runQueued, step: nil, detail: detail ?? "\(eventName) → \(functionId)")
        if let group { try appendTimeline(runId, at: now, .runDelayed, step: nil, detail: group.reason) }
        return runId
    }

    /// Starts the run a `step.invoke` asked for: an `inngest/function.invoked` event with the
    /// payload, and a run of the function linked to the waiting step.
    private func insertInvocation(_ invocation: Invocation, parentRunId: String, now: Int64) throws {
        let id = ULID.make(milliseconds: now)
        let event = InngestEvent(name: Invocation.eventName, data: invocation.data, id: id, ts: now)
        try connection.query(
            "INSERT INTO events (id, idempotency_key, name, body, ts, received_at) VALUES (?, NULL, ?, ?, ?, ?)",
            [.text(id), .text(event.name), .text(event.jsonValue.jsonString), .integer(now), .integer(now)])
        try admit(functionId: invocation.functionId, event: event, json: event.jsonValue, eventId: id, nextAt: now, now: now,
                  detail: "invoked by run \(parentRunId), step \(invocation.stepName)", parent: (parentRunId, invocation.step))
    }

    /// Gives the step of the run that invoked `runId`, if one waits for it, the invoked run's result,
    /// and wakes that run. Nothing happens when the step already timed out.
    func resolveParent(of runId: String, with memo: StepMemo, now: Int64) throws {
        guard let row = try connection.query("SELECT parent_run_id, parent_step FROM runs WHERE run_id = ?", [.text(runId)]).first else { return }
        try resolveParent(row, of: runId, with: memo, now: now)
    }

    /// `resolveParent(of:with:now:)` with the run's `parent_run_id` and `parent_step` already read.
    private func resolveParent(_ row: SQLiteRow, of runId: String, with memo: StepMemo, now: Int64) throws {
        guard let parent = row["parent_run_id"].text, let step = row["parent_step"].text else { return }
        try connection.query("UPDATE steps SET memo = ?, wake_at = NULL WHERE run_id = ? AND hash = ? AND memo IS NULL",
                             [.text(memo.jsonValue.jsonString), .text(parent), .text(step)])
        guard connection.changes > 0 else { return }
        try connection.query("UPDATE runs SET next_at = MIN(next_at, ?) WHERE run_id = ? AND status = 'queued'", [.integer(now), .text(parent)])
        if connection.changes == 0 { wokenWhileRunning.insert(parent) }
        noteDue(now)
        let name = try connection.query("SELECT name FROM steps WHERE run_id = ? AND hash = ?", [.text(parent), .text(step)]).first?["name"].text
        let outcome: String
        switch memo {
        case .error(let error): outcome = "failed: \(error)"
        default: outcome = "completed"
        }
        try appendTimeline(parent, at: now, .stepCompleted, step: name, detail: "invoked run \(runId) \(outcome)")
    }

    /// Ends a run that has not finished as cancelled, with the reason on its timeline; a run that
    /// invoked it gets the cancellation as the invoke step's error.
    /// - Returns: false when the run does not exist or already finished.
    @discardableResult
    func cancelRun(_ runId: String, reason: String, now: Int64) throws -> Bool {
        noteDue(now)
        let row = try connection.query("SELECT status, function_id FROM runs WHERE run_id = ?", [.text(runId)]).first
        let wasRunning = row?["status"].text == RunStatus.running.rawValue
        try connection.query("""
            UPDATE runs SET status = 'cancelled', ended_at = ?, parked_on = NULL, group_key = NULL, wait_reason = NULL
            WHERE run_id = ? AND status IN ('queued', 'running')
            """, [.integer(now), .text(runId)])
        guard connection.changes > 0 else { return false }
        endedRuns.append(StoreRunEnd(runId: runId, functionId: row?["function_id"].text ?? "", status: .cancelled, at: now, detail: reason))
        if wasRunning { try releaseSlots(of: runId, now: now) }
        try connection.query("DELETE FROM waits WHERE run_id = ?", [.text(runId)])
        try appendTimeline(runId, at: now, .runCancelled, step: nil, detail: reason)
        try resolveParent(of: runId, with: .error(SerializedError(name: "RunCancelled", message: "the invoked run \(runId) was \(reason)")),
                          now: now)
        return true
    }

    /// Whether a wait's condition holds for an incoming event. A condition or triggering event that
    /// cannot be read (a damaged row) matches nothing: the wait then times out.
    private func condition(_ text: String, holdsFor incoming: JSONValue, triggering: String?) -> Bool {
        let expression: InngestExpression.Expression
        if let parsed = parsedConditions[text] {
            expression = parsed
        } else {
            guard let parsed = try? InngestExpression.Expression.parse(text, variables: ["event", "async"]) else { return false }
            parsedConditions[text] = parsed
            expression = parsed
        }
        guard let triggering, let event = try? JSONValue(json: Array(triggering.utf8)) else { return false }
        return expression.matches(["event": event, "async": incoming])
    }

    /// Records durable waits for events (`step.waitForEvent`): each resolves when a matching event
    /// is accepted, or times out at its expiry.
    private func insertWaits(_ waits: [EventWait], runId: String) throws {
        for wait in waits {
            try connection.query("""
                INSERT OR REPLACE INTO waits (run_id, hash, event_name, expression, trigger_event, expires_at) VALUES (?, ?, ?, ?, ?, ?)
                """, [.text(runId), .text(wait.step), .text(wait.eventName), wait.expression.map(SQLiteValue.text) ?? .null,
                      wait.expression == nil ? .null : .text(wait.triggeringEvent.jsonString), .integer(wait.expiresAt)])
        }
    }

    /// Resolves the waits of other runs that `event` matches: the event becomes the step's result
    /// and the run wakes. A wait started after the event was accepted never sees it.
    private func resolveWaits(for event: InngestEvent, now: Int64) throws {
        let waits = try connection.query("SELECT run_id, hash, expression, trigger_event FROM waits WHERE event_name = ? AND expires_at > ?",
                                         [.text(event.name), .integer(now)])
        guard !waits.isEmpty else { return }
        let incoming = event.jsonValue
        for wait in waits {
            guard let runId = wait["run_id"].text, let hash = wait["hash"].text else { continue }
            if let text = wait["expression"].text, !condition(text, holdsFor: incoming, triggering: wait["trigger_event"].text) { continue }
            try connection.query("DELETE FROM waits WHERE run_id = ? AND hash = ?", [.text(runId), .text(hash)])
            try connection.query("UPDATE steps SET memo = ?, wake_at = NULL WHERE run_id = ? AND hash = ? AND memo IS NULL",
                                 [.text(event.jsonValue.jsonString), .text(runId), .text(hash)])
            guard connection.changes > 0 else { continue }
            try connection.query("UPDATE runs SET next_at = MIN(next_at, ?) WHERE run_id = ? AND status = 'queued'", [.integer(now), .text(runId)])
            noteDue(now)
            let name = try connection.query("SELECT name FROM steps WHERE run_id = ? AND hash = ?", [.text(runId), .text(hash)]).first?["name"].text
            try appendTimeline(runId, at: now, .stepCompleted, step: name, detail: "received \(event.name) \(event.id ?? "")")
        }
    }

    // MARK: Runs

    /// Moves runs that a stopped process left `running` back to the queue: those whose holder's
    /// process is gone (a crash, a kill), whose lease expired, or that carry no lease. Runs leased
    /// to a process that still runs are left to it.
    /// - Returns: how many were resumed.
    func recoverInterrupted(now: Int64) throws -> Int {
        try transaction {
            var resumed = 0
            for row in try connection.query("SELECT run_id, lease_owner, lease_expires FROM runs WHERE status = 'running'") {
                guard let runId = row["run_id"].text else { continue }
                let holder = row["lease_owner"].text
                let expired = (row["lease_expires"].int ?? .min) < now
                guard holder == nil || expired || holder.map(LeaseOwner.isGone) == true else { continue }
                try requeue(runId, now: now, detail: "resumed after a restart")
                resumed += 1
            }
            // Runs parked behind a concurrency key look again: slots may have been released above.
            try connection.query("UPDATE runs SET parked_on = NULL, next_at = MIN(next_at, ?) WHERE parked_on IS NOT NULL", [.integer(now)])
            return resumed
        }
    }

    /// Returns once every store call made before it has returned (the store is serial).
    func barrier() {}

    /// Puts runs this engine claimed but never started back in the queue (a send claimed them as
    /// the engine stopped).
    func requeueUnstarted(_ runIds: [String], now: Int64) throws {
        try transaction(waitsForDisk: false) {
            for runId in runIds { try requeue(runId, now: now, detail: "queued again: the engine stopped before starting it") }
        }
    }

    /// Puts a run whose holder stopped back in the queue, releasing its concurrency slots.
    private func requeue(_ runId: String, now: Int64, detail: String) throws {
        try appendTimeline(runId, at: now, .runResumed, step: nil, detail: detail)
        try connection.query("""
            UPDATE runs SET status = 'queued', next_at = MIN(next_at, ?), lease_owner = NULL, lease_expires = NULL WHERE run_id = ?
            """, [.integer(now), .text(runId)])
        try releaseSlots(of: runId, now: now)
    }

    /// Renews the leases of the runs this engine executes, when a third of their duration passed
    /// since the last renewal, and takes over the runs of other engines whose lease expired.
    private func maintainLeases(now: Int64) throws {
        if now - leasesRenewedAt >= leaseDuration / 3 {
            try connection.query("UPDATE runs SET lease_expires = ? WHERE status = 'running' AND lease_owner = ?",
                                 [.integer(now + leaseDuration), .text(owner.text)])
            leasesRenewedAt = now
        }
        for row in try connection.query("SELECT run_id FROM runs WHERE status = 'running' AND lease_expires < ? AND lease_owner IS NOT ?",
                                         [.integer(now), .text(owner.text)]) {
            guard let runId = row["run_id"].text else { continue }
            try requeue(runId, now: now, detail: "resumed: the process executing it stopped renewing its lease")
        }
    }

    /// The lease a claim writes: this engine, until `now` plus the lease duration.
    func lease(now: Int64) -> [SQLiteValue] { [.text(owner.text), .integer(now + leaseDuration)] }

    /// One pass of the engine's loop, in one hop to the store: fires due cron schedules, claims up
    /// to `limit` due runs, notes `data_version` (so that the idle loop sees only others' commits)
    /// and says when anything is due next.
    ///
    /// New runs take at most `newLimit` of the slots: the rest are kept for runs that wake (see
    /// `EmbeddedEngine`). When new runs filled their share, the next due time is that of the
    /// runs that wake, crons and leases: the engine starts more new runs when a slot frees.
    ///
    /// - Returns: the runs claimed; when to pass next (nil: nothing is due); whether new runs took
    ///   every slot they were left (fewer than `newLimit` while runs are about to wake), so that
    ///   the engine passes again when a slot frees: the next time says nothing of new runs then.
    func pass(now: Int64, limit: Int, newLimit: Int, nextFire: (String, Int64) -> Int64?) throws
        -> (claimed: [ClaimedRun], next: Int64?, newRunsWait: Bool) {
        _ = try othersCommitted()
        let inboxLimit = 1_000
        let inboxed = try ingestInbox(now: now, limit: inboxLimit)
        _ = try fireDueCrons(now: now, nextFire: nextFire)
        let newLimit = try leavingSlotsToWake(newLimit, now: now)
        let claimed = try transaction(waitsForDisk: false) { try claimWithin(now: now, limit: limit, newLimit: newLimit, early: true) }
        let newClaimed = claimed.count { !$0.resumed }
        // A full inbox batch leaves more queued: the next pass is due at once.
        if inboxed >= inboxLimit { return (claimed, now, newClaimed >= newLimit) }
        return (claimed, try nextWakeTime(startedOnly: newClaimed >= newLimit).map { Self.passTime(forDue: $0, now: now) },
                newClaimed >= newLimit)
    }

    /// When the loop passes for something due at `due`: ``wakeAhead`` earlier, so that the pass
    /// claims the sleepers about to wake (`claimSleepersWaking`), or at `due` when that is already
    /// past (what was not claimed early is claimed when due, with no pass in between).
    static func passTime(forDue due: Int64, now: Int64) -> Int64 {
        due - wakeAhead > now ? due - wakeAhead : due
    }

    /// How many new runs a claim at `now` may start of `newLimit`: fewer by the runs that wake
    /// (a sleep ending, a retry due) within the time a new run holds its slot (`slotHold`, at least
    /// 25 ms), up to all of them, so that those find free slots when they are due instead of
    /// waiting for new runs to finish. Nothing changes while no run is about to wake.
    private func leavingSlotsToWake(_ newLimit: Int, now: Int64) throws -> Int {
        guard newLimit > 0 else { return 0 }
        let soon = try connection.query("""
            SELECT COUNT(*) AS n FROM (SELECT 1 FROM runs INDEXED BY runs_resume
            WHERE status = 'queued' AND started_at IS NOT NULL AND next_at > ? AND next_at <= ? LIMIT ?)
            """, [.integer(now), .integer(now + slotHold.lookAhead), .integer(Int64(newLimit))]).first?["n"].int ?? 0
        return newLimit - Int(soon)
    }

    /// How long before its sleep ends a run may be claimed (`claimSleepersWaking`), in
    /// milliseconds: about two group commits of a burst, as long as a claim then takes to reach
    /// the engine. The slot it holds meanwhile is one kept for it (`leavingSlotsToWake`).
    static let wakeAhead: Int64 = 25

    /// Marks up to `limit` due runs as running and loads what executing them needs. Sleeps whose
    /// time has come are completed first. A run whose rows cannot be read (a damaged or foreign
    /// event or step row) is failed with the reason on its own timeline; the others are claimed.
    /// New runs take at most `newLimit` of them (all by default).
    func claimDue(now: Int64, limit: Int, newLimit: Int? = nil) throws -> [ClaimedRun] {
        try transaction(waitsForDisk: false) { try claimWithin(now: now, limit: limit, newLimit: newLimit ?? limit) }
    }

    /// `claimDue` inside a transaction already open.
    private func claimWithin(now: Int64, limit: Int, newLimit: Int, early: Bool = false) throws -> [ClaimedRun] {
        try maintainLeases(now: now)
        guard limit > 0 else { return [] }
        try completeTimers(now: now)
        if gatesClaims { return try claimGated(now: now, limit: limit, newLimit: newLimit) }
        // Runs that already started (woken from a sleep, a wait, an invoke or a retry backoff) go
        // first, then new ones: due timers never queue behind a burst of new work.
        let resumed = try claimInBulk(now: now, limit: limit, started: true)
        let sleepers = early ? try claimSleepersWaking(now: now, limit: limit - resumed.count) : []
        let newRuns = min(limit - resumed.count - sleepers.count, newLimit)
        let new = newRuns > 0 ? try claimInBulk(now: now, limit: newRuns, started: false) : []
        var claimed = sleepers
        for (rows, started) in [(resumed, true), (new, false)] {
            for row in rows {
                guard try startOrTimeOut(row, now: now) else { continue }
                do {
                    claimed.append(try load(row, resumed: started))
                } catch let error as UnreadableRowError {
                    try failUnreadable(row, error, now: now)
                }
            }
        }
        return claimed
    }

    /// Whether a sleep, wait or invoke is over (one parameter: now).
    static let timerOver = "SELECT 1 FROM steps WHERE memo IS NULL AND wake_at <= ? LIMIT 1"

    /// Sleeps that are over, and waits and invokes that timed out, get their results (both read
    /// partial indexes: nothing is scanned when nothing is due).
    private func completeTimers(now: Int64) throws {
        // Looked up first: the update builds a temporary b-tree even when no sleep is over.
        if try !connection.query(Self.timerOver, [.integer(now)]).isEmpty {
            try connection.query("""
                UPDATE steps SET memo = CASE WHEN op = 'InvokeFunction' THEN ? ELSE 'null' END
                WHERE memo IS NULL AND wake_at <= ?
                """, [.text(Self.invokeTimeout.jsonValue.jsonString), .integer(now)])
        }
        try connection.query("DELETE FROM waits WHERE expires_at <= ?", [.integer(now)])
    }

    /// Claims, in the transaction of a group commit, the runs that woke (from a sleep, a wait, an
    /// invoke or a retry backoff) up to the free slots, counting those of the `ending` executions
    /// whose last write this commit holds, for the engine to start; nothing without `wakingClaims`.
    private func claimWaking(ending: Int) throws -> [ClaimedRun] {
        guard let claims = wakingClaims else { return [] }
        let (slots, now) = claims.reserve(ending)
        // Slots of runs claimed are kept only once this returns: a throw gives back every one.
        var kept = 0
        defer { claims.release(slots - kept) }
        guard slots > 0 else { return [] }
        var claimed: [ClaimedRun] = []
        try completeTimers(now: now)
        for row in try claimInBulk(now: now, limit: slots, started: true) {
            guard try startOrTimeOut(row, now: now) else { continue }
            do {
                claimed.append(try load(row, resumed: true))
            } catch let error as UnreadableRowError {
                try failUnreadable(row, error, now: now)
            }
        }
        if claimed.count < slots { claimed += try claimSleepersWaking(now: now, limit: slots - claimed.count) }
        kept = claimed.count
        return claimed
    }

    /// Claims up to `limit` runs whose only pending steps are sleeps that end within ``wakeAhead``
    /// milliseconds: their sleeps are completed now and each run executes at the time its sleep
    /// ends (`ClaimedRun.startAt`), so that the claim, the load and the hop to the engine, which
    /// take longest exactly when the engine is busiest, are done before the timer is due and not
    /// after. A run that also waits for an event or an invoke, that may time out, or that has a
    /// later timer of its own is claimed when it is due, as before.
    private func claimSleepersWaking(now: Int64, limit: Int) throws -> [ClaimedRun] {
        guard limit > 0 else { return [] }
        // Read, then updated by rowid (see `claimInBulk`).
        let rows = try connection.query(Self.sleepersWaking, [.integer(now), .integer(now + Self.wakeAhead), .integer(Int64(limit))])
        guard !rows.isEmpty else { return [] }
        let lease = lease(now: now)
        var claimed: [ClaimedRun] = []
        for row in rows {
            guard let runId = row["run_id"].text, let startAt = row["next_at"].int else { continue }
            try connection.query("""
                UPDATE runs SET status = 'running', group_key = NULL, wait_reason = NULL, lease_owner = ?, lease_expires = ? WHERE rowid = ?
                """, lease + [row["rowid"]])
            let sleeps: [SQLiteValue] = [.text(runId), .integer(startAt)]
            let woken = try connection.query("SELECT hash FROM steps WHERE run_id = ? AND memo IS NULL AND op = 'Sleep' AND wake_at = ?", sleeps)
            try connection.query("UPDATE steps SET memo = 'null' WHERE run_id = ? AND memo IS NULL AND op = 'Sleep' AND wake_at = ?", sleeps)
            do {
                var run = try load(row, resumed: true)
                run.startAt = startAt
                run.wokenSleeps = Set(woken.compactMap { $0["hash"].text })
                claimed.append(run)
            } catch let error as UnreadableRowError {
                try failUnreadable(row, error, now: now)
            }
        }
        return claimed
    }

    /// The runs whose only pending steps are sleeps ending in a window (parameters: its start, its
    /// end, a limit), in queue order, with what a claim loads.
    static let sleepersWaking = """
        SELECT r.rowid, r.run_id, r.function_id, r.event_id, r.attempt, r.started_at, r.start_deadline, r.finish_timeout, r.next_at
        FROM runs r INDEXED BY runs_resume
        WHERE r.status = 'queued' AND r.started_at IS NOT NULL AND r.next_at > ? AND r.next_at <= ?
        AND (r.finish_timeout IS NULL OR r.started_at + r.finish_timeout > r.next_at)
        AND EXISTS (SELECT 1 FROM steps s WHERE s.run_id = r.run_id AND s.memo IS NULL AND s.op = 'Sleep' AND s.wake_at = r.next_at)
        AND NOT EXISTS (SELECT 1 FROM steps s WHERE s.run_id = r.run_id AND s.memo IS NULL
                        AND (s.op != 'Sleep' OR s.wake_at IS NULL OR s.wake_at != r.next_at))
        ORDER BY r.next_at, r.rowid LIMIT ?
        """

    /// Has each group commit claim the runs that woke, as `claims` says (nil: only passes claim).
    /// Engines whose claims go through flow-control gates claim only in passes.
    func claimWakingRunsInCommits(_ claims: WakingClaims?) {
        wakingClaims = gatesClaims ? nil : claims
    }

    /// Marks up to `limit` due runs as running, in queue order, among those that already started or
    /// those that have not. Started runs are read from their partial index by name: without
    /// statistics SQLite's planner takes the due index and filters every queued run (14 ms per
    /// claim behind 50,000 new runs). A debounce or batch that is due stops collecting events once claimed.
    /// A new run starts with its claim (`started_at` is now), unless it is past its start timeout
    /// (`started_at` stays NULL and `startOrTimeOut` cancels it).
    ///
    /// The runs are read, then updated one by one by rowid: a single `UPDATE … WHERE rowid IN
    /// (SELECT …) RETURNING …` builds three temporary b-trees, each with a page cache of its own,
    /// even when nothing is due, and every commit claims (most of the store's page faults).
    private func claimInBulk(now: Int64, limit: Int, started: Bool) throws -> [SQLiteRow] {
        let due = try connection.query("\(Self.dueRuns(started: started)) LIMIT ?", [.integer(now), .integer(Int64(limit))])
        guard !due.isEmpty else { return [] }
        let lease = lease(now: now)
        return try due.map { row in
            if started {
                try connection.query("""
                    UPDATE runs SET status = 'running', group_key = NULL, wait_reason = NULL, lease_owner = ?, lease_expires = ? WHERE rowid = ?
                    """, lease + [row["rowid"]])
                return row
            }
            let startedAt: SQLiteValue = row["start_deadline"].int.map { $0 < now } == true ? .null : .integer(now)
            try connection.query("""
                UPDATE runs SET status = 'running', group_key = NULL, wait_reason = NULL, lease_owner = ?, lease_expires = ?, started_at = ?
                WHERE rowid = ?
                """, lease + [startedAt, row["rowid"]])
            return row.replacing("started_at", with: startedAt)
        }
    }

    /// The due runs that already started, or those that have not, in queue order, with what a
    /// claim loads (one parameter: now). Started runs are named through their partial index.
    static func dueRuns(started: Bool) -> String {
        """
        SELECT rowid, run_id, function_id, event_id, attempt, started_at, start_deadline, finish_timeout
        FROM runs \(started ? "INDEXED BY runs_resume" : "")
        WHERE status = 'queued' AND started_at IS \(started ? "NOT NULL" : "NULL") AND next_at <= ? ORDER BY next_at, rowid
        """
    }

    /// The query plan SQLite takes for the due runs, one line per step (for tests: no claim may
    /// filter the whole queue).
    func dueRunsPlan(started: Bool) throws -> [String] {
        try connection.query("EXPLAIN QUERY PLAN \(Self.dueRuns(started: started)) LIMIT 64", [.integer(0)]).compactMap { $0["detail"].text }
    }

    /// How many temporary b-trees and sorters the program of `sql` opens (for tests: the
    /// statements of every commit open none, as each costs a page cache of its own).
    func temporaryTables(in sql: String, _ bindings: [SQLiteValue]) throws -> Int {
        try connection.query("EXPLAIN \(sql)", bindings).filter { ["OpenEphemeral", "SorterOpen"].contains($0["opcode"].text ?? "") }.count
    }

    /// The memo of an invoke step whose run did not finish in time, as Inngest writes it.
    static let invokeTimeout = StepMemo.error(SerializedError(name: "InngestInvokeTimeoutError",
                                                              message: "Timed out waiting for invoked function to complete"))

    /// Records when a claimed run first starts (a new run claimed in bulk already has its start),
    /// or cancels it when it passed its start timeout (it was due but not started in time) or its
    /// finish timeout (it sleeps, waits or retries past it).
    /// - Returns: whether the run executes now.
    func startOrTimeOut(_ row: SQLiteRow, now: Int64) throws -> Bool {
        guard let runId = row["run_id"].text else { return true }
        if let started = row["started_at"].int {
            guard let timeout = row["finish_timeout"].int, started + timeout <= now else { return true }
            try cancelRun(runId, reason: "cancelled: it did not finish within \(Delay.text(milliseconds: timeout)) (timeouts.finish)", now: now)
            return false
        }
        if let deadline = row["start_deadline"].int, deadline < now {
            try cancelRun(runId, reason: "cancelled: it did not start in time (timeouts.start)", now: now)
            return false
        }
        try connection.query("UPDATE runs SET started_at = ? WHERE run_id = ?", [.integer(now), .text(runId)])
        return true
    }

    /// The stored event and step results of a claimed run, as text: the run's own task parses
    /// them (`ClaimedRun.read()`), so that the store's thread does not.
    /// - Throws: `UnreadableRowError` when a row is missing or does not hold what this code wrote.
    /// - Parameter resumed: whether the run started before this claim; `nil`: as its row says
    ///   (`started_at`, read before the claim). Only a run that started has recorded steps.
    func load(_ row: SQLiteRow, resumed: Bool? = nil) throws -> ClaimedRun {
        let resumed = resumed ?? (row["started_at"].int != nil)
        guard let runId = row["run_id"].text, let functionId = row["function_id"].text, let eventId = row["event_id"].text,
              let attempt = row["attempt"].int, attempt >= 0, attempt < 10_000 else {
            throw UnreadableRowError("the run's own row is damaged (run_id, function_id, event_id or attempt is missing or of the wrong type)")
        }
        var events: [StoredEvent] = []
        if targets[functionId]?.flow?.batch != nil { events = try batchEvents(of: runId) }
        if events.isEmpty {
            guard let body = try connection.query("SELECT body FROM events WHERE id = ?", [.text(eventId)]).first?["body"].text else {
                throw UnreadableRowError("its event \(eventId) is missing from the events table")
            }
            events = [StoredEvent(id: eventId, body: body, inBatch: false)]
        }
        var steps: [StoredStep] = []
        if resumed { try connection.each("SELECT hash, memo, name FROM steps WHERE run_id = ? AND memo IS NOT NULL", [.text(runId)]) { step in
            guard let hash = step.text(0) else { throw UnreadableRowError("a step row of the run is damaged (its hash is not text)") }
            guard let memo = step.text(1) else {
                throw UnreadableRowError("a step row of the run is damaged (the memo of step \"\(step.text(2) ?? hash)\" is not text)")
            }
            steps.append(StoredStep(hash: hash, name: step.text(2) ?? hash, memo: memo))
        } }
        return ClaimedRun(runId: runId, functionId: functionId, storedEvents: events, attempt: Int(attempt), storedSteps: steps,
                          resumed: resumed)
    }

    /// Fails a claimed run whose stored event or step results turned out unreadable when its task
    /// parsed them, recording why; `false` when the run is no longer this engine's.
    @discardableResult
    func failUnreadable(runId: String, _ error: UnreadableRowError, now: Int64) throws -> Bool {
        try transaction {
            guard let row = try connection.query("SELECT rowid, run_id, function_id FROM runs WHERE run_id = ? AND status = 'running' AND lease_owner IS ?",
                                                 [.text(runId), .text(owner.text)]).first else { return false }
            try failUnreadable(row, error, now: now)
            return true
        }
    }

    /// Fails a claimed run whose rows cannot be read, recording why.
    func failUnreadable(_ row: SQLiteRow, _ error: UnreadableRowError, now: Int64) throws {
        let failure = SerializedError(name: "UnreadableRun", message: "this run cannot execute: \(error.reason). The database row was "
                                      + "damaged or written by another program; the run is failed so that the others go on.")
        try connection.query("UPDATE runs SET status = 'failed', error = ?, ended_at = ? WHERE rowid = ?",
                             [.text(failure.jsonValue.jsonString), .integer(now), row["rowid"]])
        if let runId = row["run_id"].text {
            try appendTimeline(runId, at: now, .runFailed, step: nil, detail: failure.description)
            endedRuns.append(StoreRunEnd(runId: runId, functionId: row["function_id"].text ?? "", status: .failed, at: now,
                                         detail: failure.description))
            try releaseSlots(of: runId, now: now)
        }
    }

    /// Records a step's result (a checkpoint) or a pending sleep, with the run's new state. Returns
    /// once the write is committed. Writes from concurrent runs that arrive while a commit is in
    /// progress share the next transaction and its fsync (group commit).
    /// - Returns: the earliest time at which the write made a run due (this run queued again, an
    ///   invoked run, a parent woken, a parked run released, a run triggered), or nil when it made
    ///   nothing due: the engine's loop then needs no pass for it.
    @discardableResult
    func apply(runId: String, steps: [StepWrite], update: RunUpdate?, timeline: [TimelineWrite], invocations: [Invocation] = [],
               waits: [EventWait] = [], endsExecution: Bool = false, now: Int64) async throws -> Int64? {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int64?, any Error>) in
            pending.append(PendingWrite(runId: runId, steps: steps, update: update, timeline: timeline, invocations: invocations,
                                        waits: waits, now: now, endsExecution: endsExecution, continuation: continuation))
            if !flushScheduled {
                flushScheduled = true
                Task { self.flush() }
            }
        }
    }

    private struct PendingWrite {
        let runId: String
        let steps: [StepWrite]
        let update: RunUpdate?
        let timeline: [TimelineWrite]
        let invocations: [Invocation]
        let waits: [EventWait]
        let now: Int64
        /// Whether it is the last write of an execution, whose slot frees once it is committed.
        let endsExecution: Bool
        let continuation: CheckedContinuation<Int64?, any Error>

        /// Whether a replay of the run writes this again when it is lost: a run's completion or
        /// failure with nothing else (its steps were recorded before).
        var isRedoneWhenLost: Bool {
            guard steps.isEmpty, invocations.isEmpty, waits.isEmpty else { return false }
            switch update {
            case .complete?, .fail?: return true
            case .queue?, nil: return false
            }
        }
    }

    /// What a write's caller is told, once its transaction is durable.
    private struct Answer: Sendable {
        let continuation: CheckedContinuation<Int64?, any Error>
        let result: Result<Int64?, any Error>
    }

    private var pending: [PendingWrite] = []
    private var flushScheduled = false
    /// How group commits claim the runs that woke, set by the engine's loop.
    private var wakingClaims: WakingClaims?
    /// The earliest time at which the write being applied made a run due (`apply`'s result).
    private var dueByWrite: Int64?

    /// Notes that the current write makes a run due at `time`.
    func noteDue(_ time: Int64) {
        dueByWrite = min(dueByWrite ?? time, time)
    }

    /// Commits every pending write in one transaction, then resumes their callers. A write that
    /// fails takes no other down: the batch is first written as it is (the common case, without a
    /// savepoint per write), and only if a write throws is it written again with each write in its
    /// own savepoint, so that the failed one alone is rolled back.
    private func flush() {
        flushScheduled = false
        // Once the writers are answered (or wait for the syncer), the log's last checkpointed frames.
        defer { connection.finishCheckpoint() }
        let batch = pending
        pending = []
        var results: [Result<Int64?, any Error>] = []
        var woken: [ClaimedRun] = []
        let wokenBefore = wokenWhileRunning
        do {
            do {
                try transaction(waitsForDisk: false) {
                    results = try writeAll(batch, isolated: false)
                    // A run that woke while the engine was busy starts with this commit instead of
                    // waiting for the loop's next pass, behind every commit queued before it.
                    woken = try claimWaking(ending: batch.count { $0.endsExecution })
                }
            } catch is BatchWriteFailure {
                // Rolled back, the claim included: what the writes changed in memory is undone too.
                wokenWhileRunning = wokenBefore
                try transaction(waitsForDisk: false) {
                    results = try writeAll(batch, isolated: true)
                    woken = try claimWaking(ending: batch.count { $0.endsExecution })
                }
            }
            if !woken.isEmpty { wakingClaims?.handOver(woken) }
            let answers = zip(batch.map(\.continuation), results).map { Answer(continuation: $0, result: $1) }
            // Completions alone need not wait for the disk; a recorded step or a suspension does.
            if let syncer, batch.contains(where: { !$0.isRedoneWhenLost }) {
                if pending.isEmpty, let durable = syncer.syncIfIdle() {
                    for answer in answers { answer.continuation.resume(with: durable.flatMap { _ in answer.result }) }
                    return
                }
                syncer.whenDurable { durable in
                    for answer in answers { answer.continuation.resume(with: durable.flatMap { _ in answer.result }) }
                }
            } else {
                for answer in answers { answer.continuation.resume(with: answer.result) }
            }
        } catch {
            // Rolled back: the runs it claimed are queued still, and their slots free.
            if !woken.isEmpty { wakingClaims?.release(woken.count) }
            for write in batch { write.continuation.resume(throwing: error) }
        }
    }

    /// Writes a batch, each write's result in order. Not `isolated`, the first write that throws
    /// throws `BatchWriteFailure` (the caller rolls back and writes the batch again, isolated);
    /// `isolated`, each write is its own savepoint and a failure is that write's result.
    private func writeAll(_ batch: [PendingWrite], isolated: Bool) throws -> [Result<Int64?, any Error>] {
        var results: [Result<Int64?, any Error>] = []
        results.reserveCapacity(batch.count)
        for write in batch {
            if isolated { try connection.query("SAVEPOINT write") }
            dueByWrite = nil
            let ended = endedRuns.count
            do {
                let written = try self.write(write)
                if isolated { try connection.query("RELEASE write") }
                results.append(written ? .success(dueByWrite) : .failure(RunCancelledError(runId: write.runId)))
            } catch {
                guard isolated else { throw BatchWriteFailure() }
                try connection.query("ROLLBACK TO write")
                try connection.query("RELEASE write")
                endedRuns.removeSubrange(ended...)
                results.append(.failure(error))
            }
        }
        return results
    }

    /// A write of a batch written without savepoints failed: the batch is written again, isolated.
    private struct BatchWriteFailure: Error {}

    /// Writes one run's step rows, new state and timeline.
    /// - Returns: false, having written nothing of `write`, when the run is no longer running
    ///   (cancelled by this or another process, or now, past its finish timeout): the execution
    ///   stops at this step boundary.
    private func write(_ write: PendingWrite) throws -> Bool {
        let runId = write.runId
        let now = write.now
        let run = try connection.query("""
            SELECT status, started_at, finish_timeout, priority, lease_owner, parent_run_id, parent_step FROM runs WHERE run_id = ?
            """, [.text(runId)]).first
        guard run?["status"].text == RunStatus.running.rawValue else { return false }
        // Another engine took the run over (this one stopped renewing its lease): this execution stops.
        if let holder = run?["lease_owner"].text, holder != owner.text { return false }
        if let started = run?["started_at"].int, let timeout = run?["finish_timeout"].int, now > started + timeout {
            noteDue(now)
            try cancelRun(runId, reason: "cancelled: it did not finish within \(Delay.text(milliseconds: timeout)) (timeouts.finish)", now: now)
            return false
        }
        var started = Set<String>()
        for step in write.steps {
            if let memo = step.memo {
                try connection.query(
                    "INSERT OR REPLACE INTO steps (run_id, hash, name, op, memo, wake_at, recorded_at) VALUES (?, ?, ?, ?, ?, NULL, ?)",
                    [.text(runId), .text(step.hash), .text(step.name), .text(step.op), .text(memo), .integer(now)])
            } else {
                // A suspension reported again on a replay keeps its first timer, run and wait.
                try connection.query("""
                    INSERT INTO steps (run_id, hash, name, op, memo, wake_at, recorded_at) VALUES (?, ?, ?, ?, NULL, ?, ?)
                    ON CONFLICT (run_id, hash) DO NOTHING
                    """, [.text(runId), .text(step.hash), .text(step.name), .text(step.op), step.wakeAt.map(SQLiteValue.integer) ?? .null,
                          .integer(now)])
                if connection.changes > 0 { started.insert(step.hash) }
            }
        }
        for invocation in write.invocations where started.contains(invocation.step) {
            try insertInvocation(invocation, parentRunId: runId, now: now)
        }
        try insertWaits(write.waits.filter { started.contains($0.step) }, runId: runId)
        for entry in write.timeline {
            try appendTimeline(runId, at: now, entry.kind, step: entry.step, detail: entry.detail)
        }
        if case .some = write.update { try releaseSlots(of: runId, now: now) }
        switch write.update {
        case .queue(let attempt, var nextAt):
            // A retry keeps the run's head start (or delay), as Inngest scores every attempt.
            if attempt > 0 { nextAt -= run?["priority"].int ?? 0 }
            if wokenWhileRunning.remove(runId) != nil { nextAt = min(nextAt, now) }
            // A run that sleeps or waits past its finish timeout wakes at the timeout, to be cancelled.
            // The run wakes at `nextAt`, or earlier at a pending timer of its own, or at its finish
            // timeout, to be cancelled.
            try connection.query("""
                UPDATE runs SET status = 'queued', attempt = ?,
                    next_at = MIN(?, COALESCE((SELECT MIN(wake_at) FROM steps WHERE run_id = ? AND memo IS NULL), ?),
                                  CASE WHEN finish_timeout IS NULL OR started_at IS NULL THEN ? ELSE started_at + finish_timeout END)
                WHERE run_id = ?
                """, [.integer(Int64(attempt)), .integer(nextAt), .text(runId), .integer(nextAt), .integer(nextAt), .text(runId)])
            // Read back rather than `RETURNING`, which buffers its rows in a temporary b-tree.
            try connection.query("SELECT next_at FROM runs WHERE run_id = ?", [.text(runId)])
                .first.map { noteDue($0["next_at"].int ?? now) }
        case .complete(let output):
            try connection.query("UPDATE runs SET status = 'completed', output = ?, ended_at = ? WHERE run_id = ?",
                                 [.text(output.jsonString), .integer(now), .text(runId)])
            try connection.query("DELETE FROM waits WHERE run_id = ?", [.text(runId)])
            if let run { try resolveParent(run, of: runId, with: .data(output), now: now) }
        case .fail(let error):
            try connection.query("UPDATE runs SET status = 'failed', error = ?, ended_at = ? WHERE run_id = ?",
                                 [.text(error.jsonValue.jsonString), .integer(now), .text(runId)])
            try connection.query("DELETE FROM waits WHERE run_id = ?", [.text(runId)])
            if let run { try resolveParent(run, of: runId, with: .error(error), now: now) }
            // The failure event may trigger, debounce or cancel runs: the loop looks again.
            noteDue(now)
            try announceFailure(of: runId, error: error, now: now)
        case nil:
            break
        }
        return true
    }

    /// Cancels a run that has not finished. A step executing now completes, but its result and the
    /// run's outcome are no longer recorded as progress (updates only apply to running runs).
    /// - Returns: false when the run does not exist or already finished.
    func cancel(_ runId: String, now: Int64) throws -> Bool {
        try transaction { try cancelRun(runId, reason: "cancelled", now: now) }
    }

    /// Starts a new run of a run's function for the same event, from the first step.
    /// - Returns: the new run id, or nil when the run does not exist.
    func replay(_ runId: String, now: Int64) throws -> String? {
        try transaction {
            guard let row = try connection.query(
                "SELECT r.function_id, r.event_id, e.name, e.body FROM runs r JOIN events e ON e.id = r.event_id WHERE r.run_id = ?",
                [.text(runId)]).first,
                let functionId = row["function_id"].text, let eventId = row["event_id"].text else { return nil }
            let event = row["body"].text.flatMap { try? JSONValue(json: Array($0.utf8)) } ?? .null
            return try insertRun(functionId: functionId, eventId: eventId, eventName: row["name"].text ?? "", event: event, nextAt: now, now: now,
                                 detail: "replay of \(runId)")
        }
    }

    /// Deletes runs that finished before `cutoff` (completed, failed, cancelled or skipped), with
    /// their steps, timeline and batch lists, then the events received before `cutoff` that no
    /// remaining run refers to. Works in batches of `batch` runs, one transaction each, so that
    /// other writers are never held up for long.
    /// - Returns: how many runs and events were deleted.
    func prune(before cutoff: Int64, batch: Int = 500) throws -> (runs: Int, events: Int) {
        var runs = 0
        while true {
            let deleted = try transaction { () -> Int in
                let rows = try connection.query("SELECT run_id FROM runs WHERE ended_at IS NOT NULL AND ended_at < ? LIMIT ?",
                                                [.integer(cutoff), .integer(Int64(batch))])
                for row in rows {
                    guard let runId = row["run_id"].text else { continue }
                    try connection.query("DELETE FROM steps WHERE run_id = ?", [.text(runId)])
                    try connection.query("DELETE FROM timeline WHERE run_id = ?", [.text(runId)])
                    try connection.query("DELETE FROM run_events WHERE run_id = ?", [.text(runId)])
                    try connection.query("DELETE FROM waits WHERE run_id = ?", [.text(runId)])
                    try connection.query("DELETE FROM runs WHERE run_id = ?", [.text(runId)])
                }
                return rows.count
            }
            runs += deleted
            if deleted < batch { break }
        }
        var events = 0
        while true {
            let deleted = try transaction { () -> Int in
                try connection.query("""
                    DELETE FROM events WHERE rowid IN (
                        SELECT rowid FROM events e WHERE e.received_at < ?
                        AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.event_id = e.id)
                        AND NOT EXISTS (SELECT 1 FROM run_events b WHERE b.event_id = e.id) LIMIT ?)
                    """, [.integer(cutoff), .integer(Int64(batch))])
                return connection.changes
            }
            events += deleted
            if deleted < batch { break }
        }
        return (runs, events)
    }

    /// The connection's `PRAGMA synchronous` (2 is FULL, 1 NORMAL), which `Durability` sets.
    func synchronousSetting() throws -> Int64? {
        try connection.query("PRAGMA synchronous").first?["synchronous"].int
    }

    /// The earliest time anything is due: a queued run, a cron schedule, or the expiry of a lease
    /// another engine holds (its runs are taken over then, if it stopped renewing).
    /// - Parameter startedOnly: whether to count only queued runs that already started (new runs
    ///   wait for a free slot instead).
    func nextWakeTime(startedOnly: Bool = false) throws -> Int64? {
        let run = try connection.query(startedOnly
            ? "SELECT MIN(next_at) AS t FROM runs INDEXED BY runs_resume WHERE status = 'queued' AND started_at IS NOT NULL"
            : "SELECT MIN(next_at) AS t FROM runs WHERE status = 'queued'").first?["t"].int
        let cron = try connection.query("SELECT MIN(next_fire_at) AS t FROM crons").first?["t"].int
        let lease = try connection.query("SELECT MIN(lease_expires) AS t FROM runs WHERE status = 'running' AND lease_owner IS NOT ?",
                                         [.text(owner.text)]).first?["t"].int
        return [run, cron, lease.map { $0 + 1 }].compactMap { $0 }.min()
    }

    /// Whether another connection (another process, the `inngest` command) committed since the
    /// last call: SQLite's `data_version`, read from shared memory without touching the file.
    func othersCommitted() throws -> Bool {
        let version = try connection.query("PRAGMA data_version").first?["data_version"].int
        defer { dataVersion = version }
        if version != dataVersion { inboxMayHoldRows = true }
        return version != dataVersion
    }

    /// Runs not yet completed or failed.
    func unfinishedRunCount() throws -> Int {
        Int(try connection.query("SELECT COUNT(*) AS n FROM runs WHERE status IN ('queued', 'running')").first?["n"].int ?? 0)
    }

    // MARK: Cron

    /// Makes the stored schedules match the registered cron triggers; a new or changed one gets its
    /// next fire time from `nextFire`.
    /// - Parameter crons: each trigger's function and expression, by schedule key.
    func syncCrons(_ crons: [String: (functionId: String, expression: String)], nextFire: (String) -> Int64?) throws {
        try transaction {
            let stored = try connection.query("SELECT schedule, function_id, expression FROM crons")
            var known = Set<String>()
            for row in stored {
                guard let key = row["schedule"].text else { continue }
                if let cron = crons[key], cron.expression == row["expression"].text, cron.functionId == row["function_id"].text {
                    known.insert(key)
                } else {
                    try connection.query("DELETE FROM crons WHERE schedule = ?", [.text(key)])
                }
            }
            for (key, cron) in crons.sorted(by: { $0.key < $1.key }) where !known.contains(key) {
                guard let next = nextFire(cron.expression) else { continue }
                try connection.query("INSERT INTO crons (schedule, function_id, expression, next_fire_at) VALUES (?, ?, ?, ?)",
                                     [.text(key), .text(cron.functionId), .text(cron.expression), .integer(next)])
            }
        }
    }

    /// Replaces the stored list of registered functions (what tools list) with this engine's.
    /// - Parameter functions: each function's id, name, config (triggers and options as JSON text)
    ///   and declaration site.
    func registerFunctions(_ functions: [(id: String, name: String, config: String, location: String?)], now: Int64) throws {
        try transaction(waitsForDisk: false) {
            try connection.query("DELETE FROM functions")
            for function in functions {
                try connection.query("INSERT INTO functions (id, name, config, location, registered_at) VALUES (?, ?, ?, ?, ?)",
                                     [.text(function.id), .text(function.name), .text(function.config),
                                      function.location.map(SQLiteValue.text) ?? .null, .integer(now)])
            }
        }
    }

    /// The functions the app registered at its last start, by id.
    func functions() throws -> [FunctionRecord] {
        try connection.query("SELECT id, name, config, location, registered_at FROM functions ORDER BY id").compactMap { row in
            guard let id = row["id"].text else { return nil }
            let config = row["config"].text.flatMap { try? JSONValue(json: Array($0.utf8)) } ?? .object([:])
            return FunctionRecord(id: id, name: row["name"].text ?? id, config: config, location: row["location"].text,
                                  registeredAt: Date(milliseconds: row["registered_at"].int ?? 0))
        }
    }

    /// Fires every schedule that is due: one event and one run each (a schedule missed while the
    /// process was down fires once), then moves each schedule to its next time. A schedule row
    /// that cannot be read is removed (the next start writes it again from the code).
    /// - Returns: how many fired.
    func fireDueCrons(now: Int64, nextFire: (String, Int64) -> Int64?) throws -> Int {
        guard try !connection.query("SELECT 1 FROM crons WHERE next_fire_at <= ? LIMIT 1", [.integer(now)]).isEmpty else { return 0 }
        // Not waited for: a firing lost to a power loss happens again at the next start, as the
        // schedule is unchanged on the disk.
        return try transaction(waitsForDisk: false) {
            let due = try connection.query("SELECT rowid, schedule, function_id, expression, next_fire_at FROM crons WHERE next_fire_at <= ?",
                                           [.integer(now)])
            for row in due {
                guard let key = row["schedule"].text, let id = row["function_id"].text, let expression = row["expression"].text,
                      let fireAt = row["next_fire_at"].int else {
                    try connection.query("DELETE FROM crons WHERE rowid = ?", [row["rowid"]])
                    continue
                }
                try insertCronRun(functionId: id, expression: expression, fireAt: fireAt, now: now)
                if let next = nextFire(expression, max(now, fireAt)) {
                    try connection.query("UPDATE crons SET next_fire_at = ? WHERE schedule = ?", [.integer(next), .text(key)])
                } else {
                    try connection.query("DELETE FROM crons WHERE schedule = ?", [.text(key)])
                }
            }
            return due.count
        }
    }

    /// Creates a run of a cron function now, as its schedule would.
    func insertCronRun(functionId: String, expression: String, fireAt: Int64, now: Int64) throws {
        let id = ULID.make(milliseconds: now)
        let event = InngestEvent(name: ScheduledRun.name, data: .object(["cron": .string(expression)]), id: id, ts: fireAt)
        try connection.query(
            "INSERT INTO events (id, idempotency_key, name, body, ts, received_at) VALUES (?, NULL, ?, ?, ?, ?)",
            [.text(id), .text(event.name), .text(event.jsonValue.jsonString), .integer(fireAt), .integer(now)])
        try admit(functionId: functionId, event: event, json: event.jsonValue, eventId: id, nextAt: now, now: now)
    }

    /// The next fire time of each function with a schedule (its earliest, with several).
    func cronSchedules() throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        for row in try connection.query("SELECT function_id, next_fire_at FROM crons") {
            if let id = row["function_id"].text, let at = row["next_fire_at"].int { result[id] = min(result[id] ?? .max, at) }
        }
        return result
    }

    // MARK: Inspection

    /// Runs, newest first, optionally filtered.
    func runs(status: RunStatus?, functionId: String?, eventName: String? = nil, since: Int64? = nil, limit: Int) throws -> [RunRecord] {
        var sql = "SELECT r.*, e.name AS event_name FROM runs r JOIN events e ON e.id = r.event_id WHERE 1 = 1"
        var bindings: [SQLiteValue] = []
        if let status { sql += " AND r.status = ?"; bindings.append(.text(status.rawValue)) }
        if let functionId { sql += " AND r.function_id = ?"; bindings.append(.text(functionId)) }
        if let eventName { sql += " AND e.name = ?"; bindings.append(.text(eventName)) }
        if let since { sql += " AND r.created_at >= ?"; bindings.append(.integer(since)) }
        sql += " ORDER BY r.created_at DESC, r.run_id DESC LIMIT ?"
        bindings.append(.integer(Int64(limit)))
        return try connection.query(sql, bindings).compactMap(Self.runRecord)
    }

    /// Events, newest first, optionally by name.
    func events(name: String?, limit: Int) throws -> [InngestEvent] {
        var sql = "SELECT body FROM events"
        var bindings: [SQLiteValue] = []
        if let name { sql += " WHERE name = ?"; bindings.append(.text(name)) }
        sql += " ORDER BY received_at DESC, id DESC LIMIT ?"
        bindings.append(.integer(Int64(limit)))
        return try connection.query(sql, bindings).compactMap { row in
            row["body"].text.flatMap { try? InngestEvent(json: JSONValue(json: Array($0.utf8))) }
        }
    }

    /// One run.
    func run(_ runId: String) throws -> RunRecord? {
        try connection.query("SELECT r.*, e.name AS event_name FROM runs r JOIN events e ON e.id = r.event_id WHERE r.run_id = ?",
                             [.text(runId)]).first.flatMap(Self.runRecord)
    }

    /// A run's timeline, oldest first.
    func timeline(_ runId: String) throws -> [TimelineEntry] {
        try connection.query("SELECT at, kind, step, detail FROM timeline WHERE run_id = ? ORDER BY seq", [.text(runId)])
            .compactMap { row in
                guard let kind = row["kind"].text.flatMap(TimelineEntry.Kind.init(rawValue:)), let at = row["at"].int else { return nil }
                return TimelineEntry(at: Date(milliseconds: at), kind: kind, step: row["step"].text, detail: row["detail"].text ?? "")
            }
    }

    /// Timeline lines recorded after line `seq`, oldest first, with their runs' function ids, and
    /// the number of the last line read (a line that cannot be read is passed over, not read again).
    func timelineLines(after seq: Int64, limit: Int) throws -> (lines: [RunObservation], last: Int64) {
        let rows = try connection.query("""
            SELECT t.seq, t.run_id, t.at, t.kind, t.step, t.detail, r.function_id FROM timeline t
            LEFT JOIN runs r ON r.run_id = t.run_id WHERE t.seq > ? ORDER BY t.seq LIMIT ?
            """, [.integer(seq), .integer(Int64(limit))])
        let lines = rows.compactMap { row -> RunObservation? in
            guard let runId = row["run_id"].text, let at = row["at"].int,
                  let kind = row["kind"].text.flatMap(TimelineEntry.Kind.init(rawValue:)) else { return nil }
            return RunObservation(runId: runId, functionId: row["function_id"].text ?? "",
                                  entry: TimelineEntry(at: Date(milliseconds: at), kind: kind, step: row["step"].text,
                                                       detail: row["detail"].text ?? ""))
        }
        return (lines, rows.last?["seq"].int ?? seq)
    }

    /// How many runs are in each state.
    func runCounts() throws -> [RunStatus: Int] {
        var counts: [RunStatus: Int] = [:]
        for row in try connection.query("SELECT status, COUNT(*) AS n FROM runs GROUP BY status") {
            if let status = row["status"].text.flatMap(RunStatus.init(rawValue:)) { counts[status] = Int(row["n"].int ?? 0) }
        }
        return counts
    }

    /// The number of the last timeline line (0 for none).
    func lastTimelineSeq() throws -> Int64 {
        try connection.query("SELECT MAX(seq) AS s FROM timeline").first?["s"].int ?? 0
    }

    private static func runRecord(_ row: SQLiteRow) -> RunRecord? {
        guard let runId = row["run_id"].text, let functionId = row["function_id"].text,
              let status = row["status"].text.flatMap(RunStatus.init(rawValue:)) else { return nil }
        return RunRecord(
            runId: runId, functionId: functionId, eventName: row["event_name"].text ?? "", eventId: row["event_id"].text ?? "",
            status: status, attempt: Int(row["attempt"].int ?? 0), createdAt: Date(milliseconds: row["created_at"].int ?? 0),
            nextAt: Date(milliseconds: row["next_at"].int ?? 0), endedAt: row["ended_at"].int.map(Date.init(milliseconds:)),
            output: row["output"].text.flatMap { try? JSONValue(json: Array($0.utf8)) },
            error: row["error"].text.flatMap { (try? JSONValue(json: Array($0.utf8))).flatMap(SerializedError.init(json:)) },
            parentRunId: row["parent_run_id"].text, waitingFor: status == .queued ? row["wait_reason"].text : nil)
    }

    func appendTimeline(_ runId: String, at: Int64, _ kind: TimelineEntry.Kind, step: String?, detail: String) throws {
        try connection.query("INSERT INTO timeline (run_id, at, kind, step, detail) VALUES (?, ?, ?, ?, ?)",
                             [.text(runId), .integer(at), .text(kind.rawValue), step.map(SQLiteValue.text) ?? .null, .text(detail)])
    }
}

/// A row that does not hold what the store wrote: it fails its own run, never the engine.
struct UnreadableRowError: Error, CustomStringConvertible {
    let reason: String
    init(_ reason: String) { self.reason = reason }
    var description: String { reason }
}

/// A run claimed for execution, with its stored event and step results still as text.
struct ClaimedRun: Sendable {
    let runId: String
    let functionId: String
    /// The triggering events as stored: one, or a batch's.
    let storedEvents: [StoredEvent]
    /// Its concurrency keys with their limits, which its step bodies count against.
    var concurrency: [(key: String, limit: Int)] = []
    let attempt: Int
    /// Its recorded step results.
    let storedSteps: [StoredStep]

    /// Whether it started before this claim.
    let resumed: Bool
    /// When it executes, for a run claimed before its sleep ends (nil: at once).
    var startAt: Int64?
    /// The hashed ids of the sleeps that end at `startAt`.
    var wokenSleeps: Set<String> = []

    init(runId: String, functionId: String, storedEvents: [StoredEvent], attempt: Int, storedSteps: [StoredStep], resumed: Bool) {
        self.resumed = resumed
        self.runId = runId
        self.functionId = functionId
        self.storedEvents = storedEvents
        self.attempt = attempt
        self.storedSteps = storedSteps
    }

    /// The events and the memo, parsed once.
    /// - Throws: `UnreadableRowError` for an event or a step result that cannot be read back.
    func read() throws(UnreadableRowError) -> (events: [InngestEvent], memo: [String: StepMemo]) {
        var events: [InngestEvent] = []
        events.reserveCapacity(storedEvents.count)
        for stored in storedEvents {
            do {
                events.append(try InngestEvent(json: JSONValue(json: stored.body.utf8)))
            } catch {
                throw UnreadableRowError(stored.inBatch ? "event \(stored.id) of its batch cannot be read back: \(error)"
                                                        : "its event \(stored.id) cannot be read back: \(error)")
            }
        }
        var memo: [String: StepMemo] = [:]
        memo.reserveCapacity(storedSteps.count)
        for step in storedSteps {
            do {
                memo[step.hash] = try StepMemo(jsonText: step.memo)
            } catch {
                throw UnreadableRowError("the recorded result of step \"\(step.name)\" cannot be read back: \(error)")
            }
        }
        return (events, memo)
    }
}

/// How a group commit claims the runs that woke since the loop's last pass (`EngineStore.flush`).
/// The closures run on the store's thread.
struct WakingClaims: Sendable {
    /// Sets aside every free slot, counting as free those of the given number of executions that
    /// end with this commit (they return to the engine right after it), and says the engine's time.
    let reserve: @Sendable (_ ending: Int) -> (slots: Int, now: Int64)
    /// Gives back slots set aside and not used.
    let release: @Sendable (Int) -> Void
    /// Passes the claimed runs (their slots taken) to the engine, once committed.
    let handOver: @Sendable ([ClaimedRun]) -> Void
}

/// An event row as stored.
struct StoredEvent: Sendable {
    let id: String
    let body: String
    /// Whether it is one of a batch's events.
    let inBatch: Bool
}

/// A recorded step result as stored.
struct StoredStep: Sendable {
    let hash: String
    let name: String
    /// The memo's JSON text.
    let memo: String
}

/// A step row to write.
struct StepWrite: Sendable {
    let hash: String
    let name: String
    let op: String
    /// The memo's JSON text; `nil` while pending (a sleep not yet over). Written out where the
    /// write is made (the run's task), not on the store's thread, which every run shares.
    let memo: String?
    let wakeAt: Int64?

    init(hash: String, name: String, op: String, memo: StepMemo?, wakeAt: Int64?) {
        self.hash = hash
        self.name = name
        self.op = op
        self.memo = memo?.jsonValue.jsonString
        self.wakeAt = wakeAt
    }
}

/// The run's new state after an execution.
enum RunUpdate: Sendable {
    case queue(attempt: Int, nextAt: Int64)
    case complete(JSONValue)
    case fail(SerializedError)
}

/// A timeline line to append.
struct TimelineWrite: Sendable {
    let kind: TimelineEntry.Kind
    let step: String?
    let detail: String
}

extension Date {
    /// A date from milliseconds since the epoch.
    init(milliseconds: Int64) { self.init(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// Milliseconds since the epoch, rounded down: the millisecond under way. A time stored in
    /// milliseconds is due once this reaches it. A date within a microsecond below a whole
    /// millisecond counts as that millisecond, so that `Date(milliseconds: m).milliseconds == m`
    /// despite the `Double` inside `Date`.
    var milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000 + Self.tolerance).rounded(.down)) }

    /// Milliseconds since the epoch, rounded up: the first whole millisecond not before this date
    /// (within a microsecond). Deadlines (sleeps, timeouts) are computed from it, so that none ends
    /// early.
    var millisecondsRoundedUp: Int64 { Int64((timeIntervalSince1970 * 1000 - Self.tolerance).rounded(.up)) }

    /// A microsecond in milliseconds: well above the error of a `Double` holding today's time in
    /// seconds (about a quarter of a microsecond), well below anything a timer is asked for.
    private static let tolerance = 0.001
}

/// A run the store itself ended (a cancellation by an event, a timeout or a singleton; an
/// unreadable run failed), as the engine reports it to its instrumentation and observer.
struct StoreRunEnd: Sendable {
    let runId: String
    let functionId: String
    let status: RunEnd.Status
    /// Milliseconds.
    let at: Int64
    /// The timeline entry's detail: why it ended.
    let detail: String
}
