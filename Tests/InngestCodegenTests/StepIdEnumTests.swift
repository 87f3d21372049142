import Testing

@testable import InngestCodegen

/// Each handler's literal step ids become a generated enum, so that tests mock steps by name and a
/// mock of a step that does not exist does not compile.
@Suite struct StepIdEnumTests {
    static let prelude = """
        // @inngest.event("shop/order.placed")
        struct OrderPlaced: Codable, Sendable { var orderId: String }
        // @inngest.module()
        struct M {}

        """

    static func registry(_ source: String) -> String {
        let output = generate(["A.swift": prelude + source])
        #expect(output.diagnostics.filter { $0.severity == .error }.isEmpty, "\(output.diagnostics)")
        return output.files["InngestRegistry.generated.swift"] ?? ""
    }

    @Test func aMarkedTypeGetsANestedStepIDWithEveryLiteralIdOnce() {
        let text = Self.registry("""
            // @inngest.function(id: "f", event: "shop/order.placed")
            public struct F {
                public func handle(_ order: OrderPlaced, context: Context) async throws {
                    try await context.step.run("charge-card") { 1 }
                    try await context.step.sleep("settle", for: .seconds(5))
                    for region in ["eu"] { try await context.step.run("price") { region } }
                    try await context.step.run("dynamic-\\(order.orderId)") { 2 }
                }
            }
            """)
        #expect(text.contains("""
            extension F {
                /// The literal step ids of the function "f", for typed step mocks in tests.
                public enum StepID: String, FunctionStepID {
                    case chargeCard = "charge-card"
                    case price = "price"
                    case settle = "settle"

                    /// The function whose handler calls these steps.
                    public static var functionId: String { "f" }
                }
            }
            """))
        #expect(!text.contains("dynamic"))
    }

    @Test func aMarkedMethodGetsAnEnumNamedAfterItOnItsOwner() {
        let text = Self.registry("""
            // @inngest.injectable
            final class Jobs: Sendable {
                init() {}
                // @inngest.function(id: "nightly-report", cron: "0 3 * * *")
                func nightlyReport(context: Context) async throws {
                    try await context.step.run("collect") { 1 }
                }
            }
            """)
        #expect(text.contains("extension Jobs {"))
        #expect(text.contains("enum NightlyReportStepID: String, FunctionStepID {"))
        #expect(text.contains(#"static var functionId: String { "nightly-report" }"#))
    }

    @Test func aConformanceNamesItsOwnId() {
        let text = Self.registry("""
            struct G: InngestFunction {
                static let id = "g"
                static let trigger = Trigger.event(OrderPlaced.self)
                func handle(_ order: OrderPlaced, context: Context) async throws {
                    try await context.step.run("only") { 1 }
                }
            }
            """)
        #expect(text.contains("static var functionId: String { G.id }"))
    }

    @Test func aHandlerWithoutLiteralIdsGetsNoEnum() {
        let text = Self.registry("""
            // @inngest.function(id: "h", event: "shop/order.placed")
            struct H {
                func handle(_ order: OrderPlaced, context: Context) async throws {
                    try await context.step.run("step-\\(order.orderId)") { 1 }
                }
            }
            """)
        #expect(!text.contains("StepID"))
    }

    @Test func caseNamesAreValidUniqueSwiftNames() {
        let names = StepIdCaseNames.of(["1st try", "a-b", "aB", "default", "functionId", "rawValue", "send email", "ß"]).map(\.caseName)
        #expect(names == ["_1stTry", "aB", "aB_2", "`default`", "functionIdStep", "rawValueStep", "sendEmail", "step"])
    }
}
