import Testing

@testable import InngestCodegen

/// Literal expressions that do not parse are build errors at their column inside the string
/// literal, escapes accounted for: in markers, in conformances and in waits.
@Suite struct ExpressionCheckTests {
    static let prelude = """
        // @inngest.event("a/b")
        struct E: Codable, Sendable { var id: String }
        // @inngest.module()
        struct M {}

        """

    static func errors(_ source: String) -> [String] {
        InngestCodegenTests.errors(generate(["A.swift": prelude + source]))
    }

    @Test func markerIfPointsAtTheProblem() {
        // `evnt` is at column 76: the two `\"` escapes count two characters each.
        let lines = Self.errors(#"""
            // @inngest.function(id: "f", event: "a/b", if: "event.data.id == \"x\" && evnt.data.id == \"y\"")
            struct F { func handle(_ e: E, context: Context) async throws {} }
            """#)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("A.swift:5:76: error: the if expression of a trigger of function \"f\" is not an expression Inngest accepts: unknown variable 'evnt'") == true,
                "\(lines)")
    }

    @Test func markerUnicodeEscapesCountAsTheirSource() {
        let lines = Self.errors(#"""
            // @inngest.function(id: "f", event: "a/b", if: "event.data.id == \"\u{E9}\" &&")
            struct F { func handle(_ e: E, context: Context) async throws {} }
            """#)
        // The missing operand is after `&&`, at the closing quote (column 80).
        #expect(lines.first?.hasPrefix("A.swift:5:80:") == true, "\(lines)")
    }

    @Test func cancelConditionsUseTheRestrictiveRules() {
        let lines = Self.errors("""
            // @inngest.function(id: "f", event: "a/b", cancelOn: (event: "a/b", if: "has(async.data.id)"))
            struct F { func handle(_ e: E, context: Context) async throws {} }
            """)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("A.swift:5:75: error: the if expression of a cancelOn of function \"f\" is not an expression Inngest accepts") == true, "\(lines)")
    }

    @Test func triggerConditionsMayNotReadAsync() {
        let lines = Self.errors("""
            // @inngest.function(id: "f", event: "a/b", if: "async.data.id == 1")
            struct F { func handle(_ e: E, context: Context) async throws {} }
            """)
        #expect(lines.first?.hasPrefix("A.swift:5:50:") == true, "\(lines)")
    }

    @Test func conformanceConditionsPointIntoTheLiteral() {
        let lines = Self.errors(##"""
            struct G: InngestFunction {
                static let id = "g"
                static let trigger = Trigger.event(E.self, if: #"event.data.id == "x" &&& true"#)
                static let options = FunctionOptions(cancelOn: [.event(E.self, if: "event.data.id ==\t= 1")])
                func handle(_ e: E, context: Context) async throws {}
            }
            """##)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.first?.hasPrefix("A.swift:7:77:") == true, "\(lines)")
        #expect(lines.last?.hasPrefix("A.swift:8:91:") == true, "\(lines)")
    }

    @Test func waitConditionsAreChecked() {
        let lines = Self.errors(#"""
            struct G: InngestFunction {
                static let id = "g"
                static let trigger = Trigger.event(E.self)
                func handle(_ e: E, context: Context) async throws {
                    _ = try await context.step.waitForEvent("w", E.self, if: "async.data.id ==", timeout: .hours(1))
                    _ = try await context.step.waitForEvent("x", event: "a/b", if: "asinc.data.id == 1", timeout: .hours(1))
                    _ = try await context.step.waitForEvent("y", event: "a/b", if: dynamicCondition, timeout: .hours(1))
                }
            }
            """#)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.first?.hasPrefix("A.swift:9:83: error: the if expression of step.waitForEvent is not an expression Inngest accepts") == true, "\(lines)")
        #expect(lines.last?.hasPrefix("A.swift:10:73:") == true, "\(lines)")
    }

    @Test func validExpressionsPass() {
        let lines = Self.errors(#"""
            // @inngest.function(id: "f", event: "a/b", if: "event.data.id.startsWith(\"x\")",
            //                   cancelOn: (event: "a/b", if: "async.data.id == event.data.id"))
            struct F { func handle(_ e: E, context: Context) async throws {} }
            """#)
        #expect(lines.isEmpty, "\(lines)")
    }
}
