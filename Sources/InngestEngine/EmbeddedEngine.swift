#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestCore
import InngestDI
import InngestTime
import Synchronization

/// The in-process orchestrator: does what an Inngest server does, with SQLite and no network.
///
/// `send` persists events and the runs they trigger before returning. Runs execute through the
/// shared `Executor` with inline steps: each step result is committed before the handler continues.
/// Failed steps are retried with backoff, sleeps are durable timers, cron schedules fire, and after
/// a crash the runs that were executing resume from their last recorded step.
public actor EmbeddedEngine: EventSending {
    private let store: EngineStore
    private let clock: any EngineClock
    private let configuration: EngineConfiguration
    private let functions: [String: FunctionDefinition]
    private let router: EventRouter
    private let resolver: @Sendable (FunctionDefinition) -> Resolver
    private let planner: OutcomePlanner
    private let wakeup = Wakeup()
    /// Runs claimed as their sleep was about to end, waiting for its end.
    private let earlyStarts = EarlyStarts()
    /// Step bodies executing per concurrency key, parallel ones included.
    private let permits = StepPermits()
    /// Slots taken: runs executing or handed over to start, and slots set aside by a send or a
    /// commit that claims. Shared with the store's thread, whose group commits claim runs that wake.
    private let taken = SharedState(0)
    private var inFlight: Int { taken.withLock { $0 } }
    /// Slots that new runs leave to runs that wake (from a sleep, a wait, an invoke or a retry
    /// backoff): an eighth of the concurrency, and as many more as runs wake within the time a
    /// new run holds its slot (`SlotHold`). A burst of new work fills the rest, so a timer that
    /// comes due finds a slot at once instead of waiting for a new run to finish.
    private var newRunSlots: Int { configuration.concurrency - configuration.concurrency / 8 }
    /// Whether the loop's last pass took every free slot, or every slot new runs may take.
    private let waitingForSlots = SharedState(false)
    /// Runs a send or a commit claimed in its transaction, for the loop to start, and the slots a
    /// send set aside but did not use (counted in `taken` until the loop gives them back).
    private let inbox = SharedState<(runs: [ClaimedRun], unused: Int)>(([], 0))
    private var loop: Task<Void, Never>?
    /// Measures the queue for `configuration.instrumentation`, while the loop runs.
    private var queueSampler: Task<Void, Never>?
    private var stopping = false
    /// Set by `shutdown`: executing runs stop at their next step boundary, their step committed.
    private let draining = SharedState(false)
    /// When `prune()` last ran (milliseconds); the loop runs it hourly.
    private var lastPrune: Int64?

    /// Opens the store and prepares the function table. Nothing runs until `start()`.
    /// - Parameters:
    ///   - functions: the registered functions.
    ///   - configuration: store path, concurrency, retries, logging.
    ///   - clock: the time source (a manual clock in tests).
    ///   - resolver: the DI context that builds each function's handler.
    /// - Throws: `EngineError` for duplicate ids, invalid cron triggers, or a store that is not ours.
    public init(functions: [FunctionDefinition], configuration: EngineConfiguration = EngineConfiguration(),
                clock: any EngineClock = SystemClock(), resolver: @escaping @Sendable (FunctionDefinition) -> Resolver) throws {
        let functions = FunctionDefinition.withFailureCompanions(functions, appId: configuration.appId)
        var table: [String: FunctionDefinition] = [:]
        for function in functions {
            guard table[function.id] == nil else { throw EngineError.duplicateFunction(id: function.id) }
            table[function.id] = function
        }
        let router = try EventRouter(functions, appId: configuration.appId)
        if configuration.databasePath != ":memory:" {
            let directory = URL(fileURLWithPath: configuration.databasePath).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        let (seconds, attoseconds) = configuration.leaseDuration.components
        self.store = try EngineStore(path: configuration.databasePath, targets: try table.mapValues(RunTarget.init(function:)), router: router,
                                     leaseDuration: seconds * 1000 + attoseconds / 1_000_000_000_000_000,
                                     durability: configuration.durability,
                                     runsEnded: Self.reporter(instrumentation: configuration.instrumentation, observer: configuration.observer))
        self.clock = clock
        self.configuration = configuration
        self.functions = table
        self.router = router
        self.resolver = resolver
        self.planner = OutcomePlanner(appId: configuration.appId, functionIds: Set(table.keys), retryPolicy: configuration.retryPolicy)
    }

    /// Resumes runs interrupted by a crash, syncs cron schedules and, unless `runLoop` is false,
    /// starts executing due work in the background.
    /// - Parameter runLoop: false to drive the engine by hand with `runUntilIdle()` (tests).
    /// - Returns: how many interrupted runs were resumed.
    @discardableResult
    public func start(runLoop: Bool = true) async throws -> Int {
        let now = clock.now().milliseconds
        let resumed = try await store.recoverInterrupted(now: now)
        try await store.syncCrons(router.schedules.mapValues { ($0.functionId, $0.expression.source) }) { text in
            (try? CronExpression(text))?.nextFire(after: Date(milliseconds: now))?.milliseconds
        }
        try await store.registerFunctions(functions.values.sorted { $0.id < $1.id }.map { function in
            var config = FunctionConfig.options(function.options)
            config["triggers"] = FunctionConfig.triggers(function.triggers)
            config["retries"] = .integer(Int64(function.options.retries ?? FunctionOptions.defaultRetries))
            return (function.id, function.name, JSONValue.object(config).jsonString, function.location)
        }, now: now)
        if runLoop && loop == nil {
            // Above the runs it starts: its passes go before their jobs on a busy machine.
            loop = Task(priority: .high) { await self.runLoop() }
            if let instrumentation = configuration.instrumentation { queueSampler = sampleQueue(into: instrumentation) }
        }
        return resumed
    }

    /// Accepts events: each is on disk, with the runs it triggers, before this returns.
    ///
    /// More than 100 events are accepted 100 at a time, each part its own transaction, so that
    /// runs waking meanwhile are not held up. If a part fails (a storage error), the parts before
    /// it stay accepted and the error is thrown: give events an `id` to make sending again safe
    /// (a repeated id within 24 hours is accepted once).
    /// - Returns: the event ids (an idempotent repeat returns the original id).
    /// - Throws: `InvalidEventError` for a malformed event (nothing is stored), `EngineError.shuttingDown`.
    public func send(_ events: [InngestEvent]) async throws -> [String] {
        guard !stopping else { throw EngineError.shuttingDown }
        let now = clock.now()
        for event in events { try event.validate(now: now) }
        // The send claims the runs it starts, in its own transaction, up to the free slots it sets
        // aside then: a run then starts without a pass of the loop over the queue. The slots are
        // set aside only when it claims (a large send claims in its last part), so that runs that
        // wake while it is accepted have them meanwhile.
        let wanted = loop == nil ? 0 : events.reduce(0) { $0 + router.maximumRuns(forEventNamed: $1.name) }
        let (newRunSlots, taken, draining) = (self.newRunSlots, self.taken, self.draining)
        let reservation = Reservation()
        do {
            // Read in the transaction: once the engine drains, a send claims nothing.
            let limit: @Sendable () -> Int = {
                guard !draining.withLock({ $0 }) else { return 0 }
                return reservation.reserve {
                    taken.withLock { taken in
                        let slots = max(0, min(newRunSlots - taken, wanted))
                        taken += slots
                        return slots
                    }
                }
            }
            let wakeup = self.wakeup
            return try await store.ingest(events, now: now.milliseconds, claimLimit: limit, committed: { claimed, next in
                self.handOver(claimed, next: next, reservation: reservation)
            }, partCommitted: { wakeup.signal() })
        } catch {
            let slots = reservation.unhanded
            if slots > 0 { taken.withLock { $0 -= slots } }
            throw error
        }
    }

    /// The slots a send set aside for the runs it claims, and whether it handed them to the loop.
    private final class Reservation: Sendable {
        private let state = Mutex((slots: 0, reserved: false, handedOver: false))

        /// The slots set aside (0 until the send claims).
        var slots: Int { state.withLock { $0.slots } }

        /// The slots set aside and not handed to the loop: the send's to give back when it fails.
        var unhanded: Int { state.withLock { $0.handedOver ? 0 : $0.slots } }

        /// Sets aside the slots `take` takes from the free ones, the first time; returns the slots set aside.
        func reserve(_ take: () -> Int) -> Int {
            state.withLock { state in
                if !state.reserved {
                    state.reserved = true
                    state.slots = take()
                }
                return state.slots
            }
        }

        func markHandedOver() { state.withLock { $0.handedOver = true } }
    }

    /// Called in a send's transaction once it committed: its claimed runs and unused slots go to
    /// the loop. More runs due than claimed (or gates to apply) ask for a pass; a run due later
    /// moves the loop's wake time.
    private nonisolated func handOver(_ claimed: [ClaimedRun], next: Int64?, reservation: Reservation) {
        reservation.markHandedOver()
        inbox.withLock { $0.runs += claimed; $0.unused += reservation.slots - claimed.count }
        let now = clock.now().milliseconds
        if let next, next <= now { wakeup.signal() } else if let next { wakeup.signal(dueAt: next) } else { wakeup.wake() }
    }

    /// Starts a run of a cron function now, as its schedule would (the dashboard's "invoke").
    /// - Returns: nothing; the run is queued.
    /// - Throws: `NotSupportedError` for event-triggered functions: send them an event instead.
    public func runNow(functionId: String) async throws {
        guard let schedule = router.firstSchedule(of: functionId) else {
            throw NotSupportedError("runNow for function \"\(functionId)\", which has no cron trigger (send it an event instead)")
        }
        let now = clock.now().milliseconds
        try await store.insertCronRun(functionId: functionId, expression: schedule.expression.source, fireAt: now, now: now)
        wakeup.signal()
    }

    /// Cancels a run that has not finished: a queued run never executes again; an executing run
    /// stops at its next step boundary and its outcome is not recorded. The same holds for a
    /// cancellation written by another process (`inngest cancel`): it is checked in the transaction
    /// that commits each step.
    /// - Returns: false when the run does not exist or has already finished.
    @discardableResult
    public func cancel(runId: String) async throws -> Bool {
        try await store.cancel(runId, now: clock.now().milliseconds)
    }

    /// Runs a run's function again for the same event, from the first step (Inngest's replay).
    /// - Returns: the new run's id, or nil when there is no such run.
    public func replay(runId: String) async throws -> String? {
        let newRun = try await store.replay(runId, now: clock.now().milliseconds)
        wakeup.signal()
        return newRun
    }

    /// Executes everything due at the clock's current time, including work that becomes due while
    /// doing so (retries without delay, completed sleeps), until nothing is due. For tests and tools
    /// that drive the engine by hand; do not mix with the background loop.
    public func runUntilIdle() async throws {
        while true {
            _ = try await store.ingestInbox(now: clock.now().milliseconds)
            _ = try await fireDueCrons()
            let claimed = try await store.claimDue(now: clock.now().milliseconds, limit: configuration.concurrency)
            if claimed.isEmpty { return }
            await withTaskGroup(of: Void.self) { group in
                for run in claimed { group.addTask { await self.execute(run) } }
            }
        }
    }

    /// Deletes what `EngineConfiguration.retention` no longer keeps: runs that finished before
    /// the clock's now minus the retention, with their steps and timelines, and the events no
    /// remaining run refers to. The running engine does this once an hour.
    /// - Returns: how many runs and events were deleted (none without a retention).
    @discardableResult
    public func prune() async throws -> (runs: Int, events: Int) {
        guard let retention = configuration.retention else { return (0, 0) }
        let (seconds, attoseconds) = retention.components
        let cutoff = clock.now().milliseconds - (seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        lastPrune = clock.now().milliseconds
        return try await store.prune(before: cutoff)
    }

    /// Waits until no run is queued or running, or until `timeout` passes.
    /// - Returns: true when every run finished.
    public func waitUntilAllRunsFinish(timeout: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if try await store.unfinishedRunCount() == 0 { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try await store.unfinishedRunCount() == 0
    }

    /// Stops taking work, lets executing steps finish (up to `deadline`) and commits their results,
    /// then stops the loop. An executing run stops at its next step boundary and goes back to the
    /// queue, where another engine on the database (or this one, at its next start) resumes it;
    /// no step runs twice. Runs still executing after the deadline resume at the next start.
    public func shutdown(deadline: Duration = .seconds(10)) async {
        stopping = true
        draining.withLock { $0 = true }
        earlyStarts.stop()
        wakeup.signal()
        queueSampler?.cancel()
        queueSampler = nil
        guard let loop else { return }
        self.loop = nil
        // The loop returns once its runs returned; past the deadline it is cancelled (and so are
        // they) and shutdown returns without waiting for steps that ignore cancellation.
        let (seconds, attoseconds) = deadline.components
        let end = clock.now().addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
        let clock = self.clock
        let first = Wakeup()
        let timer = Task {
            await clock.sleep(until: end)
            if !Task.isCancelled { loop.cancel() }
            first.signal()
        }
        Task {
            await loop.value
            first.signal()
        }
        await first.wait()
        timer.cancel()
        // A send whose transaction began before the drain may have claimed runs that the loop did not
        // start: once every store call before this one returned, they go back to the queue.
        await store.barrier()
        let late = inbox.withLock { inbox in
            defer { inbox = ([], 0) }
            return inbox.runs
        }
        guard !late.isEmpty else { return }
        do {
            try await store.requeueUnstarted(late.map(\.runId), now: clock.now().milliseconds)
        } catch {
            configuration.logger.error("could not queue again runs claimed at the stop: \(error)")
        }
    }

    // MARK: Inspection

    /// Runs, newest first.
    public func runs(status: RunStatus? = nil, functionId: String? = nil, eventName: String? = nil, since: Date? = nil,
                     limit: Int = 100) async throws -> [RunRecord] {
        try await store.runs(status: status, functionId: functionId, eventName: eventName, since: since?.milliseconds, limit: limit)
    }

    /// How many runs are in each state.
    public func runCounts() async throws -> [RunStatus: Int] { try await store.runCounts() }

    /// Timeline lines of every run recorded after `cursor`, oldest first. See
    /// `EngineInspector.activity(after:limit:)`.
    public func activity(after cursor: ActivityCursor?, limit: Int = 500) async throws -> (lines: [RunObservation], cursor: ActivityCursor) {
        guard let cursor else { return ([], ActivityCursor(seq: try await store.lastTimelineSeq())) }
        let (lines, last) = try await store.timelineLines(after: cursor.seq, limit: limit)
        return (lines, ActivityCursor(seq: last))
    }

    /// The functions this engine registered in its database at start, as tools read them.
    public func registeredFunctions() async throws -> [FunctionRecord] { try await store.functions() }

    /// One run.
    public func run(_ runId: String) async throws -> RunRecord? { try await store.run(runId) }

    /// Events, newest first, optionally by name.
    public func events(name: String? = nil, limit: Int = 100) async throws -> [InngestEvent] {
        try await store.events(name: name, limit: limit)
    }

    /// A run's step timeline.
    public func timeline(of runId: String) async throws -> [TimelineEntry] { try await store.timeline(runId) }

    /// Next fire time of each cron function.
    public func cronSchedules() async throws -> [String: Date] {
        try await store.cronSchedules().mapValues(Date.init(milliseconds:))
    }

    /// The database file.
    public nonisolated var databasePath: String { configuration.databasePath }

    // MARK: Loop

    /// Claims and starts due work, then sleeps until the next due time or a signal (a send, a
    /// finished run). While idle it looks once a second at SQLite's `data_version`, a read of
    /// shared memory, and makes a pass only when another process committed: an idle engine does no
    /// query and no write.
    private func runLoop() async {
        // Runs are children of this group, so the loop's task owns them: it returns once every run
        // it started has returned, and cancelling it cancels them.
        await store.claimWakingRunsInCommits(wakingClaims())
        await withDiscardingTaskGroup { group in
            await claimLoop(into: &group)
        }
        await store.claimWakingRunsInCommits(nil)
    }

    private func claimLoop(into group: inout DiscardingTaskGroup) async {
        var pass = true
        var next = Int64.max
        var lastPass = Int64.min
        var lastLook = clock.now().milliseconds
        while !stopping {
            do {
                startHandedOver(into: &group)
                if pass {
                    lastPass = clock.now().milliseconds
                    if pruneIsDue() { try await prune() }
                    // The pass's slots are set aside while it runs, so that a commit claiming runs
                    // that wake meanwhile does not take them too.
                    let (before, slots, newLimit) = taken.withLock { taken in
                        let free = max(0, configuration.concurrency - taken)
                        defer { taken += free }
                        return (taken, free, max(0, newRunSlots - taken))
                    }
                    let passed: (claimed: [ClaimedRun], next: Int64?, newRunsWait: Bool)
                    do {
                        passed = try await store.pass(now: clock.now().milliseconds, limit: slots, newLimit: newLimit) { text, after in
                            (try? CronExpression(text))?.nextFire(after: Date(milliseconds: after))?.milliseconds
                        }
                    } catch {
                        taken.withLock { $0 -= slots }
                        throw error
                    }
                    taken.withLock { $0 -= slots - passed.claimed.count }
                    let (claimed, due, newRunsWait) = passed
                    for run in claimed { start(run, in: &group) }
                    if stopping { break }
                    // Every slot, or every slot of new runs, is taken: a run that returns frees one
                    // and asks for a pass. Runs that returned during this pass did not ask: pass again.
                    // (The store may have left new runs fewer slots, for runs about to wake.)
                    let waiting = claimed.count >= slots || newRunsWait
                    waitingForSlots.withLock { $0 = waiting }
                    if waiting && inFlight < before + claimed.count { continue }
                    // With every slot busy, the loop still passes each second to renew leases.
                    next = NextPass.time(claimed: claimed.count, slots: slots, due: due, prune: nextPrune(), now: clock.now().milliseconds)
                }
                await sleep(until: min(next, clock.now().milliseconds + 1_000))
                // A send, a freed slot or a stop asks for a pass; a recorded run says when it made
                // a run due, which is a pass only if that is now. Runs in flight need their leases
                // renewed, so a pass happens each second for them.
                let asked = wakeup.take()
                next = min(next, asked.dueAt)
                let now = clock.now().milliseconds
                pass = asked.pass || now >= next || (inFlight > 0 && now - lastPass >= 1_000)
                if !pass && now - lastLook >= 1_000 {
                    lastLook = now
                    pass = try await store.othersCommitted()
                }
            } catch {
                configuration.logger.error("engine loop: \(error)")
                try? await Task.sleep(for: .milliseconds(200))
                pass = true
            }
        }
        // Runs a send claimed as the engine stopped are queued again by `shutdown`.
    }

    /// How the store's group commits claim runs that wake: into every free slot, none once the
    /// engine drains, handed to the loop like a send's.
    private nonisolated func wakingClaims() -> WakingClaims {
        let concurrency = configuration.concurrency
        let (clock, draining, taken, inbox, wakeup, waitingForSlots) = (clock, draining, taken, inbox, wakeup, waitingForSlots)
        return WakingClaims(
            reserve: { ending in
                let now = clock.now().milliseconds
                guard !draining.withLock({ $0 }) else { return (0, now) }
                return (taken.withLock { taken in
                    let free = max(0, concurrency + ending - taken)
                    taken += free
                    return free
                }, now)
            },
            release: { slots in
                taken.withLock { $0 -= slots }
                // A pass that found no free slot waits for one.
                if slots > 0 && waitingForSlots.withLock({ $0 }) { wakeup.signal() }
            },
            handOver: { runs in
                inbox.withLock { $0.runs += runs }
                wakeup.wake()
            })
    }

    /// Starts the runs sends and commits claimed (their slots are counted), and frees the slots sends did not use.
    private func startHandedOver(into group: inout DiscardingTaskGroup) {
        let (runs, unused) = inbox.withLock { inbox in
            defer { inbox = ([], 0) }
            return inbox
        }
        taken.withLock { $0 -= unused }
        if unused > 0 && waitingForSlots.withLock({ $0 }) { wakeup.signal() }
        for run in runs { start(run, in: &group) }
    }

    /// Executes a claimed run as a child of the loop's group (its slot is already counted).
    private func start(_ run: ClaimedRun, in group: inout DiscardingTaskGroup) {
        // Runs that wake go before new ones (a due timer is not late behind a burst); neither
        // inherits the loop's priority.
        let claimedAt = run.resumed ? 0 : clock.now().milliseconds
        group.addTask(priority: run.resumed ? .high : .medium) {
            await self.execute(run)
            if !run.resumed { self.store.slotHold.record(self.clock.now().milliseconds - claimedAt) }
            self.finished()
        }
    }

    /// Sleeps until `deadline` on the engine's clock or until the wakeup is signalled.
    private func sleep(until deadline: Int64) async {
        let clock = self.clock
        let wakeup = self.wakeup
        let timer = Task {
            await clock.sleep(until: Date(milliseconds: deadline))
            if !Task.isCancelled { wakeup.wake() }
        }
        await wakeup.wait()
        timer.cancel()
    }

    /// Every 5 s on the engine's clock, from now: the runs not finished on the database.
    private func sampleQueue(into instrumentation: any RunInstrumentation) -> Task<Void, Never> {
        let (store, clock) = (store, clock)
        return Task {
            repeat {
                if let unfinished = try? await store.unfinishedRunCount() { instrumentation.queueSampled(depth: unfinished) }
                await clock.sleep(until: clock.now().addingTimeInterval(5))
            } while !Task.isCancelled
        }
    }

    /// When the hourly pruning is due next (never without a retention).
    private func nextPrune() -> Int64 {
        guard configuration.retention != nil else { return .max }
        return (lastPrune ?? clock.now().milliseconds) + 3_600_000
    }

    /// Whether an hour passed since the last pruning (or none happened yet), with a retention set.
    private func pruneIsDue() -> Bool {
        guard configuration.retention != nil else { return false }
        guard let lastPrune else { return true }
        return clock.now().milliseconds - lastPrune >= 3_600_000
    }

    /// A run returned. When the last pass took every slot it could, the loop waits for one: it
    /// is asked for a pass.
    private nonisolated func finished() {
        taken.withLock { $0 -= 1 }
        if waitingForSlots.withLock({ $0 }) { wakeup.signal() }
    }

    private func fireDueCrons() async throws -> Int {
        let now = clock.now().milliseconds
        return try await store.fireDueCrons(now: now) { text, after in
            (try? CronExpression(text))?.nextFire(after: Date(milliseconds: after))?.milliseconds
        }
    }

    // MARK: Execution

    private nonisolated func execute(_ claimed: ClaimedRun) async {
        let now: @Sendable () -> Int64 = { self.clock.now().milliseconds }
        guard let function = functions[claimed.functionId] else {
            let error = SerializedError(name: "FunctionNotFound",
                                        message: "function \"\(claimed.functionId)\" is not registered in this app; deploy it again to finish the run")
            await record(claimed, .failure(error), now: now())
            return
        }
        // Parsed first: a run claimed before its sleep ends does it while it waits.
        let events: [InngestEvent], memo: [String: StepMemo]
        do {
            (events, memo) = try claimed.read()
        } catch {
            do {
                try await store.failUnreadable(runId: claimed.runId, error, now: now())
            } catch {
                configuration.logger.error("could not record that run \(claimed.runId) is unreadable: \(error)")
            }
            wakeup.signal()
            return
        }
        // Claimed as its sleep was about to end: it replays its recorded steps now, and goes past
        // the sleep when the sleep ends, on the engine's clock (`WakeGate`). Stopping meanwhile,
        // it is queued again for that time, its sleep over, having done nothing new.
        var wakeGate: WakeGate?
        if let startAt = claimed.startAt, now() < startAt {
            let until = Date(milliseconds: startAt)
            wakeGate = WakeGate(sleeps: claimed.wokenSleeps) { [earlyStarts, clock, draining] in
                await earlyStarts.wait(until: until, on: clock) && !draining.withLock { $0 }
            }
        }
        let progressed = Mutex(false)
        let drained = Mutex(false)
        // Commits finished steps' rows and timeline lines: a checkpoint, or the results held.
        let commitSteps: @Sendable ([StepWrite], [TimelineWrite]) async throws -> Void = { steps, timeline in
            try await self.store.apply(runId: claimed.runId, steps: steps, update: nil, timeline: timeline, now: now())
            progressed.withLock { $0 = true }
            for line in timeline { self.observe(claimed, line, now()) }
            // Shutting down: the step is committed; the run stops here and is queued again.
            if self.draining.withLock({ $0 }) {
                drained.withLock { $0 = true }
                throw EngineError.shuttingDown
            }
        }
        let checkpoint: Checkpoint = { op in
            guard let (write, line) = OutcomePlanner.result(of: op) else { return }
            try await commitSteps([write], [line])
        }
        // A step executed alone is committed with the run's next write: before the next step body
        // (then the same checks apply as at a checkpoint), or with the outcome.
        let held = HeldStepWrites(write: commitSteps)
        /// The outcome's writes, after the results still held.
        func withHeld(_ writes: RunWrites) -> RunWrites {
            let (steps, timeline) = held.take()
            guard !steps.isEmpty else { return writes }
            var writes = writes
            writes.steps = steps + writes.steps
            writes.timeline = timeline + writes.timeline
            return writes
        }
        var request = ExecutionRequest(events: events, memo: memo, runId: claimed.runId,
                                       attempt: claimed.attempt, maxAttempts: function.options.maxAttempts, appId: configuration.appId)
        request.admission = permits.admission(for: claimed.concurrency)
        request.resumed = claimed.resumed
        request.wakeGate = wakeGate
        request.heldCheckpoints = held
        let outcome = await Executor.execute(function, request: request, resolver: resolver(function),
                                             checkpoint: checkpoint, events: self, logger: configuration.logger, clock: clock,
                                             instrumentation: configuration.instrumentation)
        if let startAt = claimed.startAt, wakeGate?.isClosed == true {
            await record(claimed, withHeld(RunWrites(update: .queue(attempt: claimed.attempt, nextAt: startAt), timeline: [])), now: now())
            return
        }
        if drained.withLock({ $0 }) {
            await record(claimed, withHeld(RunWrites(update: .queue(attempt: 0, nextAt: now()), timeline: [TimelineWrite(
                kind: .runDelayed, step: nil, detail: "stopped at a step boundary by the engine's shutdown; it resumes where it stopped")])),
                         now: now())
            return
        }
        let failedAttempt = progressed.withLock { $0 } || held.received ? 0 : claimed.attempt
        let writes = planner.plan(outcome, function: function, failedAttempt: failedAttempt, runId: claimed.runId,
                                  triggeringEvent: events.first ?? InngestEvent(name: ""),
                                  now: clock.now())
        await record(claimed, withHeld(writes), now: now())
    }

    private nonisolated func record(_ claimed: ClaimedRun, _ writes: RunWrites, now: Int64) async {
        do {
            let due = try await store.apply(runId: claimed.runId, steps: writes.steps, update: writes.update, timeline: writes.timeline,
                                            invocations: writes.invocations, waits: writes.waits, endsExecution: true, now: now)
            for line in writes.timeline { observe(claimed, line, now) }
            // A completion that woke nothing needs no pass; a run due later only moves the loop's wake time.
            if let due { wakeup.signal(dueAt: EngineStore.passTime(forDue: due, now: clock.now().milliseconds)) }
        } catch is RunCancelledError {
            // Cancelled while executing: the cancellation is the outcome, already on the timeline.
            wakeup.signal()
        } catch {
            // The run stays `running` in the store and resumes at the next start.
            configuration.logger.error("could not record the outcome of run \(claimed.runId): \(error)")
            wakeup.signal()
        }
    }

    /// Reports the runs the store itself ended (cancellations by `cancel(runId:)`, `cancelOn`,
    /// timeouts and singletons; unreadable runs) like those whose outcome the engine recorded.
    private static func reporter(instrumentation: (any RunInstrumentation)?,
                                 observer: (@Sendable (RunObservation) -> Void)?) -> (@Sendable ([StoreRunEnd]) -> Void)? {
        guard instrumentation != nil || observer != nil else { return nil }
        return { ended in
            for end in ended {
                instrumentation?.runEnded(RunEnd(runId: end.runId, functionId: end.functionId, status: end.status))
                let kind: TimelineEntry.Kind = switch end.status {
                case .completed: .runCompleted
                case .failed: .runFailed
                case .cancelled: .runCancelled
                }
                observer?(RunObservation(runId: end.runId, functionId: end.functionId,
                                         entry: TimelineEntry(at: Date(milliseconds: end.at), kind: kind, step: nil, detail: end.detail)))
            }
        }
    }

    private nonisolated func observe(_ claimed: ClaimedRun, _ line: TimelineWrite, _ now: Int64) {
        if let instrumentation = configuration.instrumentation, let status = RunEnd.Status(line.kind) {
            instrumentation.runEnded(RunEnd(runId: claimed.runId, functionId: claimed.functionId, status: status))
        }
        configuration.observer?(RunObservation(
            runId: claimed.runId, functionId: claimed.functionId,
            entry: TimelineEntry(at: Date(milliseconds: now), kind: line.kind, step: line.step, detail: line.detail)))
    }
}

