import Foundation
import Inngest
import InngestTesting
import Synchronization
import Testing

@Suite struct EngineTests {
    @Test func runCompletesWithRetryAndDurableSleep() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self,
                                                functions: [FunctionDefinition(handler: ThreeSteps(journal: journal, failures: 1))],
                                                retryPolicy: RetryPolicy(initialDelay: .seconds(10), jitter: 0))
        try await app.send(Ping(id: "p1"))
        try await app.runUntilIdle()
        #expect(journal.all == ["a p1", "flaky p1 attempt 0"])
        var run = try #require(try await app.runs().first)
        #expect(run.status == .queued && run.attempt == 1)

        try await app.advance(by: .seconds(9))
        #expect(journal.count("flaky p1 attempt 1") == 0, "the backoff is 10 s")
        try await app.advance(by: .seconds(1))
        #expect(journal.all == ["a p1", "flaky p1 attempt 0", "flaky p1 attempt 1"])

        try await app.advance(by: .minutes(4))
        #expect(journal.count("c p1") == 0, "still sleeping")
        try await app.advance(by: .minutes(1))
        run = try #require(try await app.runs().first)
        #expect(run.status == .completed)
        #expect(run.output == .string("ABC"))
        #expect(journal.count("a p1") == 1 && journal.count("c p1") == 1)
        let kinds = try await app.timeline(of: run.runId).map(\.kind)
        #expect(kinds == [.runQueued, .stepCompleted, .stepRetrying, .stepCompleted, .sleeping, .stepCompleted, .runCompleted])
    }

    @Test func sleepUntilADateWakesAtThatDate() async throws {
        struct Alarm: InngestFunction, Sendable {
            static let id = "alarm"
            static let trigger = Trigger.event(Ping.self)
            let journal: Journal
            let wakeAt: Date
            func handle(_ ping: Ping, context: Context) async throws {
                try await context.step.sleep("until-alarm", until: wakeAt)
                try await context.step.run("ring") { journal.add("ring") }
            }
        }
        let journal = Journal()
        let clock = ManualClock()
        let wakeAt = clock.now().addingTimeInterval(3_600.5)
        let engine = try await makeEngine(path: ":memory:", clock: clock,
                                          functions: [FunctionDefinition(handler: Alarm(journal: journal, wakeAt: wakeAt))])
        try await engine.start(runLoop: false)
        _ = try await engine.send([InngestEvent(Ping(id: "a"))])
        try await engine.runUntilIdle()
        let run = try #require(try await engine.runs().first)
        #expect(run.status == .queued)
        #expect(abs(run.nextAt.timeIntervalSince(wakeAt)) < 0.01, "woken at the date, to the millisecond")
        clock.advance(by: .seconds(3_600))
        try await engine.runUntilIdle()
        #expect(journal.all.isEmpty)
        clock.advance(by: .seconds(1))
        try await engine.runUntilIdle()
        #expect(journal.all == ["ring"])
    }

    /// Times are stored in whole milliseconds; a sleep that starts part-way through one still lasts
    /// its whole duration, and one of less than a millisecond lasts until the next. The same for a
    /// sleep until a date part-way through a millisecond (sent as text with whole milliseconds).
    @Test(arguments: [(start: 0.6, sleep: Duration.seconds(1), until: false), (start: 0.4, sleep: .seconds(1), until: false),
                      (start: 0.0, sleep: .microseconds(300), until: false), (start: 0.6, sleep: .seconds(1), until: true),
                      (start: 0.1, sleep: .microseconds(2_300), until: true), (start: 0.0, sleep: .microseconds(300), until: true)])
    func aSleepNeverEndsEarly(start: Double, sleep: Duration, until: Bool) async throws {
        struct Nap: InngestFunction, Sendable {
            static let id = "nap"
            static let trigger = Trigger.event(Ping.self)
            let journal: Journal
            let duration: Duration
            let until: Bool
            let clock: ManualClock
            func handle(_ ping: Ping, context: Context) async throws {
                let slept = clock.now()
                if until {
                    try await context.step.sleep("nap", until: slept.addingTimeInterval(Double(duration.components.attoseconds) / 1e18
                                                                                        + Double(duration.components.seconds)))
                } else {
                    try await context.step.sleep("nap", for: duration)
                }
                try await context.step.run("after") { journal.add("woke \(clock.now().timeIntervalSince(slept))") }
            }
        }
        let journal = Journal()
        let clock = ManualClock(start: Date(timeIntervalSince1970: 1_800_000_000 + start / 1000))
        let engine = try await makeEngine(path: ":memory:", clock: clock,
                                          functions: [FunctionDefinition(handler: Nap(journal: journal, duration: sleep, until: until, clock: clock))])
        try await engine.start(runLoop: false)
        _ = try await engine.send([InngestEvent(Ping(id: "a"))])
        try await engine.runUntilIdle()
        // To 2 ms before the end, then a tenth of a millisecond at a time: it ends at the first
        // step at or past its duration.
        var elapsed = max(.zero, sleep - .milliseconds(2))
        clock.advance(by: elapsed)
        try await engine.runUntilIdle()
        #expect(journal.all.isEmpty, "still asleep 2 ms before the end")
        while journal.all.isEmpty && elapsed < sleep + .milliseconds(2) {
            clock.advance(by: .microseconds(100))
            elapsed += .microseconds(100)
            try await engine.runUntilIdle()
            if journal.all.isEmpty { continue }
            #expect(elapsed >= sleep, "woke after \(elapsed), the sleep lasts \(sleep)")
        }
        #expect(journal.all.count == 1, "woke within 2 ms of the sleep's end")
    }

    @Test func exhaustedRetriesFailTheRun() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self,
                                                functions: [FunctionDefinition(handler: ThreeSteps(journal: journal, failures: 99))],
                                                retryPolicy: RetryPolicy(initialDelay: .seconds(1), jitter: 0))
        try await app.send(Ping(id: "p"))
        try await app.runUntilIdle()
        for _ in 0..<10 { try await app.advance(by: .seconds(60)) }
        let run = try #require(try await app.runs().first)
        #expect(run.status == .failed)
        #expect(journal.all.filter { $0.hasPrefix("flaky") }.count == 4, "retries: 3 means 4 attempts")
        #expect(run.error?.name == "Flaky", "the run fails with the step's error")
    }

    @Test func idempotentEventIdsTriggerOnce() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self,
                                                functions: [FunctionDefinition(handler: ThreeSteps(journal: journal, failures: 0))])
        let first = try await app.send(Ping(id: "p"), id: "dedupe-1")
        let second = try await app.send(Ping(id: "p"), id: "dedupe-1")
        #expect(first == second)
        #expect(try await app.runs().count == 1)
    }

    @Test func futureTimestampDelaysTheRun() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self,
                                                functions: [FunctionDefinition(handler: ThreeSteps(journal: journal, failures: 0))])
        try await app.app.send(Ping(id: "later"), at: app.clock.now().addingTimeInterval(3600))
        try await app.runUntilIdle()
        #expect(journal.all.isEmpty)
        try await app.advance(by: .seconds(3600))
        #expect(journal.all == ["a later", "flaky later attempt 0"])
    }

    @Test func cronFiresOnScheduleAndOnDemand() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Nightly(journal: journal))])
        let next = try #require(try await app.app.engine.cronSchedules()["nightly"])
        #expect(Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: next).hour == 3)
        try await app.runUntilIdle()
        #expect(journal.all.isEmpty)
        try await app.advance(by: .seconds(next.timeIntervalSince(app.clock.now())))
        #expect(journal.all == ["nightly 0 3 * * *"])
        try await app.advance(by: .hours(24))
        #expect(journal.all.count == 2)
        try await app.app.engine.runNow(functionId: "nightly")
        try await app.runUntilIdle()
        #expect(journal.all.count == 3)
    }

    @Test func unmatchedEventsAreStoredWithoutRuns() async throws {
        struct Other: Event { static let name = "test/other"; var x: Int }
        let app = try await InngestTestApp.boot(EmptyTestModule.self)
        let id = try await app.send(Other(x: 1))
        #expect(id.count == 26, "a ULID")
        #expect(try await app.runs().isEmpty)
    }

    @Test func invalidEventsAreRejectedAndNothingIsStored() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self,
                                                functions: [FunctionDefinition(handler: ThreeSteps(journal: journal, failures: 0))])
        await #expect(throws: InvalidEventError.self) {
            try await app.app.client.send(envelopes: [InngestEvent(name: "test/ping", data: .object(["id": .string("ok")])),
                                                      InngestEvent(name: "", data: .object([:]))])
        }
        #expect(try await app.runs().isEmpty, "a batch is all or nothing")
    }

    @Test func undecodablePayloadFailsWithoutRetry() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self,
                                                functions: [FunctionDefinition(handler: ThreeSteps(journal: journal, failures: 0))])
        try await app.app.client.send(envelopes: [InngestEvent(name: "test/ping", data: .object(["wrong": .integer(1)]))])
        try await app.runUntilIdle()
        let run = try #require(try await app.runs().first)
        #expect(run.status == .failed)
        #expect(run.error?.name == "EventDecodingError")
        #expect(journal.all.isEmpty)
    }

    @Test func crashedRunsResumeFromTheirLastStep() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        let functions = [FunctionDefinition(handler: ThreeSteps(journal: journal, failures: 0))]
        do {
            let engine = try await makeEngine(path: path, clock: clock, functions: functions)
            try await engine.start(runLoop: false)
            _ = try await engine.send([InngestEvent(Ping(id: "crash"))])
            try await engine.runUntilIdle()  // a, flaky done; sleeping.
        }
        #expect(journal.all == ["a crash", "flaky crash attempt 0"])
        // A new process: same file, the run is sleeping; wake it.
        clock.advance(by: .minutes(5))
        let engine = try await makeEngine(path: path, clock: clock, functions: functions)
        try await engine.start(runLoop: false)
        try await engine.runUntilIdle()
        #expect(journal.all == ["a crash", "flaky crash attempt 0", "c crash"])
        #expect(try await engine.runs().first?.status == .completed)
    }

    @Test func runsLeftRunningByAKillAreResumed() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        struct Hang: InngestFunction {
            static let id = "hang"
            static let trigger = Trigger.event(Ping.self)
            let journal: Journal
            let inside: Latch?
            func handle(_ ping: Ping, context: Context) async throws {
                try await context.step.run("before") { journal.add("before") }
                try await context.step.run("during") {
                    journal.add("during")
                    // Simulates a process killed mid-step: nothing after this point ever runs.
                    if let inside {
                        inside.open()
                        await withCheckedContinuation { (_: CheckedContinuation<Void, Never>) in }
                    }
                }
                try await context.step.run("after") { journal.add("after") }
            }
        }
        let inside = Latch()
        let first = try await makeEngine(path: path, clock: clock, functions: [FunctionDefinition(handler: Hang(journal: journal, inside: inside))])
        try await first.start(runLoop: false)
        _ = try await first.send([InngestEvent(Ping(id: "k"))])
        Task { try await first.runUntilIdle() }
        await inside.wait()
        #expect(journal.all == ["before", "during"])
        // The "process" is stuck forever inside the step: the run is still marked running in the file,
        // leased to an engine of a process that still exists, so it is taken over once the lease expires.
        clock.advance(by: .seconds(31))

        let second = try await makeEngine(path: path, clock: clock, functions: [FunctionDefinition(handler: Hang(journal: journal, inside: nil))])
        #expect(try await second.start(runLoop: false) == 1)
        try await second.runUntilIdle()
        #expect(journal.all == ["before", "during", "during", "after"], "only the step in flight runs twice")
        let run = try #require(try await second.runs().first)
        #expect(run.status == .completed)
        #expect(try await second.timeline(of: run.runId).contains { $0.kind == .runResumed })
    }

    @Test func cancelledRunsNeverContinue() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self,
                                                functions: [FunctionDefinition(handler: ThreeSteps(journal: journal, failures: 0))])
        try await app.send(Ping(id: "c"))
        try await app.runUntilIdle()  // Sleeping after two steps.
        let run = try #require(try await app.runs().first)
        #expect(try await app.app.engine.cancel(runId: run.runId))
        try await app.advance(by: .minutes(10))
        #expect(journal.count("c c") == 0)
        #expect(try await app.runs().first?.status == .cancelled)
        #expect(try await app.app.engine.cancel(runId: run.runId) == false, "already finished")
        #expect(try await app.timeline(of: run.runId).last?.kind == .runCancelled)
    }

    @Test func cancellingAQueuedRunMeansItNeverStarts() async throws {
        struct Long: InngestFunction {
            static let id = "long"
            static let trigger = Trigger.event(Ping.self)
            let journal: Journal
            func handle(_ ping: Ping, context: Context) async throws {
                try await context.step.run("first") { journal.add("first") }
                try await context.step.run("second") { journal.add("second") }
            }
        }
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Long(journal: journal))])
        try await app.send(Ping(id: "x"))
        let pending = try #require(try await app.runs().first)
        _ = try await app.app.engine.cancel(runId: pending.runId)
        try await app.runUntilIdle()
        #expect(journal.all.isEmpty, "a queued run that was cancelled never starts")
        #expect(try await app.runs().first?.status == .cancelled)
    }

    @Test func cancellingAnExecutingRunStopsItAtTheNextStepBoundary() async throws {
        final class EngineBox: Sendable { let engine = Mutex<EmbeddedEngine?>(nil) }
        struct SelfCancelling: InngestFunction, Sendable {
            static let id = "self-cancelling"
            static let trigger = Trigger.event(Ping.self)
            let journal: Journal
            let box: EngineBox
            func handle(_ ping: Ping, context: Context) async throws {
                try await context.step.run("first") {
                    journal.add("first")
                    _ = try await box.engine.withLock { $0 }?.cancel(runId: context.runId)
                }
                try await context.step.run("second") { journal.add("second") }
            }
        }
        let journal = Journal()
        let box = EngineBox()
        let app = try await InngestTestApp.boot(EmptyTestModule.self,
                                                functions: [FunctionDefinition(handler: SelfCancelling(journal: journal, box: box))])
        box.engine.withLock { $0 = app.app.engine }
        try await app.send(Ping(id: "s"))
        try await app.runUntilIdle()
        #expect(journal.all == ["first"])
        let run = try #require(try await app.runs().first)
        #expect(run.status == .cancelled)
        try await app.advance(by: .hours(1))
        #expect(journal.all == ["first"])
    }

    @Test func replayRunsTheFunctionAgainFromTheStart() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self,
                                                functions: [FunctionDefinition(handler: ThreeSteps(journal: journal, failures: 0))])
        try await app.send(Ping(id: "r"))
        try await app.runUntilIdle()
        try await app.advance(by: .minutes(5))
        let original = try #require(try await app.runs().first)
        #expect(original.status == .completed)
        let replay = try #require(try await app.app.engine.replay(runId: original.runId))
        try await app.runUntilIdle()
        try await app.advance(by: .minutes(5))
        #expect(try await app.app.engine.run(replay)?.status == .completed)
        #expect(journal.count("a r") == 2 && journal.count("c r") == 2)
        #expect(try await app.app.engine.replay(runId: "no-such-run") == nil)
    }

    @Test func inspectorReadsRunsTimelinesAndEvents() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        let engine = try await makeEngine(path: path, clock: clock, functions: [FunctionDefinition(handler: ThreeSteps(journal: journal, failures: 0))])
        try await engine.start(runLoop: false)
        _ = try await engine.send([InngestEvent(Ping(id: "seen"))])
        try await engine.runUntilIdle()
        let inspector = try EngineInspector(databasePath: path)
        let run = try #require(try await inspector.runs().first)
        #expect(run.functionId == "three-steps" && run.status == .queued)
        #expect(try await inspector.timeline(of: run.runId).last?.kind == .sleeping)
        #expect(try await inspector.events().map(\.name) == ["test/ping"])
        #expect { try EngineInspector(databasePath: path + ".missing") } throws: { "\($0)".contains("there is no database at") }
        #expect(!FileManager.default.fileExists(atPath: path + ".missing"))
    }

    @Test func foreignAndCorruptDatabasesAreRefusedUntouched() async throws {
        let path = temporaryDatabase()
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let garbage = Data("this is not a database, just some text that must survive".utf8) + Data(repeating: 7, count: 5000)
        try garbage.write(to: URL(fileURLWithPath: path))
        await #expect { try await makeEngine(path: path, clock: ManualClock(), functions: []) } throws: {
            "\($0)".contains("not a readable SQLite database")
        }
        #expect(FileManager.default.contents(atPath: path) == garbage)

        let foreign = temporaryDatabase()
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: foreign).deletingLastPathComponent(), withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", foreign, "CREATE TABLE customers (id INTEGER PRIMARY KEY); INSERT INTO customers VALUES (1);"]
        try process.run()
        process.waitUntilExit()
        await #expect { try await makeEngine(path: foreign, clock: ManualClock(), functions: []) } throws: {
            "\($0)".contains("is not a swift-inngest database (it holds table customers)")
        }
    }

    @Test func duplicateFunctionIdsAndBadCronAreRefusedAtBoot() async throws {
        let journal = Journal()
        let resolver = try await Container.boot(EmptyTestModule.self).rootResolver
        #expect { try EmbeddedEngine(functions: [FunctionDefinition(handler: Nightly(journal: journal)), FunctionDefinition(handler: Nightly(journal: journal))],
                                     configuration: EngineConfiguration(databasePath: ":memory:")) { _ in resolver } } throws: {
            "\($0)".contains("two functions have the id \"nightly\"")
        }
        let bad = FunctionDefinition(id: "bad", trigger: .cron("61 * * * *")) { _, _ in .null }
        #expect { try EmbeddedEngine(functions: [bad], configuration: EngineConfiguration(databasePath: ":memory:")) { _ in resolver } } throws: {
            "\($0)".contains("invalid cron")
        }
    }
}
