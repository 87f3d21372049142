import Inngest

/// Payments: the gateway stays private to the module; only the service is exported. `ChargeCard`
/// is listed here, so its handler resolves in this module (as a NestJS controller would).
// @inngest.module(imports: [CoreModule], providers: [PaymentGateway, PaymentService, ChargeCard], exports: [PaymentService])
struct PaymentsModule {}

/// Stock and fraud screening.
// @inngest.module(imports: [CoreModule], providers: [InventoryService, FraudScreen], exports: [InventoryService, FraudScreen])
struct InventoryModule {}

/// Email.
// @inngest.module(imports: [CoreModule], providers: [Mailer], exports: [Mailer])
struct NotificationsModule {}

/// Shared services, visible everywhere.
// @inngest.module(providers: [ShopLog], exports: [ShopLog, ShopSettings], global)
enum CoreModule {
    /// The shop's settings: a value provider.
    // @inngest.provider
    static let settings: ShopSettings = ShopSettings(currency: "EUR")
}

/// Settings every module may read.
struct ShopSettings: Sendable {
    /// The currency amounts are shown in.
    var currency: String
}

/// The root module, declared by conformance: the plugin reads its static lists.
struct AppModule: Module {
    static let imports: [any Module.Type] = [CoreModule.self, PaymentsModule.self, InventoryModule.self, NotificationsModule.self]
}
