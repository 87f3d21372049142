import Foundation
import InngestTesting
import Orders
@testable import Shop
import Testing

// A test target of the app: it boots the app's root module and sends with the app's AppEvent.
@Suite struct ShopTests {
    @Test func anOrderIsRecordedInvoicedAndAnnounced() async throws {
        let app = try await InngestTestApp.boot(ShopModule.self)
        try await app.send(AppEvent.orderPlaced(OrderPlaced(orderId: "o-2", cents: 500)))
        try await app.runUntilIdle()
        let runs = try await app.runs()
        #expect(Set(runs.map(\.functionId)) == ["record-order", "invoice-order", "notify-invoiced"])
        #expect(runs.allSatisfy { $0.status == .completed })
        let notified = try await app.runs(functionId: "notify-invoiced").first?.output?.jsonString
        #expect(notified == #""notified: invoice in EUR: order o-2 for 500 cents""#)
    }

    // The generated names in a test: `.orderPlaced(…)` for the typed send, the step id enum for the mock.
    @Test func typedSendsAndStepMocksUseTheGeneratedNames() async throws {
        let app = try await InngestTestApp.boot(ShopModule.self, steps: [.step(NotifyInvoiced.StepID.notify, returning: "mocked")])
        let later = app.clock.now().addingTimeInterval(60)
        try await app.send(.orderPlaced(OrderPlaced(orderId: "o-3", cents: 100)), at: later)
        try await app.settle()
        #expect(app.clock.now() == later)
        let notify = try #require(try await app.runs(functionId: "notify-invoiced").first)
        let run = try await app.run(id: notify.runId)
        #expect(try run.output(as: String.self) == "mocked")
        #expect(run.step(NotifyInvoiced.StepID.notify)?.isMocked == true)
        #expect(app.sentEvents.map(\.name) == ["billing/invoiced"])
    }
}
