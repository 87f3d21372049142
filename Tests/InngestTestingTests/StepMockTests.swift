import Inngest
import InngestTesting
import Testing

@Suite struct StepMockTests {
    @Test func aMockedStepReturnsTheMockAndItsBodyDoesNotRun() async throws {
        let payments = Payments()
        let app = try await InngestTestApp.boot(function: ProcessOrder(payments: payments),
                                                steps: [.step(ProcessOrder.StepID.chargeCard, returning: "mocked-receipt"),
                                                        .event(ProcessOrder.StepID.approval, OrderApproved(orderId: "o-1"))])
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 42))
        #expect(payments.calls.all.isEmpty)
        #expect(try run.output(as: String.self) == "shipped mocked-receipt")
        #expect(run.step(ProcessOrder.StepID.chargeCard)?.isMocked == true)
        #expect(try run.step(ProcessOrder.StepID.chargeCard)?.output(as: String.self) == "mocked-receipt")
    }

    @Test func anUnmockedStepRunsItsBody() async throws {
        let payments = Payments()
        let app = try await InngestTestApp.boot(function: ProcessOrder(payments: payments),
                                                steps: [.event(ProcessOrder.StepID.approval, OrderApproved(orderId: "o-1"))])
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 42))
        #expect(payments.calls.all == ["charge 42"])
        #expect(try run.output(as: String.self) == "shipped receipt-42")
        #expect(run.step(ProcessOrder.StepID.chargeCard)?.isMocked == false)
    }

    @Test func aMockOfAnotherFunctionsStepDoesNotApply() async throws {
        let calls = Calls()
        let app = try await InngestTestApp.boot(function: Pipeline(calls: calls),
                                                steps: [.step(named: "load", in: "some-other-function", returning: 1000)])
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5))
        #expect(try run.output(as: Int.self) == 11)
        #expect(calls.all.first == "load")
    }

    @Test func dynamicIdsAreMockedByString() async throws {
        let app = try await InngestTestApp.boot(function: Regions(), steps: [.step(named: "price-us", in: Regions.id, returning: "mock us")])
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5))
        #expect(try run.output(as: [String].self) == ["live eu", "mock us"])
        #expect(run.stepIds == ["price-eu", "price-us"])
    }

    @Test func aMockWithoutFunctionAppliesToEveryFunction() async throws {
        let app = try await InngestTestApp.boot(function: Regions(), steps: [.step(named: "price-eu", returning: "any eu")])
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5))
        #expect(try run.output(as: [String].self) == ["any eu", "live us"])
    }

    @Test func aLaterMockReplacesAnEarlierOne() async throws {
        let calls = Calls()
        let app = try await InngestTestApp.boot(function: Pipeline(calls: calls), steps: [.step(Pipeline.StepID.load, returning: 1)])
        app.mock(.step(Pipeline.StepID.load, returning: 10))
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5))
        #expect(try run.output(as: Int.self) == 21)
    }

    @Test func aMockOfTheWrongTypeFailsTheRunSayingSo() async throws {
        let calls = Calls()
        let app = try await InngestTestApp.boot(function: Pipeline(calls: calls), steps: [.step(Pipeline.StepID.load, returning: "not a number")])
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5))
        #expect(run.status == .failed)
        let message = try #require(run.error?.message)
        #expect(message.contains("step \"load\""))
        #expect(message.contains("A mock of the step must return a Int"))
        #expect(throws: TestRunError.self) { try run.output(as: Int.self) }
    }

    @Test func aMockedSleepDoesNotWait() async throws {
        let app = try await InngestTestApp.boot(function: ProcessOrder(payments: Payments()),
                                                steps: [.step(ProcessOrder.StepID.settle), .timeout(ProcessOrder.StepID.approval)])
        let start = app.clock.now()
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 3))
        #expect(try run.output(as: String.self) == "expired receipt-3")
        #expect(app.clock.now() == start)
    }

    @Test func aMockedSendEventSendsNothing() async throws {
        let app = try await InngestTestApp.boot(function: ProcessOrder(payments: Payments()),
                                                steps: [.step(ProcessOrder.StepID.announce), .event(ProcessOrder.StepID.approval, OrderApproved(orderId: "o-1"))])
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 3))
        #expect(run.status == .completed)
        #expect(app.sentEvents.isEmpty)
        #expect(try await app.app.engine.events(name: OrderShipped.name).isEmpty)
    }
}
