import Inngest

/// Scheduled jobs, as methods of one injectable class (NestJS-decorator style).
final class Maintenance: Sendable {
    let inventory: InventoryService
    let log: ShopLog

    init(inventory: InventoryService, log: ShopLog) {
        self.inventory = inventory
        self.log = log
    }

    /// Every night at 03:00 Paris time.
    // @inngest.function(id: "nightly-stock-report", cron: "TZ=Europe/Paris 0 3 * * *")
    func nightlyStockReport(context: Context) async throws -> String {
        try await context.step.run("count-stock") {
            log.say("Maintenance.nightlyStockReport counting stock")
            return "stock counted"
        }
    }
}
