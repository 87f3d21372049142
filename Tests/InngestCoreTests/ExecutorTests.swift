import Foundation
import InngestCore
import Synchronization
import Testing

@Suite struct ExecutorTests {
    @Test func firstNewStepRunsAndIsReportedAsStepRun() async throws {
        let counter = Counter()
        let fn = function { context in
            let a = try await context.step.run("a") { counter.hit("a"); return 1 }
            let b = try await context.step.run("b") { counter.hit("b"); return a + 1 }
            return .integer(Int64(b))
        }
        let outcome = await Executor.execute(fn, request: request(), resolver: try await emptyResolver())
        #expect(outcome == .ops([GeneratorOp(op: .stepRun, id: StepIdentifier.hash("a"), name: "a", data: .integer(1))], retryAfter: nil))
        #expect(counter["a"] == 1 && counter["b"] == 0)
    }

    @Test func memoizedStepsAreNotRunAgain() async throws {
        let counter = Counter()
        let fn = function { context in
            let a = try await context.step.run("a") { counter.hit("a"); return 1 }
            let b = try await context.step.run("b") { counter.hit("b"); return a + 1 }
            return .integer(Int64(b))
        }
        let memo: [String: StepMemo] = [StepIdentifier.hash("a"): .data(.integer(41))]
        let outcome = await Executor.execute(fn, request: request(memo: memo), resolver: try await emptyResolver())
        #expect(outcome == .ops([GeneratorOp(op: .stepRun, id: StepIdentifier.hash("b"), name: "b", data: .integer(42))], retryAfter: nil))
        #expect(counter["a"] == 0)
        let done = await Executor.execute(fn, request: request(memo: memo.merging([StepIdentifier.hash("b"): .data(.integer(42))]) { $1 }),
                                          resolver: try await emptyResolver())
        #expect(done == .completed(.integer(42)))
    }

    @Test func repeatedStepIdsAreNumberedLikeInngest() async throws {
        let seen = Mutex([String]())
        let fn = function { context in
            for _ in 0..<3 { _ = try await context.step.run("item") { 0 } }
            return .null
        }
        let checkpoint: Checkpoint = { op in seen.withLock { $0.append(op.id) } }
        let outcome = await Executor.execute(fn, request: request(), resolver: try await emptyResolver(), checkpoint: checkpoint)
        #expect(outcome == .completed(.null))
        #expect(seen.withLock { $0 } == [StepIdentifier.hash("item"), StepIdentifier.hash("item:1"), StepIdentifier.hash("item:2")])
        #expect(StepIdentifier.hash("item", occurrence: 1) == "c1606908a12ad4caef5f90e9fcfe3b4d1253a1a8")
        #expect(StepIdentifier.hash("my-step-id") == "e7d8a2f140845095749d60246ff1110c9d01d76a")
    }

    @Test func inlineModeCheckpointsEachStepBeforeContinuing() async throws {
        let log = Mutex([String]())
        let fn = function { context in
            let a = try await context.step.run("a") { log.withLock { $0.append("run a") }; return "x" }
            let b = try await context.step.run("b") { log.withLock { $0.append("run b") }; return a + "y" }
            return .string(b)
        }
        let checkpoint: Checkpoint = { op in log.withLock { $0.append("saved \(op.name)=\(op.data?.jsonString ?? "")") } }
        let outcome = await Executor.execute(fn, request: request(), resolver: try await emptyResolver(), checkpoint: checkpoint)
        #expect(outcome == .completed(.string("xy")))
        #expect(log.withLock { $0 } == ["run a", "saved a=\"x\"", "run b", "saved b=\"xy\""])
    }

    @Test func failingStepWithRetriesLeftReportsStepError() async throws {
        let fn = function { context in
            try await context.step.run("charge") { throw Boom() }
            return .null
        }
        let outcome = await Executor.execute(fn, request: request(attempt: 0, maxAttempts: 3), resolver: try await emptyResolver(),
                                             checkpoint: { _ in })
        guard case .ops(let ops, _) = outcome else { Issue.record("expected ops, got \(outcome)"); return }
        #expect(ops.map(\.op) == [.stepError])
        #expect(ops.first?.error == SerializedError(name: "Boom", message: "boom"))
    }

