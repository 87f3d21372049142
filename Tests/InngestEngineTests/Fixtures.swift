import Foundation
import Inngest
import InngestTesting
import Synchronization

struct Ping: Event {
    static let name = "test/ping"
    var id: String
}

/// Records what ran, across engine restarts.
final class Journal: Sendable {
    private let lines = Mutex([String]())
    func add(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
    func count(_ line: String) -> Int { all.filter { $0 == line }.count }
}

/// Fails its flaky step `failures` times per ping, then succeeds.
struct ThreeSteps: InngestFunction {
    static let id = "three-steps"
    static let trigger = Trigger.event(Ping.self)
    static let options = FunctionOptions(retries: 3)
    let journal: Journal
    let failures: Int

    struct Flaky: Error {}

    func handle(_ ping: Ping, context: Context) async throws -> String {
        let a = try await context.step.run("a") { journal.add("a \(ping.id)"); return "A" }
        let b = try await context.step.run("flaky") {
            journal.add("flaky \(ping.id) attempt \(context.attempt)")
            if context.attempt < failures { throw Flaky() }
            return "B"
        }
        try await context.step.sleep("pause", for: .minutes(5))
        let c = try await context.step.run("c") { journal.add("c \(ping.id)"); return "C" }
        return a + b + c
    }
}

struct Nightly: InngestFunction {
    static let id = "nightly"
    static let trigger = Trigger.cron("0 3 * * *")
    let journal: Journal

    func handle(_ input: ScheduledRun, context: Context) async throws {
        journal.add("nightly \(input.cron)")
    }
}

/// A fresh database path in a directory of its own (not created yet), in ``TestScratch``.
func temporaryDatabase() -> String {
    let directory = TestScratch.path("database")
    return directory.appendingPathComponent("engine.sqlite").path
}

/// An engine over a file, with a manual clock, for restart tests.
func makeEngine(path: String, clock: ManualClock, functions: [FunctionDefinition], concurrency: Int? = nil) async throws -> EmbeddedEngine {
    let resolver = try await Container.boot(EmptyTestModule.self, rootProviders: functions.compactMap(\.handlerProvider)).rootResolver
    var configuration = EngineConfiguration(databasePath: path, retryPolicy: RetryPolicy(initialDelay: .seconds(10), jitter: 0),
                                            logger: InngestLogger(sink: InngestLogger.discard))
    if let concurrency { configuration.concurrency = concurrency }
    return try EmbeddedEngine(
        functions: functions,
        configuration: configuration,
        clock: clock) { _ in resolver }
}

/// A one-way gate for handshakes between a test and the code it drives: `wait()` returns once
/// `open()` was called, however the two are scheduled. No timeouts, no polling.
final class Latch: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    /// Opens the gate and wakes every waiter.
    func open() {
        let waiters = state.withLock { state in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the gate is open.
    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }
}

/// Counts steps executing at once, and the most seen.
final class Gauge: Sendable {
    private let state = Mutex<(now: Int, most: Int, byKey: [String: Int], mostByKey: [String: Int])>((0, 0, [:], [:]))

    /// Runs `body` counted, under `key`, then stays inside until `target` steps are (or a few
    /// thousand yields pass), so that steps the engine lets run together are seen together.
    func measure(key: String = "", until target: Int = 3, _ body: () -> Void = {}) async {
        state.withLock { state in
            state.now += 1
            state.most = max(state.most, state.now)
            state.byKey[key, default: 0] += 1
            state.mostByKey[key] = max(state.mostByKey[key] ?? 0, state.byKey[key] ?? 0)
        }
        body()
        for _ in 0..<5_000 {
            if state.withLock({ $0.now >= target }) { break }
            await Task.yield()
        }
        state.withLock { state in
            state.now -= 1
            state.byKey[key, default: 0] -= 1
        }
    }

    /// The most steps seen executing at once.
    var most: Int { state.withLock { $0.most } }

    /// The most steps of one key seen executing at once.
    func most(of key: String) -> Int { state.withLock { $0.mostByKey[key] ?? 0 } }
}

/// A keyed event for flow-control tests.
struct Keyed: Event {
    static let name = "test/keyed"
    var key: String
    var n: Int
    var rank: Int = 0
}
