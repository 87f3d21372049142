import Foundation
import Inngest
import InngestTesting
import Synchronization
import Testing

@Suite struct RetryTests {
    struct Flaky: Error {}

    @Test func aThrowingMockIsRetriedWithAttemptNumbersThenSucceeds() async throws {
        let calls = Calls()
        let app = try await InngestTestApp.boot(function: Pipeline(calls: calls), steps: [
            .step(Pipeline.StepID.double) { call -> Int in
                if call.attempt < 2 { throw Flaky() }
                return 100
            },
        ])
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5))
        #expect(try run.output(as: Int.self) == 101)
        let double = try #require(run.step(Pipeline.StepID.double))
        #expect(double.attempts.map(\.number) == [0, 1, 2])
        #expect(double.attempts.map { $0.error != nil } == [true, true, false])
        #expect(run.attempts == 3)
        #expect(run.stepIds == ["load", "double", "store"])
        #expect(calls.all == ["load", "store"])
    }

    @Test func retriesWaitTheBackoffOnTheManualClock() async throws {
        let times = Mutex([Date]())
        let clock = ManualClock()
        let app = try await InngestTestApp.boot(function: Pipeline(calls: Calls()), steps: [
            .step(Pipeline.StepID.double) { call -> Int in
                times.withLock { $0.append(clock.now()) }
                if call.attempt < 2 { throw Flaky() }
                return 1
            },
        ], clock: clock, retryPolicy: RetryPolicy(initialDelay: .seconds(10), multiplier: 3, jitter: 0))
        _ = try await app.run(OrderPlaced(orderId: "o-1", total: 5))
        let seen = times.withLock { $0 }
        #expect(seen.count == 3)
        #expect(zip(seen, seen.dropFirst()).map { $1.timeIntervalSince($0) } == [10, 30])
    }

    @Test func exhaustedRetriesFailTheStepAndTheRun() async throws {
        let app = try await InngestTestApp.boot(function: Pipeline(calls: Calls()),
                                                steps: [.step(Pipeline.StepID.double, throwing: Flaky())])
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5))
        #expect(run.status == .failed)
        // retries: 2 → three attempts.
        #expect(run.step(Pipeline.StepID.double)?.attempts.count == 3)
        #expect(run.step(Pipeline.StepID.store) == nil)
        #expect(run.error?.name == "Flaky")
    }

    @Test func aNonRetriableErrorFailsAtOnce() async throws {
        let app = try await InngestTestApp.boot(function: Pipeline(calls: Calls()),
                                                steps: [.step(Pipeline.StepID.double, throwing: NonRetriableError("card declined"))])
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5))
        #expect(run.status == .failed)
        #expect(run.step(Pipeline.StepID.double)?.attempts.count == 1)
        #expect(run.attempts == 1)
        #expect(run.step(Pipeline.StepID.double)?.error?.message.contains("card declined") == true)
    }

    @Test func aRetryAfterErrorRetriesAtItsTime() async throws {
        let times = Mutex([Date]())
        let clock = ManualClock()
        let app = try await InngestTestApp.boot(function: Pipeline(calls: Calls()), steps: [
            .step(Pipeline.StepID.double) { call -> Int in
                times.withLock { $0.append(clock.now()) }
                if call.attempt == 0 { throw RetryAfterError("rate limited", after: .minutes(7)) }
                return 1
            },
        ], clock: clock)
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5))
        #expect(run.status == .completed)
        let seen = times.withLock { $0 }
        #expect(zip(seen, seen.dropFirst()).map { $1.timeIntervalSince($0) } == [420])
    }
}
