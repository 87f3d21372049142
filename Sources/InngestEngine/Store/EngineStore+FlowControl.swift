#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestCore

/// A debounce or batch that collects events for a run before it starts.
struct RunGroup: Sendable {
    /// The qualified debounce or batch key.
    let key: String
    /// When the run starts unless more events move it (milliseconds).
    let fireAt: Int64
    /// The latest it may start: a debounce's timeout after its first event, a batch's timeout.
    let deadline: Int64?
    /// Why the run waits, for the inspector.
    let reason: String
}

extension EngineStore {
    /// Far in the future: the due time of a run parked behind a full concurrency key, which a
    /// released slot (not the clock) wakes.
    static let parkedUntil: Int64 = 253_402_300_799_000

    // MARK: Admission (at ingest)

    /// Starts a run of `functionId` for an accepted event, through the function's flow control:
    /// batching, rate limit (or idempotency), debounce and singleton, in Inngest's order. A run that
    /// `step.invoke` asks for (`parent`) is neither batched nor debounced (its caller waits for its
    /// own result); when a rate limit or singleton skips it, the invoking step gets the reason as
    /// its error.
    func admit(functionId: String, event: InngestEvent, json: JSONValue, eventId: String, nextAt: Int64, now: Int64,
               detail: String? = nil, parent: (runId: String, step: String)? = nil) throws {
        guard let flow = targets[functionId]?.flow else {
            try insertRun(functionId: functionId, eventId: eventId, eventName: event.name, event: json, nextAt: nextAt, now: now,
                          detail: detail, parent: parent)
            return
        }
        if parent == nil, let batch = flow.batch, let key = flow.batchKey(event: json) {
            // Batched events skip rate limiting, as in Inngest.
            try appendToBatch(functionId: functionId, rule: batch, key: key, event: event, json: json, eventId: eventId, now: now)
            return
        }
        if let rule = flow.rateLimit, let key = flow.rateLimitKey(event: json), !(try allowRate(key: key, gate: rule.gate, now: now)) {
            try insertSkipped(functionId: functionId, eventId: eventId, now: now, parent: parent,
                              reason: "skipped: \(rule.name) — an earlier event of the same key started a run within the period (key \(key))")
            return
        }
        if parent == nil, let rule = flow.debounce, let key = flow.debounceKey(event: json) {
            try debounce(functionId: functionId, rule: rule, key: key, event: event, json: json, eventId: eventId, now: now)
            return
        }
        if let rule = flow.singleton, let key = flow.singletonKey(event: json),
           let holder = try connection.query("SELECT run_id FROM runs WHERE singleton_key = ? AND status IN ('queued', 'running') LIMIT 1",
                                             [.text(key)]).first?["run_id"].text {
            switch rule.mode {
            case .skip:
                try insertSkipped(functionId: functionId, eventId: eventId, now: now, parent: parent,
                                  reason: "skipped: singleton — run \(holder) of the same key has not finished")
                return
            case .cancel:
                try cancelRun(holder, reason: "cancelled by singleton: event \(eventId) of the same key started a newer run", now: now)
            }
        }
        try insertRun(functionId: functionId, eventId: eventId, eventName: event.name, event: json, nextAt: nextAt, now: now,
                      detail: detail, parent: parent)
    }

    /// Records an event that starts no run, with the reason on the skipped run's timeline; a step
    /// that invoked it fails with the reason.
    private func insertSkipped(functionId: String, eventId: String, now: Int64, parent: (runId: String, step: String)?,
                               reason: String) throws {
        let runId = ULID.make(milliseconds: now)
        try connection.query("""
            INSERT INTO runs (run_id, function_id, event_id, status, attempt, next_at, created_at, ended_at, parent_run_id, parent_step)
            VALUES (?, ?, ?, 'skipped', 0, ?, ?, ?, ?, ?)
            """, [.text(runId), .text(functionId), .text(eventId), .integer(now), .integer(now), .integer(now),
                  parent.map { .text($0.runId) } ?? .null, parent.map { .text($0.step) } ?? .null])
        try appendTimeline(runId, at: now, .runSkipped, step: nil, detail: reason)
        if parent != nil {
            try resolveParent(of: runId, with: .error(SerializedError(name: "InvokedRunSkipped", message: "the invoked run was \(reason)")),
                              now: now)
        }
    }

    /// Takes one start from a key's rate gate when it allows one now.
    /// - Returns: whether the start is allowed (and taken).
    private func allowRate(key: String, gate: RateGate, now: Int64) throws -> Bool {
        switch gate.check(now: now, tat: try rateState(key)) {
        case .allowed(let tat):
            try storeRateState(key, tat: tat, gate: gate)
            return true
        case .delayed:
            return false
        }
    }

