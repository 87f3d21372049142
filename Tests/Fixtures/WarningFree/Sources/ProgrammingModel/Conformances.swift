import Inngest

// Functions declared by conformance, with every form the plugin reads.

struct Refund: InngestFunction, OnFailure {
    static let id = "refund"
    static let trigger = Trigger<CheckoutEvent>.anyOf(.event(OrderPlaced.self, if: "event.data.totalCents > 0"),
                                                      .event(named: "shop/cart.abandoned"))
    static let options = FunctionOptions(
        retries: 2,
        timeouts: Timeouts(start: .minutes(1), finish: .hours(2)),
        cancelOn: [
            .event(OrderCancelled.self, match: \.orderId, if: "async.data.orderId == event.data.orderId", timeout: .days(1)),
            .event(named: "shop/order.approved", timeout: .seconds(90)),
        ]
    )

    func handle(_ event: CheckoutEvent, context: Context) async throws {}

    func onFailure(_ failure: FunctionFailure<CheckoutEvent>, context: Context) async throws {}
}

struct Approve: InngestFunction {
    static let id = "approve"
    static let trigger = Trigger.event(OrderApproved.self, if: "event.data.orderId != \"\"")
    static let options = FunctionOptions(cancelOn: [.event(OrderCancelled.self, match: \OrderCancelled.orderId)])

    func handle(_ approved: OrderApproved, context: Context) async throws {}
}

struct Nightly: InngestFunction {
    static let id = "nightly"
    static var trigger: Trigger<ScheduledRun> { .cron("0 3 * * *") }

    func handle(_ run: ScheduledRun, context: Context) async throws {}
}
