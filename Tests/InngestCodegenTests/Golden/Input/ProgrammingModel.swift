import Inngest

// OrderCancelled ("shop/order.cancelled") is the demo's (Sources/ShopDemo/Events.swift), which this input is generated with.

/// Chases big unpaid orders and, each morning, all of them; stops when the order is cancelled.
// @inngest.function(id: "chase-order", triggers: [(event: "shop/order.placed", if: "event.data.totalCents > 5000"), (cron: "0 9 * * *")],
//                   retries: 1, timeouts: (start: "10m", finish: "2h"),
//                   cancelOn: (event: OrderCancelled, match: "orderId", if: "async.data.orderId != \"\"", timeout: "1d"),
//                   onFailure: chaseFailed)
struct ChaseOrder {
    func handle(_ payload: Payload, context: Context) async throws {
        if case .orderPlaced(let order) = payload {
            _ = try await context.step.waitForEvent("paid", OrderConfirmed.self, match: \.orderId, timeout: .hours(24))
            _ = order
        }
    }

    func chaseFailed(_ failure: FunctionFailure<Payload>, context: Context) async throws {}
}
