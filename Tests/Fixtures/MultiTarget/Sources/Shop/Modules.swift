import Billing
import Inngest
import Orders

// The app: its root module imports the feature modules and configures billing in a global module.

// @inngest.module(exports: [BillingSettings], global)
enum ConfigModule {
    // @inngest.provider
    static let billing: BillingSettings = BillingSettings(currency: "EUR")
}

// @inngest.module(imports: [ConfigModule, OrdersModule, BillingModule], providers: [NotifyInvoiced])
struct ShopModule {}

// @inngest.function(id: "notify-invoiced", event: "billing/invoiced")
struct NotifyInvoiced {
    func handle(_ invoiced: Invoiced, context: Context) async throws -> String {
        try await context.step.run("notify") { "notified: \(invoiced.text)" }
    }
}
