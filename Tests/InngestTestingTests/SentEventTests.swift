import Inngest
import InngestTesting
import Synchronization
import Testing

@Suite struct SentEventTests {
    @Test func stepSendEventIsRecordedWithItsRunAndStep() async throws {
        let app = try await InngestTestApp.boot(function: ProcessOrder(payments: Payments()),
                                                steps: [.event(ProcessOrder.StepID.approval, OrderApproved(orderId: "o-1"))])
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 7))
        #expect(run.status == .completed)
        #expect(try run.sent(OrderShipped.self).map(\.orderId) == ["o-1"])
        #expect(run.sentEvents.first?.stepId == "announce")
        #expect(run.sentEvents.first?.runId == run.runId)
        // The test's own send is not recorded.
        #expect(app.sentEvents.map(\.name) == [OrderShipped.name])
    }

    @Test func clientSendsFromAHandlerAreRecordedWithTheirRun() async throws {
        let holder = Mutex<InngestClient?>(nil)
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [
            FunctionDefinition(id: "announcer", trigger: .event(name: OrderPlaced.name)) { _, context in
                let client = try #require(holder.withLock { $0 })
                try await client.send(OrderShipped(orderId: context.event.data["orderId"]?.stringValue ?? ""))
                return .null
            },
        ])
        holder.withLock { $0 = app.app.client }
        let run = try await app.run(OrderPlaced(orderId: "o-9", total: 7))
        #expect(run.status == .completed)
        #expect(try run.sent(OrderShipped.self).map(\.orderId) == ["o-9"])
        #expect(run.sentEvents.first?.stepId == nil)
        #expect(run.sentEvents.first?.event.id != nil)
        #expect(try app.sent(OrderShipped.self).count == 1)
        // The sent event reached the engine as well.
        #expect(try await app.app.engine.events(name: OrderShipped.name).count == 1)
    }
}
