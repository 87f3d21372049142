import Foundation
import Inngest
import InngestTesting
import Testing

struct OrderCancelled: Event {
    static let name = "test/order.cancelled"
    var orderId: String
}

/// Charges, then waits a day before shipping; cancelled by its order's cancellation; alerts on failure.
struct Fulfil: InngestFunction, OnFailure {
    static let id = "fulfil"
    static let trigger = Trigger.event(OrderPlaced.self)
    static let options = FunctionOptions(retries: 1, cancelOn: [.event(OrderCancelled.self, match: \.orderId)])
    let journal: Journal

    func handle(_ order: OrderPlaced, context: Context) async throws {
        try await context.step.run("charge") {
            journal.add("charge \(order.orderId)")
            if order.cents < 0 { throw NonRetriableError("negative amount") }
        }
        try await context.step.sleep("cool-off", for: .hours(24))
        try await context.step.run("ship") { journal.add("ship \(order.orderId)") }
    }

    func onFailure(_ failure: FunctionFailure<OrderPlaced>, context: Context) async throws {
        try await context.step.run("alert") {
            journal.add("alert \(failure.input.orderId) \(failure.functionId): \(failure.error.message)")
        }
    }
}

@Suite struct FailureAndCancelTests {
    private func boot(_ journal: Journal) async throws -> InngestTestApp {
        try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Fulfil(journal: journal))])
    }

    @Test func aRunThatFailsForGoodStartsItsFailureHandlerOnce() async throws {
        let journal = Journal()
        let app = try await boot(journal)
        try await app.send(OrderPlaced(orderId: "bad", cents: -1))
        try await app.runUntilIdle()
        #expect(journal.all == ["charge bad", "alert bad test-fulfil: negative amount"])
        let handler = try #require(try await app.runs(functionId: "fulfil-failure").first)
        #expect(handler.status == .completed && handler.eventName == "inngest/function.failed")
        #expect(try await app.runs(functionId: "fulfil").first?.status == .failed)
        try await app.advance(by: .days(2))
        #expect(journal.all.count == 2, "the handler runs once and its own success sends nothing")
    }

    @Test func anInvokedRunThatFailsStartsItsFailureHandlerToo() async throws {
        struct Caller: InngestFunction {
            static let id = "caller"
            static let trigger = Trigger.event(Ping.self)
            func handle(_ ping: Ping, context: Context) async throws {
                _ = try? await context.step.invoke("fulfil", Fulfil.self, with: OrderPlaced(orderId: "inv", cents: -5))
            }
        }
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Fulfil(journal: journal)),
                                                                                  FunctionDefinition(handler: Caller())])
        try await app.send(Ping(id: "p"))
        try await app.runUntilIdle()
        #expect(journal.all == ["charge inv", "alert inv test-fulfil: negative amount"])
    }

    @Test func aMatchingEventCancelsASleepingRunAndOthersDoNot() async throws {
        let journal = Journal()
        let app = try await boot(journal)
        try await app.send(OrderPlaced(orderId: "a", cents: 10))
        try await app.send(OrderPlaced(orderId: "b", cents: 10))
        try await app.runUntilIdle()
        try await app.send(OrderCancelled(orderId: "a"))
        try await app.advance(by: .days(1))
        #expect(Set(journal.all) == ["charge a", "charge b", "ship b"])
        let runs = try await app.runs(functionId: "fulfil")
        #expect(runs.first { $0.status == .cancelled } != nil)
        #expect(try await app.runs(functionId: "fulfil-failure").isEmpty, "a cancelled run is not a failure")
    }

    @Test func aCancellationQueuedBeforeTheRunStartsStopsItBeforeItsFirstStep() async throws {
        let journal = Journal()
        let app = try await boot(journal)
        try await app.send(OrderPlaced(orderId: "q", cents: 10))
        try await app.send(OrderCancelled(orderId: "q"))
        try await app.runUntilIdle()
        #expect(journal.all.isEmpty)
    }

    @Test func aCancelOnConditionThatDoesNotParseIsRefusedAtBoot() async throws {
        let bad = FunctionDefinition(id: "bad", trigger: .event(name: "a/b"), options: FunctionOptions(cancelOn: [.event(named: "c/d", if: "size(async.data.x) > 0")]),
                                     body: { _, _ in .null })
        await #expect { try await InngestTestApp.boot(EmptyTestModule.self, functions: [bad]) } throws: { error in
            (error as? EngineError)?.code == .invalidExpression
        }
    }
}
