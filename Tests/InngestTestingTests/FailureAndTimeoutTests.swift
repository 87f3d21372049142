import Inngest
import InngestTesting
import Testing

@Suite struct FailureAndTimeoutTests {
    @Test func aFailedRunStartsItsFailureHandler() async throws {
        let calls = Calls()
        let app = try await InngestTestApp.boot(function: Doomed(calls: calls))
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5))
        #expect(run.status == .failed)
        #expect(run.step(named: "explode")?.attempts.count == 2)
        let failure = try #require(run.failureRun)
        #expect(failure.functionId == "doomed-failure")
        #expect(failure.status == .completed)
        #expect(failure.stepIds == ["refund"])
        #expect(calls.all == ["explode attempt 0", "explode attempt 1", "refund o-1"])
    }

    @Test func aCompletedRunHasNoFailureRun() async throws {
        let app = try await InngestTestApp.boot(function: Pipeline(calls: Calls()))
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5))
        #expect(run.failureRun == nil)
    }

    @Test func aFinishTimeoutCancelsASleepingRun() async throws {
        let app = try await InngestTestApp.boot(function: Napper())
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5))
        #expect(run.status == .cancelled)
        #expect(run.stepIds == ["nap"])
    }

    @Test func aCancelOnEventCancelsAWaitingRun() async throws {
        let app = try await InngestTestApp.boot(function: Cancellable())
        let placed = try await app.send(OrderPlaced(orderId: "o-1", total: 5))
        try await app.runUntilIdle()
        try await app.send(OrderCancelled(orderId: "o-1"))
        try await app.settle()
        let run = try #require(try await app.runs(startedBy: placed).first)
        #expect(run.status == .cancelled)
        #expect(run.failureRun == nil)
    }

    @Test func aTestCanCancelASleepingRun() async throws {
        let app = try await InngestTestApp.boot(function: Cancellable())
        let placed = try await app.send(OrderPlaced(orderId: "o-1", total: 5))
        try await app.runUntilIdle()
        let queued = try #require(try await app.runs(startedBy: placed).first)
        #expect(try await app.cancel(queued.runId))
        try await app.settle()
        #expect(try await app.run(id: queued.runId).status == .cancelled)
    }
}

/// Sleeps a day under a one-hour finish timeout.
struct Napper: InngestFunction {
    static let id = "napper"
    static let trigger = Trigger.event(OrderPlaced.self)
    static let options = FunctionOptions(timeouts: Timeouts(finish: .hours(1)))

    func handle(_ order: OrderPlaced, context: Context) async throws {
        try await context.step.sleep("nap", for: .hours(24))
        try await context.step.run("after") {}
    }
}

/// Waits a week; an `OrderCancelled` for its order cancels it.
struct Cancellable: InngestFunction {
    static let id = "cancellable"
    static let trigger = Trigger.event(OrderPlaced.self)
    static let options = FunctionOptions(cancelOn: [.event(OrderCancelled.self, match: \.orderId)])

    func handle(_ order: OrderPlaced, context: Context) async throws {
        try await context.step.sleep("wait", for: .days(7))
    }
}
