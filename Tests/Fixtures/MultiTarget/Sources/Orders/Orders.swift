import Inngest

// The Orders feature: its event is public, so the targets that depend on Orders can trigger on it
// and send it.

// @inngest.event("orders/placed")
public struct OrderPlaced: Codable, Sendable {
    public var orderId: String
    public var cents: Int

    public init(orderId: String, cents: Int) {
        self.orderId = orderId
        self.cents = cents
    }
}

// @inngest.injectable
public final class OrderBook: Sendable {
    public init() {}

    public func describe(_ order: OrderPlaced) -> String { "order \(order.orderId) for \(order.cents) cents" }
}

// @inngest.function(id: "record-order", event: "orders/placed")
struct RecordOrder {
    let book: OrderBook

    func handle(_ order: OrderPlaced, context: Context) async throws -> String {
        try await context.step.run("describe") { book.describe(order) }
    }
}

// @inngest.module(providers: [OrderBook, RecordOrder], exports: [OrderBook])
public struct OrdersModule {}
