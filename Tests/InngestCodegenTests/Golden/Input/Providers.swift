import Inngest

// Every provider form: inline values, factories, tokens, an alias, multi-bindings, optional, lazy
// and resolver parameters, run and transient scopes, a dynamic import and functions listed in a
// module. The same file is the WarningFree fixture's `Providers` target, built with warnings as errors.

/// A database handle; the app has two, told apart by tokens.
final class LedgerDatabase: Sendable {
    let name: String
    init(name: String) { self.name = name }
}

/// The primary ledger database.
enum PrimaryLedger: ProviderToken { typealias Value = LedgerDatabase }
/// The read replica.
enum ReplicaLedger: ProviderToken { typealias Value = LedgerDatabase }

/// Takes payments.
protocol PaymentProcessor: Sendable {
    func charge(_ cents: Int) async throws
}

/// The processor the alias exposes as `any PaymentProcessor`.
// @inngest.injectable
final class CardProcessor: PaymentProcessor {
    init() {}
    func charge(_ cents: Int) async throws {}
}

/// One audit sink among several: every contribution is collected into `[any AuditSink]`.
protocol AuditSink: Sendable {
    func record(_ line: String)
}

/// Writes audit lines to the log.
struct LogAuditSink: AuditSink {
    func record(_ line: String) {}
}

/// Counts audit lines.
struct CountingAuditSink: AuditSink {
    func record(_ line: String) {}
}

/// One per function run.
// @inngest.injectable(scope: run)
final class RunLedger: Sendable {
    init() {}
}

/// A new one for every resolution.
// @inngest.injectable(scope: transient)
final class AmountFormatter: Sendable {
    init() {}
}

/// What a run-scoped factory builds.
struct RunReceipt: Sendable {
    let ledger: RunLedger
}

/// Billing settings, configured by the module that imports `SettingsModule.forRoot(…)`.
struct BillingSettings: Sendable {
    var currency: String
}

/// A dynamic module: what `forRoot` adds is known at boot.
struct SettingsModule: Module {
    /// The module configured for one currency.
    static func forRoot(currency: String) -> DynamicModule {
        DynamicModule(SettingsModule.self, providers: [.value(BillingSettings(currency: currency))], exports: [BillingSettings.self])
    }
}

/// Billing: providers declared on static members next to the listed ones.
// @inngest.module(imports: [SettingsModule.forRoot(currency: "EUR (€, \"euro\")")],
//                 providers: [CardProcessor, RunLedger, AmountFormatter, BillingService, Reminders, ChargeInvoice],
//                 exports: [BillingService])
enum BillingModule {
    /// A value provider.
    // @inngest.provider
    static let region: String = "eu-west-1"

    /// A computed value provider.
    // @inngest.provider
    static var retryLimit: Int { 3 }

    /// A token factory.
    // @inngest.provider(token: PrimaryLedger)
    static func primary() -> LedgerDatabase { LedgerDatabase(name: "primary") }

    /// An async throwing token factory with a dependency.
    // @inngest.provider(token: ReplicaLedger)
    static func replica(region: String) async throws -> LedgerDatabase { LedgerDatabase(name: "replica-\(region)") }

    /// An alias: `any PaymentProcessor` is the `CardProcessor`.
    // @inngest.provider(alias)
    static func processor(_ card: CardProcessor) -> any PaymentProcessor { card }

    /// A multi-binding value.
    // @inngest.provider(multi)
    static let logSink: any AuditSink = LogAuditSink()

    /// A multi-binding factory with a lazy dependency.
    // @inngest.provider(multi)
    static func countingSink(formatter: Provider<AmountFormatter>) -> any AuditSink { CountingAuditSink() }

    /// A run-scoped factory.
    // @inngest.provider(scope: run)
    static func receipt(ledger: RunLedger) -> RunReceipt { RunReceipt(ledger: ledger) }
}

/// Optional, lazy, resolver, token and multi-binding parameters.
// @inngest.injectable
final class BillingService: Sendable {
    // @inngest.inject(primary: PrimaryLedger, replica: ReplicaLedger)
    init(primary: LedgerDatabase, replica: LedgerDatabase?, processor: any PaymentProcessor, ledger: Provider<RunLedger>,
         sinks: [any AuditSink], settings: BillingSettings, retries: Int?, module: ModuleRef) {}
}

/// Fires when an invoice is due.
// @inngest.event("billing/invoice.due")
struct InvoiceDue: Codable, Sendable {
    var invoiceId: String
}

/// Listed in BillingModule's providers, so its handler resolves there.
// @inngest.function(id: "charge-invoice", event: "billing/invoice.due")
struct ChargeInvoice {
    let billing: BillingService
    func handle(_ event: InvoiceDue, context: Context) async throws {}
}

/// A class whose method is a function: its handler resolves in the module that provides it.
// @inngest.injectable
final class Reminders: Sendable {
    init(billing: BillingService) {}

    // @inngest.function(id: "remind-invoice", event: "billing/invoice.due")
    func remind(_ event: InvoiceDue, context: Context) async throws {}
}

/// The root of this input.
// @inngest.module(imports: [BillingModule])
struct BillingAppModule {}
