import Foundation
import Inngest
import Synchronization

/// Prints what the shop's services do, so the demo shows which steps really execute.
// @inngest.injectable
final class ShopLog: Sendable {
    init() {}

    func say(_ line: String) {
        ShopDemo.say("      · \(line)")
    }
}

/// Stock levels.
// @inngest.injectable
final class InventoryService: Sendable {
    private let log: ShopLog
    private let stock = Mutex(["keyboard": 5, "mouse": 12, "monitor": 2, "cable": 40])

    init(log: ShopLog) { self.log = log }

    /// Reserves one of each item; throws `NonRetriableError` for unknown items.
    func reserve(_ items: [String], for orderId: String) async throws -> [String: Int] {
        try await Task.sleep(for: .milliseconds(300))  // A database round trip.
        log.say("InventoryService.reserve(\(items.joined(separator: ", "))) for \(orderId)")
        return try stock.withLock { stock in
            var left: [String: Int] = [:]
            for item in items {
                guard let count = stock[item] else { throw NonRetriableError("unknown item \(item)") }
                stock[item] = count - 1
                left[item] = count - 1
            }
            return left
        }
    }
}

/// The card processor: fails the first charge of every order, like a flaky network.
// @inngest.injectable
final class PaymentGateway: Sendable {
    private let log: ShopLog
    private let attempts = Mutex([String: Int]())

    init(log: ShopLog) { self.log = log }

    struct GatewayTimeout: Error, CustomStringConvertible {
        var description: String { "the payment gateway timed out" }
    }

    func charge(orderId: String, cents: Int) async throws -> String {
        try await Task.sleep(for: .milliseconds(400))
        let attempt = attempts.withLock { attempts in
            attempts[orderId, default: 0] += 1
            return attempts[orderId, default: 0]
        }
        log.say("PaymentGateway.charge(\(orderId), \(cents)¢) call #\(attempt)")
        if attempt == 1 { throw GatewayTimeout() }
        return "pay_\(orderId)_\(cents)"
    }
}

/// Charges orders through the gateway.
// @inngest.injectable
final class PaymentService: Sendable {
    private let gateway: PaymentGateway

    init(gateway: PaymentGateway) { self.gateway = gateway }

    func charge(_ request: ChargeRequested) async throws -> String {
        try await gateway.charge(orderId: request.orderId, cents: request.totalCents)
    }
}

/// Screens orders for fraud (a slow remote check, run beside the stock reservation).
// @inngest.injectable
final class FraudScreen: Sendable {
    private let log: ShopLog

    init(log: ShopLog) { self.log = log }

    func screen(_ order: OrderPlaced) async throws -> Bool {
        try await Task.sleep(for: .milliseconds(300))
        log.say("FraudScreen.screen(\(order.orderId)): clear")
        return true
    }
}

/// Sends email (prints it).
// @inngest.injectable
final class Mailer: Sendable {
    private let log: ShopLog

    init(log: ShopLog) { self.log = log }

    func send(to address: String, subject: String) async throws {
        try await Task.sleep(for: .milliseconds(200))
        log.say("Mailer.send(to: \(address), \"\(subject)\")")
    }
}
