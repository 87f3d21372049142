import Inngest

/// The order workflow: validate → reserve stock and screen for fraud in parallel → wait for a
/// manager's approval when the order is large → charge, by invoking `charge-card` (retried: the
/// gateway is flaky) → confirm. An `OrderCancelled` for the order stops it wherever it is; a run
/// that fails for good alerts support. At most two orders of one customer execute at once (flow
/// control; the others wait their turn). Declared by conformance; its services are injected
/// through its stored properties.
struct ProcessOrder: InngestFunction, OnFailure {
    static let id = "process-order"
    static let trigger = Trigger.event(OrderPlaced.self)
    static let options = FunctionOptions(retries: 3, cancelOn: [.event(OrderCancelled.self, match: \.orderId)],
                                         concurrency: .limit(2, key: \OrderPlaced.customer))
    /// Orders from this amount wait for a manager.
    static let approvalThresholdCents = 30_000

    let inventory: InventoryService
    let fraud: FraudScreen
    let log: ShopLog

    struct Outcome: Codable, Sendable {
        var orderId: String
        var paymentId: String
        var approvedBy: String?
    }

    func handle(_ order: OrderPlaced, context: Context) async throws -> Outcome {
        _ = try await context.step.run("validate-order") {
            guard !order.items.isEmpty, order.totalCents > 0 else {
                throw NonRetriableError("order \(order.orderId) is empty")
            }
            return true
        }
        // Two steps at once, each checkpointed; after a crash only the unfinished one runs again.
        async let reserved = context.step.run("check-inventory") { try await inventory.reserve(order.items, for: order.orderId) }
        async let screened = context.step.run("screen-fraud") { try await fraud.screen(order) }
        _ = try await (reserved, screened)

        var approvedBy: String?
        if order.totalCents >= Self.approvalThresholdCents {
            let approval = try await context.step.waitForEvent("manager-approval", OrderApproved.self, match: \.orderId,
                                                               timeout: .seconds(10))
            approvedBy = approval?.manager ?? "nobody (auto-approved after 10 s)"
        }
        let paymentId = try await context.step.invoke(
            "charge", ChargeCard.self, with: ChargeRequested(orderId: order.orderId, customer: order.customer, totalCents: order.totalCents))
        try await context.step.sendEvent("confirm-order",
                                         OrderConfirmed(orderId: order.orderId, customer: order.customer, paymentId: paymentId))
        return Outcome(orderId: order.orderId, paymentId: paymentId, approvedBy: approvedBy)
    }

    func onFailure(_ failure: FunctionFailure<OrderPlaced>, context: Context) async throws {
        try await context.step.run("alert-support") {
            log.say("support alerted: order \(failure.input.orderId) failed: \(failure.error.message)")
        }
    }
}

/// Charges a card; invoked by `process-order`, which waits for its receipt. The gateway fails the
/// first charge of every order, so this step is retried.
struct ChargeCard: InngestFunction {
    static let id = "charge-card"
    static let trigger = Trigger.event(ChargeRequested.self)
    static let options = FunctionOptions(retries: 3)

    let payments: PaymentService
    let settings: ShopSettings

    func handle(_ request: ChargeRequested, context: Context) async throws -> String {
        context.logger.info("charging \(request.totalCents) cents (\(settings.currency)) for \(request.orderId)")
        return try await context.step.run("charge-payment") { try await payments.charge(request) }
    }
}
