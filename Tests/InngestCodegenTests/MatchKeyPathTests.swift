import Testing

@testable import InngestCodegen

/// `match:` names stored properties of the event types declared in the target.
@Suite struct MatchKeyPathTests {
    static let prelude = """
        // @inngest.event("shop/order.placed")
        struct OrderPlaced: Codable, Sendable { var orderId: String; var customer: Customer }
        // @inngest.event("shop/order.cancelled")
        struct OrderCancelled: Codable, Sendable { var orderId: String; var customer: Customer; var reason: String? }
        struct Customer: Codable, Sendable { var id: String }
        // @inngest.module()
        struct M {}

        """

    static func errors(_ source: String) -> [String] {
        InngestCodegenTests.errors(generate(["A.swift": prelude + source]))
    }

    @Test func markerMatchIsChecked() {
        let lines = Self.errors("""
            // @inngest.function(id: "f", event: OrderPlaced, cancelOn: [(event: OrderCancelled, match: "ordrId"),
            //                   (event: OrderCancelled, match: "data.orderId"), (event: OrderCancelled, match: "customer.id"),
            //                   (event: OrderCancelled, match: "reason")])
            struct F { func handle(_ o: OrderPlaced, context: Context) async throws {} }
            """)
        #expect(lines.count == 3, "\(lines)")
        #expect(lines[0] == #"A.swift:8:93: error: match \.ordrId names no stored property 'ordrId' of OrderCancelled, the cancelling event (it has customer, orderId, reason); did you mean 'orderId'?"#)
        #expect(lines[1].hasPrefix("A.swift:9:53: error: match \\.data.orderId names no stored property 'data' of OrderCancelled")
            && lines[1].hasSuffix("write the property path without Inngest's 'data.' prefix"))
        #expect(lines[2].hasPrefix(#"A.swift:10:53: error: match \.reason names no stored property 'reason' of OrderPlaced, the event that triggers function "f""#))
    }

    @Test func conformanceAndWaitMatchesAreChecked() {
        let lines = Self.errors(#"""
            struct G: InngestFunction {
                static let id = "g"
                static let trigger = Trigger.event(OrderPlaced.self)
                static let options = FunctionOptions(cancelOn: [.event(OrderCancelled.self, match: \.customer.name),
                                                                .event(OrderCancelled.self, match: \OrderCancelled.orderId)])
                func handle(_ o: OrderPlaced, context: Context) async throws {
                    _ = try await context.step.waitForEvent("w", OrderCancelled.self, match: \.order, timeout: .hours(1))
                    _ = try await context.step.waitForEvent("x", Elsewhere.self, match: \.anything, timeout: .hours(1))
                }
            }
            """#)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines[0].hasPrefix(#"A.swift:11:88: error: match \.customer.name names no stored property 'name' of Customer, the cancelling event (it has id)"#))
        #expect(lines[1].hasPrefix(#"A.swift:14:82: error: match \.order names no stored property 'order' of OrderCancelled, the awaited event"#))
    }
}
