import Inngest

/// A customer placed an order. Declared by conformance.
struct OrderPlaced: Event {
    static let name = "shop/order.placed"
    var orderId: String
    var customer: String
    var items: [String]
    var totalCents: Int
}

/// An order was paid and confirmed. Declared by marker: the plugin adds the `Event` conformance.
// @inngest.event("shop/order.confirmed")
struct OrderConfirmed: Codable, Sendable {
    var orderId: String
    var customer: String
    var paymentId: String
}

/// A new customer signed up.
// @inngest.event("shop/user.signed-up")
struct UserSignedUp: Codable, Sendable {
    var email: String
    var name: String
}
