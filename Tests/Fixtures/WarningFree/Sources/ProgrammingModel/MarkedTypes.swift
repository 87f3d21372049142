import Inngest

// Functions declared by marker on a type, with every key.

// One event trigger with an if filter, retries, timeouts, a cancelOn with match, if and timeout, and
// a failure handler; the handler waits for events by type (with match and if) and by name.
// @inngest.function(id: "charge", name: "Charge an order", event: "shop/order.placed", if: "event.data.totalCents > 0",
//                   retries: 3, timeouts: (start: "5m", finish: "1h"),
//                   cancelOn: (event: "shop/order.cancelled", match: "orderId", if: "async.data.orderId != \"\"", timeout: "1d"),
//                   onFailure: chargeFailed)
struct Charge {
    func handle(_ order: OrderPlaced, context: Context) async throws {
        let approval = try await context.step.waitForEvent("approval", OrderApproved.self, match: \.orderId,
                                                           if: "async.data.orderId == event.data.orderId", timeout: .hours(24))
        _ = approval
        _ = try await context.step.waitForEvent("cancelled", event: "shop/order.cancelled", timeout: .minutes(5))
    }

    func chargeFailed(_ failure: FunctionFailure<OrderPlaced>, context: Context) async throws {}
}

// Several triggers of several payload types: the generated FollowUp.Payload has a case for each.
// Its failure handler is onFailure(_:context:) itself, so the conformance needs no forwarding.
// @inngest.function(id: "follow-up",
//                   triggers: [(event: "shop/order.placed", if: "event.data.totalCents > 10000"), CartAbandoned, (cron: "0 * * * *")],
//                   cancelOn: [OrderCancelled, "shop/order.approved"], onFailure: onFailure)
struct FollowUp {
    func handle(_ payload: Payload, context: Context) async throws {
        switch payload {
        case .orderPlaced(let order): _ = order.orderId
        case .cartAbandoned(let cart): _ = cart.cartId
        case .cron(let run): _ = run.cron
        }
    }

    func onFailure(_ failure: FunctionFailure<Payload>, context: Context) async throws {}
}

// Several event triggers delivered to the user's own payload enum.
// @inngest.function(id: "checkout", triggers: [OrderPlaced, "shop/cart.abandoned"], timeouts: (finish: "2h"))
struct Checkout {
    func handle(_ event: CheckoutEvent, context: Context) async throws {}
}
