import Inngest

/// The order workflow: validate → reserve stock → charge (retried once: the gateway is flaky) →
/// confirm. Declared by conformance; its services are injected through its stored properties.
struct ProcessOrder: InngestFunction {
    static let id = "process-order"
    static let trigger = Trigger.event(OrderPlaced.self)
    static let options = FunctionOptions(retries: 3)

    let inventory: InventoryService
    let payments: PaymentService

    struct Outcome: Codable, Sendable {
        var orderId: String
        var paymentId: String
    }

    func handle(_ order: OrderPlaced, context: Context) async throws -> Outcome {
        let valid = try await context.step.run("validate-order") {
            guard !order.items.isEmpty, order.totalCents > 0 else {
                throw NonRetriableError("order \(order.orderId) is empty")
            }
            return true
        }
        context.logger.info("order \(order.orderId) valid: \(valid)")
        _ = try await context.step.run("check-inventory") {
            try await inventory.reserve(order.items, for: order.orderId)
        }
        let paymentId = try await context.step.run("charge-payment") {
            try await payments.charge(order)
        }
        try await context.step.sendEvent("confirm-order",
                                         OrderConfirmed(orderId: order.orderId, customer: order.customer, paymentId: paymentId))
        return Outcome(orderId: order.orderId, paymentId: paymentId)
    }
}
