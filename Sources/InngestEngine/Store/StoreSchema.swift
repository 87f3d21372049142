/// The engine's tables, and the migrations that bring a file of an older schema to this one. A new
/// file is created at version 1 and migrated like any other, so there is one path to every version.
enum StoreSchema {
    /// The schema version this code writes.
    static let version = 6

    /// Version 1: events, runs, steps, the timeline and cron schedules.
    static let initial = """
        CREATE TABLE inngest_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE events (
            id TEXT PRIMARY KEY, idempotency_key TEXT, name TEXT NOT NULL, body TEXT NOT NULL,
            ts INTEGER NOT NULL, received_at INTEGER NOT NULL);
        CREATE INDEX events_idempotency ON events (idempotency_key, received_at);
        CREATE TABLE runs (
            run_id TEXT PRIMARY KEY, function_id TEXT NOT NULL, event_id TEXT NOT NULL,
            status TEXT NOT NULL, attempt INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL,
            created_at INTEGER NOT NULL, ended_at INTEGER, output TEXT, error TEXT);
        CREATE INDEX runs_due ON runs (status, next_at);
        CREATE TABLE steps (
            run_id TEXT NOT NULL, hash TEXT NOT NULL, name TEXT NOT NULL, op TEXT NOT NULL,
            memo TEXT, wake_at INTEGER, recorded_at INTEGER NOT NULL,
            PRIMARY KEY (run_id, hash));
        CREATE TABLE timeline (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL, at INTEGER NOT NULL,
            kind TEXT NOT NULL, step TEXT, detail TEXT NOT NULL);
        CREATE INDEX timeline_run ON timeline (run_id, seq);
        CREATE TABLE crons (function_id TEXT PRIMARY KEY, expression TEXT NOT NULL, next_fire_at INTEGER NOT NULL);
        """

