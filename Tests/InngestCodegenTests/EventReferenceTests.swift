import Testing

@testable import InngestCodegen

/// Literal event names in triggers, cancellations and waits must be declared in the target.
@Suite struct EventReferenceTests {
    static let prelude = """
        // @inngest.event("shop/order.placed")
        struct OrderPlaced: Codable, Sendable { var orderId: String }
        // @inngest.module()
        struct M {}

        """

    static func errors(_ source: String) -> [String] {
        InngestCodegenTests.errors(generate(["A.swift": prelude + source]))
    }

    @Test func unknownNamesInMarkerTriggersAndCancelsSuggestTheClosest() {
        let lines = Self.errors("""
            // @inngest.function(id: "f", triggers: ["shop/order.placd", (event: "shop/order.placed")], cancelOn: (event: "shop/order.cancelled"))
            struct F {}
            """)
        #expect(lines.contains { $0.hasPrefix(#"A.swift:5:42: error: unknown event "shop/order.placd" in the triggers of function "f""#)
            && $0.hasSuffix(#"Did you mean "shop/order.placed"?"#) })
        #expect(lines.contains { $0.hasPrefix(#"A.swift:5:111: error: unknown event "shop/order.cancelled" in the cancelOn of function "f""#) })
    }

    @Test func unknownNamesInConformancesAndWaits() {
        let lines = Self.errors("""
            struct G: InngestFunction {
                static let id = "g"
                static let trigger = Trigger<InngestEvent>.event(named: "shop/order.plcaed")
                static let options = FunctionOptions(cancelOn: [.event(named: "shop/refund")])
                func handle(_ e: InngestEvent, context: Context) async throws {
                    _ = try await context.step.waitForEvent("w", event: "shop/order.approved", timeout: .hours(1))
                }
            }
            """)
        #expect(lines.count == 3, "\(lines)")
        #expect(lines[0].hasPrefix(#"A.swift:7:61: error: unknown event "shop/order.plcaed" in the triggers of function "g""#))
        #expect(lines[1].hasPrefix(#"A.swift:8:67: error: unknown event "shop/refund" in the cancelOn of function "g""#))
        #expect(lines[2].hasPrefix(#"A.swift:10:61: error: unknown event "shop/order.approved" in step.waitForEvent"#))
    }

    @Test func inngestsOwnEventsAndTypesOfOtherModulesPass() {
        let lines = Self.errors("""
            // @inngest.function(id: "f", event: "inngest/function.finished")
            struct F { func handle(_ e: InngestEvent, context: Context) async throws {} }
            // @inngest.function(id: "g", event: SharedEvent, cancelOn: OtherModuleEvent)
            struct G { func handle(_ e: SharedEvent, context: Context) async throws {} }
            """)
        #expect(lines.isEmpty, "\(lines)")
    }
}
