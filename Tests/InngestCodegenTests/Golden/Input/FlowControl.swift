import Inngest

// Flow control by marker: every key, with the events of the demo (Sources/ShopDemo/Events.swift).

/// Charges orders: two per customer and fifty across the account at once, throttled, debounced
/// per customer, prioritised for large orders, once per order, one at a time per customer.
// @inngest.function(id: "flow-charge", event: OrderPlaced,
//                   concurrency: [(limit: 2, key: "event.data.customer"), (limit: 50, key: "\"payments\"", scope: "account")],
//                   throttle: (limit: 10, period: "1m", burst: 2, key: "event.data.customer"),
//                   debounce: (period: "1.5s", key: "event.data.customer", timeout: "30m"),
//                   priority: (run: "event.data.totalCents > 10000 ? 120 : 0"),
//                   idempotency: "event.data.orderId",
//                   singleton: (key: "event.data.customer", mode: "cancel"),
//                   cancelOn: (event: OrderCancelled, match: "orderId"))
struct FlowCharge {
    func handle(_ order: OrderPlaced, context: Context) async throws {}
}

/// Indexes orders in batches of up to 100 per customer.
// @inngest.function(id: "flow-index", event: OrderPlaced, concurrency: 1,
//                   batchEvents: (maxSize: 100, timeout: "5s", key: "event.data.customer", if: "event.data.totalCents > 0"))
struct FlowIndex {
    func handle(_ orders: [OrderPlaced], context: Context) async throws {}
}

/// Welcomes a user at most once a day.
// @inngest.function(id: "flow-welcome", event: UserSignedUp, rateLimit: (limit: 1, period: "24h", key: "event.data.email"),
//                   singleton: (mode: skip))
struct FlowWelcome {
    func handle(_ user: UserSignedUp, context: Context) async throws {}
}
