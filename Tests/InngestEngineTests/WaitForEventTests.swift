import Foundation
import Inngest
import InngestTesting
import Testing

struct OrderPlaced: Event {
    static let name = "test/order.placed"
    var orderId: String
    var cents: Int
}

struct OrderApproved: Event {
    static let name = "test/order.approved"
    var orderId: String
    var by: String
}

/// Waits for the approval of its own order, for a day.
struct AwaitApproval: InngestFunction {
    static let id = "await-approval"
    static let trigger = Trigger.event(OrderPlaced.self)
    let journal: Journal

    func handle(_ order: OrderPlaced, context: Context) async throws -> String {
        try await context.step.run("placed") { journal.add("placed \(order.orderId)") }
        let approval = try await context.step.waitForEvent("approval", OrderApproved.self, match: \.orderId,
                                                           if: "async.data.by != \"bot\" || event.data.cents < 100", timeout: .hours(24))
        let outcome = approval.map { "approved by \($0.by)" } ?? "timed out"
        try await context.step.run("finish") { journal.add("\(order.orderId) \(outcome)") }
        return outcome
    }
}

@Suite struct WaitForEventTests {
    private func boot(_ journal: Journal) async throws -> InngestTestApp {
        try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: AwaitApproval(journal: journal))])
    }

    @Test func aMatchingEventResolvesTheWaitAndOthersDoNot() async throws {
        let journal = Journal()
        let app = try await boot(journal)
        try await app.send(OrderApproved(orderId: "o-1", by: "early"))  // Before the wait starts: it does not count.
        try await app.send(OrderPlaced(orderId: "o-1", cents: 5000))
        try await app.runUntilIdle()
        #expect(journal.all == ["placed o-1"])
        try await app.send(OrderApproved(orderId: "o-2", by: "ann"))   // Another order.
        try await app.send(OrderApproved(orderId: "o-1", by: "bot"))   // The condition refuses bots for big orders.
        try await app.runUntilIdle()
        #expect(journal.all == ["placed o-1"])
        try await app.send(OrderApproved(orderId: "o-1", by: "ann"))
        try await app.runUntilIdle()
        #expect(journal.all == ["placed o-1", "o-1 approved by ann"])
        let run = try #require(try await app.runs().first)
        #expect(run.status == .completed && run.output == .string("approved by ann"))
        #expect(try await app.timeline(of: run.runId).map(\.kind) == [.runQueued, .stepCompleted, .waiting, .stepCompleted, .stepCompleted, .runCompleted])
    }

    @Test func theConditionReadsTheRunsOwnEvent() async throws {
        let journal = Journal()
        let app = try await boot(journal)
        try await app.send(OrderPlaced(orderId: "small", cents: 50))
        try await app.runUntilIdle()
        try await app.send(OrderApproved(orderId: "small", by: "bot"))  // Small orders accept a bot.
        try await app.runUntilIdle()
        #expect(journal.all == ["placed small", "small approved by bot"])
    }

    @Test func aWaitTimesOutWithNil() async throws {
        let journal = Journal()
        let app = try await boot(journal)
        try await app.send(OrderPlaced(orderId: "o-9", cents: 1))
        try await app.runUntilIdle()
        try await app.advance(by: .hours(23))
        #expect(journal.all == ["placed o-9"])
        try await app.advance(by: .hours(1))
        #expect(journal.all == ["placed o-9", "o-9 timed out"])
        try await app.send(OrderApproved(orderId: "o-9", by: "late"))
        try await app.runUntilIdle()
        #expect(journal.all.count == 2, "a late event changes nothing")
    }

    @Test func aWaitSurvivesARestart() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        let functions = [FunctionDefinition(handler: AwaitApproval(journal: journal))]
        do {
            let engine = try await makeEngine(path: path, clock: clock, functions: functions)
            try await engine.start(runLoop: false)
            _ = try await engine.send([InngestEvent(OrderPlaced(orderId: "r", cents: 10))])
            try await engine.runUntilIdle()
        }
        let engine = try await makeEngine(path: path, clock: clock, functions: functions)
        try await engine.start(runLoop: false)
        _ = try await engine.send([InngestEvent(OrderApproved(orderId: "r", by: "ann"))])
        try await engine.runUntilIdle()
        #expect(journal.all == ["placed r", "r approved by ann"])
    }

    @Test func aConditionThatDoesNotParseFailsTheRunWithItsColumn() async throws {
        struct Broken: InngestFunction {
            static let id = "broken"
            static let trigger = Trigger.event(OrderPlaced.self)
            func handle(_ order: OrderPlaced, context: Context) async throws {
                _ = try await context.step.waitForEvent("w", OrderApproved.self, if: "async.data.x === 1", timeout: .hours(1))
            }
        }
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Broken())])
        try await app.send(OrderPlaced(orderId: "b", cents: 1))
        try await app.runUntilIdle()
        let run = try #require(try await app.runs().first)
        #expect(run.status == .failed)
        #expect(run.error?.message.contains("is not an expression Inngest accepts") == true, "\(run.error?.message ?? "")")
    }
}

/// Several triggers, with `if` filters.
@Suite struct TriggerFilterTests {
    enum Activity: TriggerPayload {
        case placed(OrderPlaced)
        case approved(OrderApproved)

        init(triggeringEvent event: InngestEvent) throws {
            self = event.name == OrderPlaced.name ? .placed(try event.payload(as: OrderPlaced.self))
                                                  : .approved(try event.payload(as: OrderApproved.self))
        }
    }

    struct Audit: InngestFunction {
        static let id = "audit"
        static let trigger = Trigger<Activity>.anyOf(.event(OrderPlaced.self, if: "event.data.cents >= 1000"), .event(OrderApproved.self))
        let journal: Journal
        func handle(_ activity: Activity, context: Context) async throws {
            switch activity {
            case .placed(let order): journal.add("placed \(order.orderId)")
            case .approved(let approval): journal.add("approved \(approval.orderId)")
            }
        }
    }

    @Test func eachTriggerStartsRunsAndFiltersHold() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Audit(journal: journal))])
        try await app.send(OrderPlaced(orderId: "small", cents: 999))
        try await app.send(OrderPlaced(orderId: "big", cents: 1000))
        try await app.send(OrderApproved(orderId: "big", by: "ann"))
        try await app.runUntilIdle()
        #expect(Set(journal.all) == ["placed big", "approved big"])
    }

    @Test func aFilterThatDoesNotParseIsRefusedAtBoot() async throws {
        let bad = FunctionDefinition(id: "bad", trigger: .event(name: "a/b", if: "event.data.x =="), body: { _, _ in .null })
        await #expect { try await InngestTestApp.boot(EmptyTestModule.self, functions: [bad]) } throws: { error in
            (error as? EngineError)?.code == .invalidExpression && "\(error)".contains("function bad has an invalid expression")
        }
    }
}
