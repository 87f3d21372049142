import Foundation
import Inngest
import InngestTesting
import Synchronization

struct OrderPlaced: Event {
    static let name = "shop/order.placed"
    var orderId: String
    var total: Int
}

struct OrderApproved: Event {
    static let name = "shop/order.approved"
    var orderId: String
}

struct OrderCancelled: Event {
    static let name = "shop/order.cancelled"
    var orderId: String
}

struct OrderShipped: Event {
    static let name = "shop/order.shipped"
    var orderId: String
}

/// Counts calls, and keeps what each was given.
final class Calls: Sendable {
    private let state = Mutex([String]())
    func add(_ call: String) { state.withLock { $0.append(call) } }
    var all: [String] { state.withLock { $0 } }
}

/// A payment service whose real charge a test should never reach once the step is mocked.
final class Payments: Sendable {
    let calls = Calls()
    func charge(_ total: Int) -> String {
        calls.add("charge \(total)")
        return "receipt-\(total)"
    }
}

/// Charges, settles five minutes, waits a day for approval, then announces the shipment.
struct ProcessOrder: InngestFunction {
    static let id = "process-order"
    static let trigger = Trigger.event(OrderPlaced.self)
    static let options = FunctionOptions(retries: 3)
    let payments: Payments
    let client: InngestClient?

    init(payments: Payments, client: InngestClient? = nil) {
        self.payments = payments
        self.client = client
    }

    func handle(_ order: OrderPlaced, context: Context) async throws -> String {
        let receipt = try await context.step.run("charge-card") { payments.charge(order.total) }
        try await context.step.sleep("settle", for: .minutes(5))
        let approval = try await context.step.waitForEvent("approval", OrderApproved.self, match: \.orderId, timeout: .hours(24))
        guard approval != nil else { return "expired \(receipt)" }
        try await context.step.sendEvent("announce", OrderShipped(orderId: order.orderId))
        try await client?.send(OrderApproved(orderId: "audit-\(order.orderId)"))
        return "shipped \(receipt)"
    }
}

// What the build plugin generates for ProcessOrder (the codegen golden pins the shape).
extension ProcessOrder {
    enum StepID: String, FunctionStepID {
        case announce
        case approval
        case chargeCard = "charge-card"
        case settle

        static var functionId: String { ProcessOrder.id }
    }
}

/// Three plain steps, for order, attempts and stopping.
struct Pipeline: InngestFunction {
    static let id = "pipeline"
    static let trigger = Trigger.event(OrderPlaced.self)
    static let options = FunctionOptions(retries: 2)
    let calls: Calls

    func handle(_ order: OrderPlaced, context: Context) async throws -> Int {
        let a = try await context.step.run("load") { calls.add("load"); return order.total }
        let b = try await context.step.run("double") { calls.add("double attempt \(context.attempt)"); return a * 2 }
        let c = try await context.step.run("store") { calls.add("store"); return b + 1 }
        return c
    }
}

extension Pipeline {
    enum StepID: String, FunctionStepID {
        case double, load, store
        static var functionId: String { Pipeline.id }
    }
}

/// Fails for good, so that its failure handler runs.
struct Doomed: InngestFunction, OnFailure {
    static let id = "doomed"
    static let trigger = Trigger.event(OrderPlaced.self)
    static let options = FunctionOptions(retries: 1)
    let calls: Calls

    struct Broken: Error {}

    func handle(_ order: OrderPlaced, context: Context) async throws {
        try await context.step.run("explode") { calls.add("explode attempt \(context.attempt)"); throw Broken() }
    }

    func onFailure(_ failure: FunctionFailure<OrderPlaced>, context: Context) async throws {
        try await context.step.run("refund") { calls.add("refund \(failure.input.orderId)") }
    }
}

/// Steps whose ids are computed: mocked by string.
struct Regions: InngestFunction {
    static let id = "regions"
    static let trigger = Trigger.event(OrderPlaced.self)

    func handle(_ order: OrderPlaced, context: Context) async throws -> [String] {
        var prices: [String] = []
        for region in ["eu", "us"] {
            prices.append(try await context.step.run("price-\(region)") { "live \(region)" })
        }
        return prices
    }
}

/// Invokes ProcessOrder-like work in another function.
struct ChargeCustomer: InngestFunction {
    static let id = "charge-customer"
    static let trigger = Trigger.event(OrderApproved.self)
    let calls: Calls

    func handle(_ approved: OrderApproved, context: Context) async throws -> String {
        calls.add("real charge \(approved.orderId)")
        return "real"
    }
}

struct Checkout: InngestFunction {
    static let id = "checkout"
    static let trigger = Trigger.event(OrderPlaced.self)

    func handle(_ order: OrderPlaced, context: Context) async throws -> String {
        try await context.step.invoke("charge", ChargeCustomer.self, with: OrderApproved(orderId: order.orderId))
    }
}

extension Checkout {
    enum StepID: String, FunctionStepID {
        case charge
        static var functionId: String { Checkout.id }
    }
}

/// A result whose Codable does not read back what it writes.
struct Lossy: Codable, Sendable {
    var value: Int
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode("v\(value)")
    }
    init(value: Int) { self.value = value }
    init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Int.self)
    }
}

struct ReturnsLossy: InngestFunction {
    static let id = "returns-lossy"
    static let trigger = Trigger.event(OrderPlaced.self)

    func handle(_ order: OrderPlaced, context: Context) async throws -> Int {
        try await context.step.run("compute") { Lossy(value: order.total) }.value
    }
}

struct ReturnsNaN: InngestFunction {
    static let id = "returns-nan"
    static let trigger = Trigger.event(OrderPlaced.self)

    func handle(_ order: OrderPlaced, context: Context) async throws -> Double {
        try await context.step.run("ratio") { Double(order.total) / 0 * 0 }
    }
}
