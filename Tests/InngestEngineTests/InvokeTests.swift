import Foundation
import Inngest
import InngestTesting
import Testing

struct BillRequest: Event {
    static let name = "test/bill"
    var customer: String
    var cents: Int
}

struct Receipt: Codable, Sendable, Equatable {
    var customer: String
    var charged: Int
}

/// The invoked function: charges in a step, may fail or sleep first.
struct BillCustomer: InngestFunction {
    static let id = "bill-customer"
    static let trigger = Trigger.event(BillRequest.self)
    static let options = FunctionOptions(retries: 0)
    let journal: Journal

    func handle(_ request: BillRequest, context: Context) async throws -> Receipt {
        if request.customer == "slow" { try await context.step.sleep("queue", for: .hours(2)) }
        return try await context.step.run("charge") {
            journal.add("charge \(request.customer)")
            if request.customer == "broke" { throw NonRetriableError("card declined") }
            return Receipt(customer: request.customer, charged: request.cents)
        }
    }
}

/// The invoking function: records what the invoke returned or threw.
struct Checkout: InngestFunction {
    static let id = "checkout"
    static let trigger = Trigger.event(Ping.self)
    let journal: Journal

    func handle(_ ping: Ping, context: Context) async throws -> String {
        do {
            let receipt = try await context.step.invoke("bill", BillCustomer.self, with: BillRequest(customer: ping.id, cents: 4200),
                                                        timeout: .hours(1))
            try await context.step.run("after") { journal.add("after \(receipt.charged)") }
            return "charged \(receipt.charged)"
        } catch let error as StepError {
            journal.add("invoke failed: \(error.error.name): \(error.error.message)")
            return "failed"
        }
    }
}

@Suite struct InvokeTests {
    private func boot(_ journal: Journal) async throws -> InngestTestApp {
        try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Checkout(journal: journal)),
                                                                        FunctionDefinition(handler: BillCustomer(journal: journal))])
    }

    @Test func theParentResumesWithTheInvokedRunsOutput() async throws {
        let journal = Journal()
        let app = try await boot(journal)
        try await app.send(Ping(id: "ada"))
        try await app.runUntilIdle()
        #expect(journal.all == ["charge ada", "after 4200"])
        let parent = try #require(try await app.runs(functionId: "checkout").first)
        let child = try #require(try await app.runs(functionId: "bill-customer").first)
        #expect(parent.status == .completed && parent.output == .string("charged 4200"))
        #expect(child.status == .completed && child.parentRunId == parent.runId)
        #expect(child.eventName == "inngest/function.invoked")
        let kinds = try await app.timeline(of: parent.runId).map(\.kind)
        #expect(kinds == [.runQueued, .invoking, .stepCompleted, .stepCompleted, .runCompleted])
    }

    @Test func theInvokedRunsFailureIsAStepErrorTheParentCanCatch() async throws {
        let journal = Journal()
        let app = try await boot(journal)
        try await app.send(Ping(id: "broke"))
        try await app.runUntilIdle()
        #expect(journal.all == ["charge broke", "invoke failed: NonRetriableError: card declined"])
        #expect(try await app.runs(functionId: "checkout").first?.output == .string("failed"))
        #expect(try await app.runs(functionId: "bill-customer").first?.status == .failed)
    }

    @Test func anInvokeThatTimesOutFailsWithInngestsErrorAndALateResultIsIgnored() async throws {
        let journal = Journal()
        let app = try await boot(journal)
        try await app.send(Ping(id: "slow"))
        try await app.runUntilIdle()
        try await app.advance(by: .minutes(59))
        #expect(journal.all.isEmpty)
        try await app.advance(by: .minutes(1))
        #expect(journal.all == ["invoke failed: InngestInvokeTimeoutError: Timed out waiting for invoked function to complete"])
        try await app.advance(by: .hours(1))
        #expect(journal.all.last == "charge slow", "the invoked run still finishes on its own")
        #expect(try await app.runs(functionId: "checkout").first?.output == .string("failed"))
    }

    @Test func invokingAFunctionTheEngineDoesNotHaveFailsTheStepAtOnce() async throws {
        struct Remote: InngestFunction {
            static let id = "remote"
            static let trigger = Trigger.event(Ping.self)
            let journal: Journal
            func handle(_ ping: Ping, context: Context) async throws {
                do {
                    _ = try await context.step.invoke("elsewhere", functionId: "billing-charge", data: .object(["x": .integer(1)]))
                } catch let error as StepError {
                    journal.add(error.error.name)
                }
            }
        }
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Remote(journal: journal))])
        try await app.send(Ping(id: "r"))
        try await app.runUntilIdle()
        #expect(journal.all == ["FunctionNotFound"])
    }

    @Test func cancellingTheInvokedRunFailsTheInvokeStep() async throws {
        let journal = Journal()
        let app = try await boot(journal)
        try await app.send(Ping(id: "slow"))
        try await app.runUntilIdle()
        let child = try #require(try await app.runs(functionId: "bill-customer").first)
        #expect(try await app.app.engine.cancel(runId: child.runId))
        try await app.runUntilIdle()
        #expect(journal.all.first?.hasPrefix("invoke failed: RunCancelled:") == true, "\(journal.all)")
    }

    @Test func aParentWaitingForAnInvokedRunSurvivesARestart() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        let functions = [FunctionDefinition(handler: Checkout(journal: journal)), FunctionDefinition(handler: BillCustomer(journal: journal))]
        do {
            let engine = try await makeEngine(path: path, clock: clock, functions: functions)
            try await engine.start(runLoop: false)
            _ = try await engine.send([InngestEvent(Ping(id: "slow"))])
            try await engine.runUntilIdle()  // The child sleeps two hours; the parent waits at most one.
        }
        clock.advance(by: .minutes(30))
        let engine = try await makeEngine(path: path, clock: clock, functions: functions)
        try await engine.start(runLoop: false)
        try await engine.runUntilIdle()
        #expect(journal.all.isEmpty)
        clock.advance(by: .minutes(30))
        try await engine.runUntilIdle()
        #expect(journal.all == ["invoke failed: InngestInvokeTimeoutError: Timed out waiting for invoked function to complete"])
        #expect(try await engine.runs(functionId: "bill-customer").count == 1, "the replayed invoke started no second run")
    }
}

@Suite struct InvokeMockTests {
    @Test func anInvokedFunctionCanBeMocked() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(
            EmptyTestModule.self, functions: [FunctionDefinition(handler: Checkout(journal: journal)), FunctionDefinition(handler: BillCustomer(journal: journal))],
            mocks: [.mock(BillCustomer.self) { request in Receipt(customer: request.customer, charged: 1) }])
        try await app.send(Ping(id: "mocked"))
        try await app.runUntilIdle()
        #expect(journal.all == ["after 1"], "the mock answered; the real function never charged")
    }
}