    /// The statements that bring version `n - 1` to `n`, by `n`.
    private static let migrations: [Int: String] = [
        // Invoked runs know the parent step that waits for them; runs carry their start and finish
        // timeouts; waits for events are durable rows found by event name; a function may have
        // several cron triggers, so schedules are keyed by function and expression. Pending timers
        // and waits are found by index, not by scanning every step.
        2: """
            ALTER TABLE runs ADD COLUMN parent_run_id TEXT;
            ALTER TABLE runs ADD COLUMN parent_step TEXT;
            ALTER TABLE runs ADD COLUMN started_at INTEGER;
            ALTER TABLE runs ADD COLUMN start_deadline INTEGER;
            ALTER TABLE runs ADD COLUMN finish_timeout INTEGER;
            CREATE INDEX runs_function ON runs (function_id, status);
            CREATE TABLE waits (
                run_id TEXT NOT NULL, hash TEXT NOT NULL, event_name TEXT NOT NULL, expression TEXT,
                trigger_event TEXT, expires_at INTEGER NOT NULL, PRIMARY KEY (run_id, hash));
            CREATE INDEX waits_event ON waits (event_name);
            CREATE INDEX waits_expiry ON waits (expires_at);
            CREATE INDEX steps_pending ON steps (wake_at) WHERE memo IS NULL;
            CREATE TABLE crons_by_schedule (
                schedule TEXT PRIMARY KEY, function_id TEXT NOT NULL, expression TEXT NOT NULL, next_fire_at INTEGER NOT NULL);
            INSERT INTO crons_by_schedule SELECT function_id || ' ' || expression, function_id, expression, next_fire_at FROM crons;
            DROP TABLE crons;
            ALTER TABLE crons_by_schedule RENAME TO crons;
            """,
        // Flow control. A run carries its concurrency keys (counted while it runs), its throttle and
        // singleton keys, its priority, the key of the debounce or batch still collecting events for
        // it, and why it waits; a run parked behind a full concurrency key names the key. Batched
        // runs list their events. Rate limits and throttles keep one number per key (GCRA). Runs due
        // at the same time start in the order they were queued (rowid), read from the index; runs
        // that already started are found by their own index, since claims take them first. A run
        // executing is leased to one engine (host, process, engine), renewed while it runs, so that
        // several processes can share the file and take over only the runs of one that stopped.
        // Finished runs and the events no run needs are found by age, for retention.
        3: """
            ALTER TABLE runs ADD COLUMN concurrency_key1 TEXT;
            ALTER TABLE runs ADD COLUMN concurrency_key2 TEXT;
            ALTER TABLE runs ADD COLUMN parked_on TEXT;
            ALTER TABLE runs ADD COLUMN throttle_key TEXT;
            ALTER TABLE runs ADD COLUMN singleton_key TEXT;
            ALTER TABLE runs ADD COLUMN group_key TEXT;
            ALTER TABLE runs ADD COLUMN group_deadline INTEGER;
            ALTER TABLE runs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE runs ADD COLUMN wait_reason TEXT;
            CREATE INDEX runs_concurrency1 ON runs (concurrency_key1, status) WHERE concurrency_key1 IS NOT NULL;
            CREATE INDEX runs_concurrency2 ON runs (concurrency_key2, status) WHERE concurrency_key2 IS NOT NULL;
            CREATE INDEX runs_parked ON runs (parked_on, created_at - priority) WHERE parked_on IS NOT NULL;
            CREATE INDEX runs_singleton ON runs (singleton_key, status) WHERE singleton_key IS NOT NULL;
            CREATE INDEX runs_group ON runs (group_key) WHERE group_key IS NOT NULL;
            CREATE TABLE run_events (run_id TEXT NOT NULL, seq INTEGER NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (run_id, seq));
            CREATE TABLE rate_state (key TEXT PRIMARY KEY, tat INTEGER NOT NULL, forget_at INTEGER NOT NULL);
            CREATE INDEX rate_state_forget ON rate_state (forget_at);
            CREATE INDEX runs_resume ON runs (next_at) WHERE status = 'queued' AND started_at IS NOT NULL;
            ALTER TABLE runs ADD COLUMN lease_owner TEXT;
            ALTER TABLE runs ADD COLUMN lease_expires INTEGER;
            CREATE INDEX runs_leases ON runs (lease_expires) WHERE status = 'running';
            CREATE INDEX runs_owner ON runs (lease_owner) WHERE status = 'running';
            CREATE INDEX runs_ended ON runs (ended_at) WHERE ended_at IS NOT NULL;
            CREATE INDEX runs_event ON runs (event_id);
            CREATE INDEX run_events_event ON run_events (event_id);
            CREATE INDEX events_received ON events (received_at);
            """,
        // Fewer pages per run. A run's steps are stored together, in the order of their key
        // (run id, hash): resuming over a thousand recorded steps reads a few adjacent pages instead
        // of seeking each row by rowid (1.5 ms → 0.3 ms for 1,000 steps), and each step is written
        // once, not as a row and an index entry. Timeline lines number themselves without the
        // AUTOINCREMENT counter, whose row was rewritten at every line; `seq` still only grows
        // (only old lines are pruned). Leases are renewed through `runs_due`, which finds the few
        // running runs by status, so the owner index is dropped: it was rewritten at every claim.
        4: """
            CREATE TABLE steps_v4 (
                run_id TEXT NOT NULL, hash TEXT NOT NULL, name TEXT NOT NULL, op TEXT NOT NULL,
                memo TEXT, wake_at INTEGER, recorded_at INTEGER NOT NULL,
                PRIMARY KEY (run_id, hash)) WITHOUT ROWID;
            INSERT INTO steps_v4 SELECT run_id, hash, name, op, memo, wake_at, recorded_at FROM steps;
            DROP TABLE steps;
            ALTER TABLE steps_v4 RENAME TO steps;
            CREATE INDEX steps_pending ON steps (wake_at) WHERE memo IS NULL;
            CREATE TABLE timeline_v4 (
                seq INTEGER PRIMARY KEY, run_id TEXT NOT NULL, at INTEGER NOT NULL,
                kind TEXT NOT NULL, step TEXT, detail TEXT NOT NULL);
            INSERT INTO timeline_v4 SELECT seq, run_id, at, kind, step, detail FROM timeline;
            DROP TABLE timeline;
            ALTER TABLE timeline_v4 RENAME TO timeline;
            CREATE INDEX timeline_run ON timeline (run_id, seq);
            DELETE FROM sqlite_sequence WHERE name = 'timeline';
            DROP INDEX runs_owner;
            """,
        // What tools see without the app's code. The functions the app registered (id, name and
        // their triggers and options as the Inngest server reads them), rewritten at each start,
        // so the command line and the dashboard can list them. Events sent by a tool wait in an
        // inbox until an engine ingests them as its own sends, routed, idempotent and durable: a
        // tool cannot route them itself, as the triggers' conditions, waits and flow control are
        // the app's. A row the engine cannot read keeps its error and is never taken again.
        5: """
            CREATE TABLE functions (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, config TEXT NOT NULL, location TEXT, registered_at INTEGER NOT NULL);
            CREATE TABLE inbox (
                seq INTEGER PRIMARY KEY, event_id TEXT NOT NULL, body TEXT NOT NULL, queued_at INTEGER NOT NULL, error TEXT);
            CREATE INDEX inbox_pending ON inbox (seq) WHERE error IS NULL;
            """,
        // A claim reads a run's recorded steps only when the run started before (`started_at`), and
        // a new run's start is set by the claim itself. A run of a version-1 file that executed
        // before version 2 added the column has steps and no start: it gets one, so that its steps
        // are replayed rather than run again.
        6: """
            UPDATE runs SET started_at = created_at WHERE started_at IS NULL AND run_id IN (SELECT run_id FROM steps);
            """,
    ]

    /// Creates the schema in an empty file and marks the file as ours.
    static func create(_ connection: SQLiteConnection) throws {
        try connection.transaction {
            try connection.execute(initial)
            try connection.query("INSERT INTO inngest_meta (key, value) VALUES ('application', ?), ('schema_version', '1')",
                                 [.text(EngineStore.applicationMarker)])
            try connection.execute("PRAGMA application_id = \(EngineStore.applicationId)")
        }
        try migrate(connection, from: 1)
    }

    /// Applies every migration after `current` up to `target` (this code's version by default), each
    /// in its own transaction with the version it reaches.
    static func migrate(_ connection: SQLiteConnection, from current: Int, to target: Int = version) throws {
        for next in (current + 1)...max(current + 1, target) where next <= target {
            guard let statements = migrations[next] else { continue }
            try connection.transaction {
                try connection.execute(statements)
                try connection.query("UPDATE inngest_meta SET value = ? WHERE key = 'schema_version'", [.text(String(next))])
            }
        }
    }
}
