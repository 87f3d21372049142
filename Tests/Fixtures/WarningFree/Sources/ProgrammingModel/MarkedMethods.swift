import Inngest

// Functions declared by marker on methods of an injectable class.

// @inngest.injectable
final class Reminders: Sendable {
    init() {}

    // An event and a cron: the generated Reminders.RemindPayload; a failure handler that is not async.
    // @inngest.function(id: "remind", triggers: ["shop/cart.abandoned", (cron: "30 * * * *")], onFailure: remindFailed)
    func remind(_ payload: RemindPayload, context: Context) async throws {}

    func remindFailed(_ failure: FunctionFailure<RemindPayload>) throws {}

    // Two events, taken untyped.
    // @inngest.function(id: "audit-any", triggers: [OrderPlaced, OrderCancelled], cancelOn: "shop/order.approved")
    func auditAny(_ event: InngestEvent) {}

    // An event type with an if filter and a finish timeout.
    // @inngest.function(id: "big-orders", event: OrderPlaced, if: "event.data.totalCents >= 100000", timeouts: (finish: "30m"))
    func bigOrders(_ order: OrderPlaced) async {}
}

// @inngest.module(providers: [Reminders])
struct ProgrammingModelModule {}
