import Foundation
import Inngest
import InngestTesting
import Testing

@Suite struct RunningTests {
    @Test func stepsAreReportedInOrderWithOutputs() async throws {
        let app = try await InngestTestApp.boot(function: Pipeline(calls: Calls()))
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5))
        #expect(run.stepIds == ["load", "double", "store"])
        #expect(run.steps.map(\.output) == [.integer(5), .integer(10), .integer(11)])
        #expect(run.steps.allSatisfy { $0.tool == "step.run" && $0.attempts.count == 1 })
        #expect(try run.output(as: Int.self) == 11)
        #expect(run.attempts == 1)
        #expect(run.event?.name == OrderPlaced.name)
    }

    @Test func runUntilAStepStopsBeforeTheNextStepsBody() async throws {
        let calls = Calls()
        let app = try await InngestTestApp.boot(function: Pipeline(calls: calls))
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5), until: Pipeline.StepID.double)
        #expect(calls.all == ["load", "double attempt 0"])
        #expect(run.stepIds == ["load", "double"])
        #expect(run.stoppedAfter == "double")
        #expect(run.status == .cancelled)
        #expect(try run.step(Pipeline.StepID.double)?.output(as: Int.self) == 10)
    }

    @Test func runUntilASuspendingStepStopsAfterItResolved() async throws {
        let payments = Payments()
        let app = try await InngestTestApp.boot(function: ProcessOrder(payments: payments))
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5), until: ProcessOrder.StepID.settle)
        #expect(run.stepIds == ["charge-card", "settle"])
        #expect(run.stoppedAfter == "settle")
        #expect(app.sentEvents.isEmpty)
    }

    @Test func settleFiresEveryReachableTimer() async throws {
        let app = try await InngestTestApp.boot(function: ProcessOrder(payments: Payments()))
        try await app.send(OrderPlaced(orderId: "o-1", total: 5))
        try await app.runUntilIdle()
        #expect(try await app.runs().first?.status == .queued)
        try await app.settle()
        #expect(try await app.runs().first?.status == .completed)
    }

    @Test func settleStopsAtItsHorizon() async throws {
        let app = try await InngestTestApp.boot(function: ProcessOrder(payments: Payments()))
        let start = app.clock.now()
        try await app.send(OrderPlaced(orderId: "o-1", total: 5))
        try await app.settle(within: .hours(1))
        // The five-minute sleep passed; the day-long wait did not.
        #expect(app.clock.now().timeIntervalSince(start) == 300)
        let run = try #require(try await app.runs().first)
        #expect(run.status == .queued)
    }

    @Test func aDelayedEventStartsItsRunWhenTheClockReachesIt() async throws {
        let calls = Calls()
        let app = try await InngestTestApp.boot(function: Pipeline(calls: calls))
        let at = app.clock.now().addingTimeInterval(3_600)
        try await app.send(OrderPlaced(orderId: "o-1", total: 5), at: at)
        try await app.advance(by: .minutes(59))
        #expect(calls.all.isEmpty)
        try await app.advance(to: at)
        #expect(calls.all.count == 3)
    }

    @Test func runSettlesADelayedEvent() async throws {
        let app = try await InngestTestApp.boot(function: Pipeline(calls: Calls()))
        let at = app.clock.now().addingTimeInterval(86_400)
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5), at: at)
        #expect(run.status == .completed)
        #expect(app.clock.now() == at)
    }

    @Test func runNamesTheFunctionWhenAnEventStartsSeveral() async throws {
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [
            FunctionDefinition(handler: Pipeline(calls: Calls())), FunctionDefinition(handler: Regions()),
        ])
        await #expect(throws: TestRunError.self) { try await app.run(OrderPlaced(orderId: "o-1", total: 5)) }
        let run = try await app.run(Regions.self, OrderPlaced(orderId: "o-2", total: 5))
        #expect(run.functionId == Regions.id)
    }

    @Test func theWholeModuleGraphRunsWithOverrides() async throws {
        let payments = Payments()
        let app = try await InngestTestApp.boot(ShopModule.self, steps: [.timeout(ProcessOrder.StepID.approval)],
                                                overrides: [.value(payments)])
        let run = try await app.run(ProcessOrder.self, OrderPlaced(orderId: "o-1", total: 8))
        #expect(try run.output(as: String.self) == "expired receipt-8")
        #expect(payments.calls.all == ["charge 8"])
    }
}

/// A module as the generated wiring would register it: ProcessOrder with its Payments provider.
struct ShopModule: RegisteredFunctions {
    static var moduleDescriptor: ModuleDescriptor {
        ModuleDescriptor("ShopModule", providers: [.singleton(Payments.self) { _ in Payments() }])
    }

    static var registeredFunctions: [FunctionDefinition] {
        [FunctionDefinition(ProcessOrder.self, dependencies: [DependencyDescriptor("payments", Payments.self)]) { resolver in
            ProcessOrder(payments: try await resolver.resolve(Payments.self))
        }]
    }

    static var registeredProviders: [ProviderDescriptor] { [] }
}
