import Inngest
import Orders

// The Billing feature builds on Orders: it triggers on Orders' event by name, and needs
// BillingSettings, which no module of Billing provides: the app provides it in a global module.
// This target's build cannot know that, so it leaves the check to the app's build.

/// What the app configures for billing.
public struct BillingSettings: Sendable {
    public var currency: String

    public init(currency: String) { self.currency = currency }
}

// @inngest.event("billing/invoiced")
public struct Invoiced: Codable, Sendable {
    public var orderId: String
    public var text: String
}

// @inngest.injectable
public final class Invoicer: Sendable {
    let settings: BillingSettings
    let book: OrderBook

    public init(settings: BillingSettings, book: OrderBook) {
        self.settings = settings
        self.book = book
    }

    func invoice(_ order: OrderPlaced) -> String { "invoice in \(settings.currency): \(book.describe(order))" }
}

// @inngest.function(id: "invoice-order", event: "orders/placed")
struct InvoiceOrder {
    let invoicer: Invoicer

    func handle(_ order: OrderPlaced, context: Context) async throws -> String {
        let text = try await context.step.run("invoice") { invoicer.invoice(order) }
        try await context.step.sendEvent("announce", AppEvent.invoiced(Invoiced(orderId: order.orderId, text: text)))
        return text
    }
}

// @inngest.module(imports: [OrdersModule], providers: [Invoicer, InvoiceOrder], exports: [Invoicer])
public struct BillingModule {}
