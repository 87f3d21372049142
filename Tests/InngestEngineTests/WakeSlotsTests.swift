import Foundation
import Inngest
import InngestDI
import InngestTesting
import Synchronization
import Testing

/// New runs take at most seven eighths of the engine's slots: a run that wakes from a sleep while
/// slow new runs hold every slot they may take still starts at once.
@Suite struct WakeSlotsTests {
    struct Hold: Event {
        static let name = "test/hold"
        var n: Int
    }

    struct Napper: InngestFunction {
        static let id = "napper"
        static let trigger = Trigger.event(Ping.self)
        let woke: Latch

        func handle(_ ping: Ping, context: Context) async throws {
            try await context.step.sleep("nap", for: .seconds(1))
            try await context.step.run("after") { woke.open() }
        }
    }

    struct Holder: InngestFunction {
        static let id = "holder"
        static let trigger = Trigger.event(Hold.self)
        let started: Countdown
        let release: Latch

        func handle(_ hold: Hold, context: Context) async throws {
            try await context.step.run("hold") {
                started.count()
                await release.wait()
            }
        }
    }

    /// Opens its latch once `count()` was called `target` times.
    final class Countdown: Sendable {
        let reached = Latch()
        private let remaining: Mutex<Int>

        init(_ target: Int) { remaining = Mutex(target) }

        func count() {
            if remaining.withLock({ $0 -= 1; return $0 == 0 }) { reached.open() }
        }
    }

    @Test(.timeLimit(.minutes(1))) func aWokenRunStartsWhileNewRunsHoldTheirSlots() async throws {
        let clock = ManualClock()
        let napping = Latch()
        let woke = Latch()
        let release = Latch()
        let started = Countdown(7)
        let functions = [FunctionDefinition(handler: Napper(woke: woke)),
                         FunctionDefinition(handler: Holder(started: started, release: release))]
        let resolver = try await Container.boot(EmptyTestModule.self, rootProviders: functions.compactMap(\.handlerProvider)).rootResolver
        let engine = try EmbeddedEngine(
            functions: functions,
            configuration: EngineConfiguration(databasePath: temporaryDatabase(), concurrency: 8, logger: InngestLogger(sink: InngestLogger.discard),
                                               observer: { if $0.entry.kind == .sleeping { napping.open() } }),
            clock: clock) { _ in resolver }
        try await engine.start()
        _ = try await engine.send([InngestEvent(Ping(id: "n"))])
        await napping.wait()
        // Eight slow new runs: seven take the slots new runs may take, the eighth waits.
        for n in 0..<8 { _ = try await engine.send([InngestEvent(Hold(n: n))]) }
        await started.reached.wait()
        clock.advance(by: .seconds(1))
        // The napper's step runs in the slot kept for runs that wake, while the seven still hold theirs.
        await woke.wait()
        release.open()
        await engine.shutdown()
    }
}