    private func rateState(_ key: String) throws -> Int64? {
        try connection.query("SELECT tat FROM rate_state WHERE key = ?", [.text(key)]).first?["tat"].int
    }

    private func storeRateState(_ key: String, tat: Int64, gate: RateGate) throws {
        try connection.query("INSERT OR REPLACE INTO rate_state (key, tat, forget_at) VALUES (?, ?, ?)",
                             [.text(key), .integer(tat), .integer(gate.forgetAt(tat: tat))])
    }

    /// Holds the function's run for a debounce key back until `period` passes with no new event
    /// (or the timeout after the first): a new event replaces the run's event and moves its start.
    /// An event older (by `ts`) than the one held is ignored, as in Inngest.
    private func debounce(functionId: String, rule: FlowPolicy.DebounceRule, key: String, event: InngestEvent, json: JSONValue,
                          eventId: String, now: Int64) throws {
        let fire = { (deadline: Int64?) in min(now + rule.period, deadline ?? .max) }
        if let row = try connection.query("""
            SELECT r.rowid, r.run_id, r.group_deadline, e.ts FROM runs r JOIN events e ON e.id = r.event_id
            WHERE r.group_key = ? AND r.status = 'queued' LIMIT 1
            """, [.text(key)]).first, let runId = row["run_id"].text {
            if let held = row["ts"].int, let ts = event.ts, ts < held { return }
            let deadline = row["group_deadline"].int
            let at = fire(deadline)
            let reason = "debounced until \(Self.timestamp(at)) (event \(eventId) is the latest)"
            try connection.query("UPDATE runs SET event_id = ?, next_at = ? - priority, wait_reason = ? WHERE rowid = ?",
                                 [.text(eventId), .integer(at), .text(reason), row["rowid"]])
            try appendTimeline(runId, at: now, .runDelayed, step: nil, detail: reason)
            return
        }
        let deadline = rule.timeout.map { now + $0 }
        let at = fire(deadline)
        try insertRun(functionId: functionId, eventId: eventId, eventName: event.name, event: json, nextAt: at, now: now,
                      group: RunGroup(key: key, fireAt: at, deadline: deadline, reason: "debounced until \(Self.timestamp(at))"))
    }

    /// Adds an event to the open batch of its key, or opens one; a full batch starts at once, one
    /// that is not full starts `timeout` after its first event.
    private func appendToBatch(functionId: String, rule: FlowPolicy.BatchRule, key: String, event: InngestEvent, json: JSONValue,
                               eventId: String, now: Int64) throws {
        if let row = try connection.query("SELECT rowid, run_id, next_at FROM runs WHERE group_key = ? AND status = 'queued' LIMIT 1",
                                          [.text(key)]).first, let runId = row["run_id"].text {
            let count = try connection.query("SELECT COUNT(*) AS n FROM run_events WHERE run_id = ?", [.text(runId)]).first?["n"].int ?? 0
            try connection.query("INSERT INTO run_events (run_id, seq, event_id) VALUES (?, ?, ?)",
                                 [.text(runId), .integer(count), .text(eventId)])
            if count + 1 >= Int64(rule.maxSize) {
                try connection.query("UPDATE runs SET group_key = NULL, wait_reason = NULL, next_at = MIN(next_at, ? - priority) WHERE rowid = ?",
                                     [.integer(now), row["rowid"]])
                try appendTimeline(runId, at: now, .runDelayed, step: nil, detail: "batch full (\(count + 1) events): starts now")
            } else {
                let at = row["next_at"].int ?? now
                try connection.query("UPDATE runs SET wait_reason = ? WHERE rowid = ?",
                                     [.text(Self.batchReason(count + 1, rule, at)), row["rowid"]])
            }
            return
        }
        let full = rule.maxSize <= 1
        let at = now + rule.timeout
        let runId = try insertRun(functionId: functionId, eventId: eventId, eventName: event.name, event: json, nextAt: now, now: now,
                                  group: full ? nil : RunGroup(key: key, fireAt: at, deadline: at, reason: Self.batchReason(1, rule, at)))
        try connection.query("INSERT INTO run_events (run_id, seq, event_id) VALUES (?, 0, ?)", [.text(runId), .text(eventId)])
    }

    private static func batchReason(_ count: Int64, _ rule: FlowPolicy.BatchRule, _ at: Int64) -> String {
        "batching: \(count) of \(rule.maxSize) events; starts when full or at \(timestamp(at))"
    }

