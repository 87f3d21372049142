import Inngest

/// Payments: the gateway stays private to the module; only the service is exported.
// @inngest.module(imports: [CoreModule], providers: [PaymentGateway, PaymentService], exports: [PaymentService])
struct PaymentsModule {}

/// Stock and fraud screening.
// @inngest.module(imports: [CoreModule], providers: [InventoryService, FraudScreen], exports: [InventoryService, FraudScreen])
struct InventoryModule {}

/// Email.
// @inngest.module(imports: [CoreModule], providers: [Mailer], exports: [Mailer])
struct NotificationsModule {}

/// Shared services, visible everywhere.
// @inngest.module(providers: [ShopLog], exports: [ShopLog], global)
struct CoreModule {}

/// The root module, declared by conformance: the plugin reads its static lists.
struct AppModule: Module {
    static let imports: [any Module.Type] = [CoreModule.self, PaymentsModule.self, InventoryModule.self, NotificationsModule.self]
}
