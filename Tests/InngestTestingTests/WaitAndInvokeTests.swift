import Foundation
import Inngest
import InngestTesting
import Testing

@Suite struct WaitAndInvokeTests {
    @Test func aMockedWaitReceivesTheEvent() async throws {
        let app = try await InngestTestApp.boot(function: ProcessOrder(payments: Payments()),
                                                steps: [.event(ProcessOrder.StepID.approval, OrderApproved(orderId: "o-1"))])
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 7))
        #expect(try run.output(as: String.self) == "shipped receipt-7")
        let approval = try #require(run.step(ProcessOrder.StepID.approval))
        #expect(approval.isMocked)
        #expect(approval.output?["name"]?.stringValue == OrderApproved.name)
    }

    @Test func aMockedTimeoutReturnsNil() async throws {
        let app = try await InngestTestApp.boot(function: ProcessOrder(payments: Payments()),
                                                steps: [.timeout(ProcessOrder.StepID.approval)])
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 7))
        #expect(try run.output(as: String.self) == "expired receipt-7")
    }

    @Test func anUnmockedWaitTimesOutOnTheManualClock() async throws {
        let app = try await InngestTestApp.boot(function: ProcessOrder(payments: Payments()))
        let start = app.clock.now()
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 7))
        #expect(try run.output(as: String.self) == "expired receipt-7")
        // Five minutes of settling, then the day of waiting.
        #expect(app.clock.now().timeIntervalSince(start) == 300 + 86_400)
        #expect(run.step(ProcessOrder.StepID.approval)?.output == .null)
        #expect(run.stepIds == ["charge-card", "settle", "approval"])
    }

    @Test func anUnmockedWaitReceivesAnEventTheTestSends() async throws {
        let app = try await InngestTestApp.boot(function: ProcessOrder(payments: Payments()))
        let placed = try await app.send(OrderPlaced(orderId: "o-1", total: 7))
        try await app.runUntilIdle()                 // charges, starts the sleep
        try await app.advance(by: .minutes(5))       // the sleep ends, the wait starts
        try await app.send(OrderApproved(orderId: "o-1"))
        try await app.settle()
        let run = try #require(try await app.runs(startedBy: placed).first)
        #expect(try run.output(as: String.self) == "shipped receipt-7")
        #expect(run.step(ProcessOrder.StepID.approval)?.output?["data"]?["orderId"]?.stringValue == "o-1")
    }

    @Test func anInvokeIsMockedByItsStepId() async throws {
        let calls = Calls()
        let app = try await InngestTestApp.boot(EmptyTestModule.self,
                                                functions: [FunctionDefinition(handler: Checkout()), FunctionDefinition(handler: ChargeCustomer(calls: calls))],
                                                steps: [.step(Checkout.StepID.charge, returning: "mocked charge")])
        let run = try await app.run(Checkout.self, OrderPlaced(orderId: "o-1", total: 7))
        #expect(try run.output(as: String.self) == "mocked charge")
        #expect(calls.all.isEmpty)
        #expect(try await app.runs(functionId: ChargeCustomer.id).isEmpty)
    }

    @Test func anInvokedFunctionIsMockedAsItsOwnRun() async throws {
        let calls = Calls()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Checkout())],
                                                mocks: [.mock(ChargeCustomer.self) { approved in "stand-in for \(approved.orderId)" }])
        let run = try await app.run(Checkout.self, OrderPlaced(orderId: "o-1", total: 7))
        #expect(try run.output(as: String.self) == "stand-in for o-1")
        #expect(try await app.runs(functionId: ChargeCustomer.id).first?.status == .completed)
        #expect(calls.all.isEmpty)
    }

    @Test func anInvokeRunsTheRealFunctionWhenNotMocked() async throws {
        let calls = Calls()
        let app = try await InngestTestApp.boot(EmptyTestModule.self,
                                                functions: [FunctionDefinition(handler: Checkout()), FunctionDefinition(handler: ChargeCustomer(calls: calls))])
        let run = try await app.run(Checkout.self, OrderPlaced(orderId: "o-1", total: 7))
        #expect(try run.output(as: String.self) == "real")
        #expect(calls.all == ["real charge o-1"])
        #expect(run.step(Checkout.StepID.charge)?.tool == "step.invoke")
        #expect(run.step(Checkout.StepID.charge)?.output == .string("real"))
    }
}