    /// The stored events of a batched run, in the order they were accepted; empty for a run of one
    /// event.
    /// - Throws: `UnreadableRowError` for an event that is missing.
    func batchEvents(of runId: String) throws -> [StoredEvent] {
        let rows = try connection.query("""
            SELECT b.event_id, e.body FROM run_events b LEFT JOIN events e ON e.id = b.event_id WHERE b.run_id = ? ORDER BY b.seq
            """, [.text(runId)])
        return try rows.map { row in
            let id = row["event_id"].text ?? "?"
            guard let body = row["body"].text else { throw UnreadableRowError("event \(id) of its batch is missing from the events table") }
            return StoredEvent(id: id, body: body, inBatch: true)
        }
    }

    // MARK: Claims

    /// Claims due runs one by one through concurrency limits and throttles, in queue order: a run
    /// whose concurrency key is full is parked until a slot of that key is released; a run whose
    /// throttle has no start left is moved to when it will. Scans a bounded number of rows.
    func claimGated(now: Int64, limit: Int, newLimit: Int) throws -> [ClaimedRun] {
        if keepsRateState { try connection.query("DELETE FROM rate_state WHERE forget_at < ?", [.integer(now)]) }
        var counts: [String: Int] = [:]
        var claimed: [ClaimedRun] = []
        var scanned = 0
        // Read a little more than the free slots: most claims have one or two, and most runs pass.
        let page = min(64, max(8, limit * 2))
        // Runs that already started go first, then new ones, as in bulk claims (and, as there,
        // started runs are read from their partial index by name, not by filtering the queue).
        for started in [true, false] {
            var cursor: (Int64, Int64)?
            let before = claimed.count
            while claimed.count < limit && (started || claimed.count - before < newLimit) && scanned < 4_096 {
                var sql = """
                    SELECT rowid, run_id, function_id, event_id, attempt, started_at, start_deadline, finish_timeout, next_at,
                           concurrency_key1, concurrency_key2, throttle_key, wait_reason
                    FROM runs \(started ? "INDEXED BY runs_resume" : "")
                    WHERE status = 'queued' AND started_at IS \(started ? "NOT NULL" : "NULL") AND next_at <= ?
                    """
                var bindings: [SQLiteValue] = [.integer(now)]
                if let cursor {
                    sql += " AND (next_at, rowid) > (?, ?)"
                    bindings += [.integer(cursor.0), .integer(cursor.1)]
                }
                sql += " ORDER BY next_at, rowid LIMIT \(page)"
                let rows = try connection.query(sql, bindings)
                for row in rows where claimed.count < limit && (started || claimed.count - before < newLimit) {
                    scanned += 1
                    if let next = row["next_at"].int, let rowid = row["rowid"].int { cursor = (next, rowid) }
                    if let run = try claimOne(row, counts: &counts, now: now) { claimed.append(run) }
                }
                if rows.count < page { break }
            }
        }
        return claimed
    }

    /// Claims one due run unless a gate holds it back.
    private func claimOne(_ row: SQLiteRow, counts: inout [String: Int], now: Int64) throws -> ClaimedRun? {
        guard let runId = row["run_id"].text, let functionId = row["function_id"].text else {
            try failUnreadable(row, UnreadableRowError("the run's own row is damaged (run_id or function_id is missing)"), now: now)
            return nil
        }
        let flow = targets[functionId]?.flow
        if try cancelIfTimedOut(row, now: now) { return nil }
        // A debounce or batch that is due stops collecting events from here on (each update below
        // clears its key).
        let keys = [row["concurrency_key1"].text, row["concurrency_key2"].text]
        for (index, key) in keys.enumerated() {
            guard let key, let flow, index < flow.concurrency.count else { continue }
            let limit = flow.concurrencyLimit(at: index)
            let running: Int
            if let known = counts[key] {
                running = known
            } else {
                running = try runningCount(key)
                counts[key] = running
            }
            if running >= limit {
                try park(row, key: key, limit: limit, now: now)
                return nil
            }
        }
        if row["started_at"].int == nil, let key = row["throttle_key"].text, let gate = flow?.throttle?.gate {
            switch gate.check(now: now, tat: try rateState(key)) {
            case .allowed(let tat):
                try storeRateState(key, tat: tat, gate: gate)
            case .delayed(let until):
                let reason = "throttled: starts at \(Self.timestamp(until)) at the earliest"
                try connection.query("UPDATE runs SET next_at = ?, wait_reason = ?, group_key = NULL WHERE rowid = ?",
                                     [.integer(until), .text(reason), row["rowid"]])
                if row["wait_reason"].text?.hasPrefix("throttled") != true {
                    try appendTimeline(runId, at: now, .runDelayed, step: nil, detail: reason)
                }
                return nil
            }
        }
        try connection.query("""
            UPDATE runs SET status = 'running', started_at = COALESCE(started_at, ?), parked_on = NULL, wait_reason = NULL, group_key = NULL,
                            lease_owner = ?, lease_expires = ?
            WHERE rowid = ?
            """, [.integer(now)] + lease(now: now) + [row["rowid"]])
        for key in keys.compactMap({ $0 }) { counts[key, default: 0] += 1 }
        do {
            var run = try load(row)
            run.concurrency = keys.enumerated().compactMap { index, key in
                guard let key, let flow, index < flow.concurrency.count else { return nil }
                return (key, flow.concurrencyLimit(at: index))
            }
            return run
        } catch let error as UnreadableRowError {
            try failUnreadable(row, error, now: now)
            return nil
        }
    }