    @Test func failingStepOnLastAttemptSurfacesStepErrorInHandler() async throws {
        let fn = function { context in
            do {
                try await context.step.run("charge") { throw Boom() }
                return .string("unreachable")
            } catch let error as StepError {
                return .string("recovered from \(error.stepId): \(error.error.message)")
            }
        }
        let saved = Mutex([GeneratorOp]())
        let outcome = await Executor.execute(fn, request: request(attempt: 2, maxAttempts: 3), resolver: try await emptyResolver(),
                                             checkpoint: { op in saved.withLock { $0.append(op) } })
        #expect(outcome == .completed(.string("recovered from charge: boom")))
        #expect(saved.withLock { $0.map(\.op) } == [.stepFailed])
    }

    @Test func nonRetriableStepErrorFailsAtOnceAndUnhandledStepErrorFailsTheRun() async throws {
        let fn = function { context in
            try await context.step.run("validate") { throw NonRetriableError("bad input") }
            return .null
        }
        let outcome = await Executor.execute(fn, request: request(attempt: 0, maxAttempts: 5), resolver: try await emptyResolver(),
                                             checkpoint: { _ in })
        #expect(outcome == .failed(SerializedError(name: "NonRetriableError", message: "bad input"), retriable: false, retryAfter: nil))
    }

