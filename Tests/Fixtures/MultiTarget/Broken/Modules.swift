import Billing
import Inngest
import Orders

// The app without its global ConfigModule: nothing provides Billing's BillingSettings. Only the
// app's build sees the whole graph, so it reports the error at Billing's line.

// @inngest.module(imports: [OrdersModule, BillingModule], providers: [NotifyInvoiced])
struct ShopModule {}

// @inngest.function(id: "notify-invoiced", event: "billing/invoiced")
struct NotifyInvoiced {
    func handle(_ invoiced: Invoiced, context: Context) async throws -> String {
        try await context.step.run("notify") { "notified: \(invoiced.text)" }
    }
}