    /// Cancels a queued run past its start timeout or its finish timeout.
    /// - Returns: whether it was cancelled.
    private func cancelIfTimedOut(_ row: SQLiteRow, now: Int64) throws -> Bool {
        guard let runId = row["run_id"].text else { return false }
        if let started = row["started_at"].int {
            guard let timeout = row["finish_timeout"].int, started + timeout <= now else { return false }
            return try cancelRun(runId, reason: "cancelled: it did not finish within \(Delay.text(milliseconds: timeout)) (timeouts.finish)",
                                 now: now)
        }
        if let deadline = row["start_deadline"].int, deadline < now {
            return try cancelRun(runId, reason: "cancelled: it did not start in time (timeouts.start)", now: now)
        }
        return false
    }

    /// Steps of runs holding a concurrency key now: runs executing with it as either key.
    private func runningCount(_ key: String) throws -> Int {
        let row = try connection.query("""
            SELECT (SELECT COUNT(*) FROM runs WHERE concurrency_key1 = ?1 AND status = 'running')
                 + (SELECT COUNT(*) FROM runs WHERE concurrency_key2 = ?1 AND status = 'running') AS n
            """, [.text(key)]).first
        return Int(row?["n"].int ?? 0)
    }

    /// Parks a run behind a full concurrency key: it waits for a slot of that key to be released,
    /// or for its start or finish timeout, whichever comes first.
    private func park(_ row: SQLiteRow, key: String, limit: Int, now: Int64) throws {
        var until = Self.parkedUntil
        if let started = row["started_at"].int {
            if let timeout = row["finish_timeout"].int { until = min(until, started + timeout) }
        } else if let deadline = row["start_deadline"].int {
            until = min(until, deadline + 1)
        }
        let reason = "concurrency: \(limit) of \(limit) slots of \(Self.describe(key)) are executing"
        try connection.query("UPDATE runs SET parked_on = ?, next_at = ?, wait_reason = ?, group_key = NULL WHERE rowid = ?",
                             [.text(key), .integer(until), .text(reason), row["rowid"]])
        if row["wait_reason"].text != reason, let runId = row["run_id"].text {
            try appendTimeline(runId, at: now, .runDelayed, step: nil, detail: reason)
        }
    }

    /// Releases the concurrency slots of a run that stops executing: the first run parked behind
    /// each of its keys, in queue order (oldest first, less its head start), becomes due.
    func releaseSlots(of runId: String, now: Int64) throws {
        guard gatesClaims, let row = try connection.query("SELECT concurrency_key1, concurrency_key2 FROM runs WHERE run_id = ?",
                                                          [.text(runId)]).first else { return }
        for key in [row["concurrency_key1"].text, row["concurrency_key2"].text].compactMap({ $0 }) {
            try connection.query("""
                UPDATE runs SET parked_on = NULL, next_at = ? - priority
                WHERE rowid = (SELECT rowid FROM runs WHERE parked_on = ? ORDER BY created_at - priority, rowid LIMIT 1)
                """, [.integer(now), .text(key)])
            if connection.changes > 0 { noteDue(now) }
        }
    }

    /// A qualified concurrency key as a user reads it.
    private static func describe(_ key: String) -> String {
        let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return key }
        switch parts[0] {
        case "e": return "environment key \"\(parts[1])\""
        case "a": return "account key \"\(parts[1])\""
        default:
            // `f:<function>` or `f:<function>#<limit index>:<value>`.
            guard let hash = parts[1].firstIndex(of: "#"), let colon = parts[1][hash...].firstIndex(of: ":") else {
                return "function \(parts[1])"
            }
            return "key \"\(parts[1][parts[1].index(after: colon)...])\" of function \(parts[1][..<hash])"
        }
    }

    /// A time for messages: ISO 8601 in UTC with milliseconds.
    static func timestamp(_ milliseconds: Int64) -> String {
        Date(milliseconds: milliseconds).formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
    }
}