    @Test func retryAfterErrorCarriesItsTime() async throws {
        let clock = FixedClock(date: Date(timeIntervalSince1970: 2_000_000_000))
        let when = clock.date.addingTimeInterval(600)
        let fn = function { context in
            try await context.step.run("call-api") { throw RetryAfterError("rate limited", at: when) }
            return .null
        }
        let outcome = await Executor.execute(fn, request: request(), resolver: try await emptyResolver(), checkpoint: { _ in }, clock: clock)
        guard case .ops(let ops, let retryAfter) = outcome else { Issue.record("expected ops"); return }
        #expect(ops.map(\.op) == [.stepError])
        #expect(retryAfter == when)
        let body = function { _ in throw RetryAfterError("later", at: when) }
        #expect(await Executor.execute(body, request: request(), resolver: try await emptyResolver(), clock: clock)
                == .failed(SerializedError(name: "RetryAfterError", message: "later"), retriable: true, retryAfter: when))
    }

    @Test func retryAfterADelayCountsFromTheExecutorsClockAndIsClampedAsInngestDoes() async throws {
        let clock = FixedClock(date: Date(timeIntervalSince1970: 2_000_000_000))
        for (delay, expected) in [(Duration.seconds(3_600), 3_600.0), (.milliseconds(10), 1), (.seconds(-5), 1), (.seconds(400_000), 86_400)] {
            let fn = function { _ in throw RetryAfterError("later", after: delay) }
            let outcome = await Executor.execute(fn, request: request(), resolver: try await emptyResolver(), clock: clock)
            #expect(outcome == .failed(SerializedError(name: "RetryAfterError", message: "later"), retriable: true,
                                       retryAfter: clock.date.addingTimeInterval(expected)), "delay \(delay)")
        }
        let far = function { _ in throw RetryAfterError("later", at: .distantFuture) }
        #expect(await Executor.execute(far, request: request(), resolver: try await emptyResolver(), clock: clock)
                == .failed(SerializedError(name: "RetryAfterError", message: "later"), retriable: true,
                           retryAfter: clock.date.addingTimeInterval(86_400)))
    }

    @Test func ordinaryErrorsAreRetriable() async throws {
        let fn = function { _ in throw Boom() }
        #expect(await Executor.execute(fn, request: request(), resolver: try await emptyResolver())
                == .failed(SerializedError(name: "Boom", message: "boom"), retriable: true, retryAfter: nil))
    }

    @Test func sleepIsReportedWithInngestsDurationAndAnsweredFromMemo() async throws {
        let fn = function { context in
            try await context.step.sleep("nap", for: .seconds(90))
            return .string("awake")
        }
        let outcome = await Executor.execute(fn, request: request(), resolver: try await emptyResolver(), checkpoint: { _ in })
        #expect(outcome == .ops([GeneratorOp(op: .sleep, id: StepIdentifier.hash("nap"), name: "nap",
                                             opts: .object(["duration": .string("1m30s")]))], retryAfter: nil))
        let woke = await Executor.execute(fn, request: request(memo: [StepIdentifier.hash("nap"): .value(.null)]),
                                          resolver: try await emptyResolver(), checkpoint: { _ in })
        #expect(woke == .completed(.string("awake")))
    }

    @Test func catchingTheInterruptDoesNotHideTheOp() async throws {
        let fn = function { context in
            _ = try? await context.step.sleep("nap", for: .seconds(1))
            return .string("should not complete")
        }
        let outcome = await Executor.execute(fn, request: request(), resolver: try await emptyResolver(), checkpoint: { _ in })
        guard case .ops(let ops, _) = outcome else { Issue.record("expected ops, got \(outcome)"); return }
        #expect(ops.map(\.op) == [.sleep])
    }

    @Test func targetedCallRunsOnlyTheTargetStep() async throws {
        let counter = Counter()
        let fn = function { context in
            _ = try await context.step.run("a") { counter.hit("a"); return 1 }
            return .null
        }
        let missing = await Executor.execute(fn, request: request(target: StepIdentifier.hash("zzz")), resolver: try await emptyResolver())
        guard case .failed(let error, true, nil) = missing else { Issue.record("expected a retriable failure"); return }
        #expect(error.name == "StepNotFound")
        #expect(counter["a"] == 0)
    }

    @Test func nestedStepsAreRejected() async throws {
        let fn = function { context in
            _ = try await context.step.run("outer") {
                try await context.step.run("inner") { 1 }
            }
            return .null
        }
        let outcome = await Executor.execute(fn, request: request(attempt: 4, maxAttempts: 5), resolver: try await emptyResolver(), checkpoint: { _ in })
        guard case .failed(let error, false, _) = outcome else { Issue.record("expected a non-retriable failure, got \(outcome)"); return }
        #expect(error.message.contains("nested") || error.message.contains("inside another step"))
    }

    @Test func oversizedStepOutputFailsTheStepForGood() async throws {
        let fn = function { context in
            do {
                _ = try await context.step.run("huge") { String(repeating: "x", count: 4 * 1024 * 1024 + 1) }
                return .string("unreachable")
            } catch let error as StepError {
                return .string(error.error.message)
            }
        }
        let saved = Mutex([GeneratorOp]())
        let outcome = await Executor.execute(fn, request: request(attempt: 0, maxAttempts: 5), resolver: try await emptyResolver(),
                                             checkpoint: { op in saved.withLock { $0.append(op) } })
        guard case .completed(.string(let message)) = outcome else { Issue.record("expected completion, got \(outcome)"); return }
        #expect(message.contains("Inngest accepts at most 4194304 (4 MiB) per step"))
        #expect(saved.withLock { $0.map(\.op) } == [.stepFailed], "not retried")
    }

    @Test func changedStepResultTypeFailsClearly() async throws {
        let fn = function { context in
            let value: Int = try await context.step.run("a") { 1 }
            return .integer(Int64(value))
        }
        let outcome = await Executor.execute(fn, request: request(memo: [StepIdentifier.hash("a"): .data(.string("not a number"))]),
                                             resolver: try await emptyResolver())
        guard case .failed(let error, false, _) = outcome else { Issue.record("expected a non-retriable failure, got \(outcome)"); return }
        #expect(error.message.contains("does not decode into Int"))
    }

    @Test func loggerIsSilentWhileCompletedStepsReplay() async throws {
        let lines = Mutex([String]())
        let logger = InngestLogger(sink: { _, message, _ in lines.withLock { $0.append(message) } })
        let fn = function { context in
            context.logger.info("starting")
            _ = try await context.step.run("a") { 1 }
            context.logger.info("after a")
            try await context.step.sleep("nap", for: .seconds(5))
            context.logger.info("after nap")
            return .null
        }
        _ = await Executor.execute(fn, request: request(), resolver: try await emptyResolver(), checkpoint: { _ in }, logger: logger)
        #expect(lines.withLock { $0 } == ["starting", "after a"])
        let memo: [String: StepMemo] = [StepIdentifier.hash("a"): .data(.integer(1)), StepIdentifier.hash("nap"): .value(.null)]
        _ = await Executor.execute(fn, request: request(memo: memo), resolver: try await emptyResolver(), checkpoint: { _ in }, logger: logger)
        #expect(lines.withLock { $0 } == ["starting", "after a", "after nap"], "the replay logs only what is new")
    }

    @Test func waitForEventIsReportedAndAnsweredWithTheEventOrNil() async throws {
        struct Approved: Event { static let name = "test/approved"; var id: String }
        let fn = function { context in
            let approval = try await context.step.waitForEvent("approval", Approved.self, match: \.id, if: "async.data.ok == true",
                                                               timeout: .hours(24))
            return .string(approval?.id ?? "timed out")
        }
        let hash = StepIdentifier.hash("approval")
        #expect(await Executor.execute(fn, request: request(), resolver: try await emptyResolver()) == .ops([GeneratorOp(
            op: .waitForEvent, id: hash, name: "approval", opts: .object([
                "event": .string("test/approved"), "timeout": .string("24h"),
                "if": .string("event.data.id == async.data.id && (async.data.ok == true)"),
            ]))], retryAfter: nil))
        let event = InngestEvent(name: "test/approved", data: .object(["id": .string("a-1")]), id: "01E", ts: 1).jsonValue
        #expect(await Executor.execute(fn, request: request(memo: [hash: .value(event)]), resolver: try await emptyResolver())
                == .completed(.string("a-1")))
        #expect(await Executor.execute(fn, request: request(memo: [hash: .value(.null)]), resolver: try await emptyResolver())
                == .completed(.string("timed out")))
    }

    @Test func invokeIsReportedWithInngestsOpts() async throws {
        struct Approved: Event { static let name = "test/approved"; var id: String }
        struct Child: InngestFunction {
            static let id = "child"
            static let trigger = Trigger.event(Approved.self)
            func handle(_ input: Approved, context: Context) async throws -> String { input.id }
        }
        let invoking = function { context in
            .string(try await context.step.invoke("call-child", Child.self, with: Approved(id: "x"), timeout: .minutes(90)))
        }
        var call = request()
        call.appId = "shop"
        let outcome = await Executor.execute(invoking, request: call, resolver: try await emptyResolver())
        #expect(outcome == .ops([GeneratorOp(op: .invokeFunction, id: StepIdentifier.hash("call-child"), name: "call-child", opts: .object([
            "function_id": .string("shop-child"), "payload": .object(["data": .object(["id": .string("x")])]), "timeout": .string("1h30m"),
        ]))], retryAfter: nil))
        let done = await Executor.execute(invoking, request: request(memo: [StepIdentifier.hash("call-child"): .data(.string("x"))]),
                                          resolver: try await emptyResolver())
        #expect(done == .completed(.string("x")))
        let failed = await Executor.execute(invoking, request: request(memo: [StepIdentifier.hash("call-child"): .error(SerializedError(name: "E", message: "m"))]),
                                            resolver: try await emptyResolver())
        guard case .failed(let error, false, _) = failed else { Issue.record("expected an unhandled StepError, got \(failed)"); return }
        #expect(error.name == "E")
    }

    @Test func sendEventIsAMemoizedStepWithDerivedIds() async throws {
        final class Recorder: EventSending {
            let sent = Mutex<[InngestEvent]>([])
            func send(_ events: [InngestEvent]) async throws -> [String] {
                sent.withLock { $0 += events }
                return events.map { $0.id ?? "?" }
            }
        }
        struct Shipped: Event { static let name = "test/shipped"; var orderId: String }
        let recorder = Recorder()
        let fn = function { context in
            let id = try await context.step.sendEvent("notify", Shipped(orderId: "o-1"))
            return .string(id)
        }
        let outcome = await Executor.execute(fn, request: request(), resolver: try await emptyResolver(), checkpoint: { _ in }, events: recorder)
        let sent = recorder.sent.withLock { $0 }
        #expect(sent.count == 1)
        #expect(sent.first?.name == "test/shipped")
        #expect(outcome == .completed(.string(sent.first?.id ?? "")))
        #expect(sent.first?.id?.hasPrefix("run-1-") == true)
    }
}
