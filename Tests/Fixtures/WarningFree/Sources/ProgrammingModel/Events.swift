import Inngest

// The events of a shop, by marker and by conformance.

// @inngest.event("shop/order.placed")
struct OrderPlaced: Codable, Sendable {
    var orderId: String
    var totalCents: Int
}

// @inngest.event("shop/order.cancelled")
struct OrderCancelled: Codable, Sendable {
    var orderId: String
}

// @inngest.event("shop/cart.abandoned")
struct CartAbandoned: Codable, Sendable {
    var cartId: String
    var orderId: String
}

struct OrderApproved: Event {
    static let name = "shop/order.approved"
    var orderId: String
}

/// A payload of the user's own for a function with two event triggers.
enum CheckoutEvent: TriggerPayload {
    case placed(OrderPlaced)
    case abandoned(CartAbandoned)

    init(triggeringEvent event: InngestEvent) throws {
        switch event.name {
        case OrderPlaced.name: self = .placed(try event.payload(as: OrderPlaced.self))
        default: self = .abandoned(try event.payload(as: CartAbandoned.self))
        }
    }
}
