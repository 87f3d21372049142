import Inngest
import InngestTesting
import XCTest

/// The test engine from XCTest, as the README's XCTest example uses it: nothing in
/// `InngestTesting` depends on Swift Testing.
final class XCTestSupportTests: XCTestCase {
    func testAMockedStepAndAWaitMockFromXCTest() async throws {
        let payments = Payments()
        let app = try await InngestTestApp.boot(function: ProcessOrder(payments: payments),
                                                steps: [.step(ProcessOrder.StepID.chargeCard, returning: "mocked-receipt"),
                                                        .event(ProcessOrder.StepID.approval, OrderApproved(orderId: "o-1"))])
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 42))
        XCTAssertEqual(run.status, .completed)
        XCTAssertEqual(try run.output(as: String.self), "shipped mocked-receipt")
        XCTAssertTrue(payments.calls.all.isEmpty, "the mocked step's body does not run")
    }

    func testATimedOutWaitFromXCTest() async throws {
        let app = try await InngestTestApp.boot(function: ProcessOrder(payments: Payments()),
                                                steps: [.timeout(ProcessOrder.StepID.approval)])
        let run = try await app.run(OrderPlaced(orderId: "o-2", total: 7))
        XCTAssertEqual(try run.output(as: String.self), "expired receipt-7")
    }
}
