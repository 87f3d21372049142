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

/// A manager approved a large order.
// @inngest.event("shop/order.approved")
struct OrderApproved: Codable, Sendable {
    var orderId: String
    var manager: String
}

/// The customer cancelled an order: its workflow stops wherever it is.
// @inngest.event("shop/order.cancelled")
struct OrderCancelled: Codable, Sendable {
    var orderId: String
}

/// A charge to make: the input of the invoked `charge-card` function.
// @inngest.event("shop/payment.requested")
struct ChargeRequested: Codable, Sendable {
    var orderId: String
    var customer: String
    var totalCents: Int
}
