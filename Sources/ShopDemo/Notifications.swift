import Inngest

/// Emails the receipt once an order is confirmed. Declared by marker on a type.
// @inngest.function(id: "send-receipt", event: "shop/order.confirmed", retries: 2)
struct SendReceipt {
    let mailer: Mailer

    func handle(_ confirmed: OrderConfirmed, context: Context) async throws {
        try await context.step.run("email-receipt") {
            try await mailer.send(to: confirmed.customer, subject: "Receipt for \(confirmed.orderId) (\(confirmed.paymentId))")
        }
    }
}

/// Welcomes a new customer, waits (durably), then sends tips.
// @inngest.function(id: "welcome-flow", event: "shop/user.signed-up")
struct WelcomeFlow {
    let mailer: Mailer

    func handle(_ user: UserSignedUp, context: Context) async throws -> String {
        try await context.step.run("send-welcome") {
            try await mailer.send(to: user.email, subject: "Welcome, \(user.name)!")
        }
        try await context.step.sleep("wait-before-tips", for: .seconds(3))
        try await context.step.run("send-tips") {
            try await mailer.send(to: user.email, subject: "Three tips for your first order")
        }
        return "welcomed \(user.email)"
    }
}
