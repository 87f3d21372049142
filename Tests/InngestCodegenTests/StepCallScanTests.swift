import Testing

@testable import InngestCodegen

/// `step.waitForEvent(…)` calls in function bodies are recorded with their arguments as written.
@Suite struct StepCallScanTests {
    @Test func waitCallsInBodiesAreRecorded() throws {
        let file = ScanFixtures.scan("""
            struct F {
                func handle(_ e: E, context: Context) async throws {
                    let a = try await context.step.waitForEvent("a", A.self, match: \\.id, timeout: .hours(1))
                    let step = context.step
                    _ = try await step.waitForEvent("b", event: "x/y", timeout: .minutes(5))
                    _ = try await other.waitForEvent("c", event: "no/step")
                    _ = waitForEvent
                }
            }
            """)
        #expect(file.stepCalls.map(\.arguments.text) == [
            #"("a", A.self, match: \.id, timeout: .hours(1))"#,
            #"("b", event: "x/y", timeout: .minutes(5))"#,
        ])
        #expect(file.stepCalls.first?.location == SourceLocation(file: "Test.swift", line: 3, column: 40))
        #expect(file.stepCalls.first?.arguments.location.column == 52)
    }

    @Test func conditionsInsideBodiesAreKept() throws {
        let file = ScanFixtures.scan("""
            #if os(Linux)
            func run(step: Step) async throws {
                #if false
                _ = try await step.waitForEvent("a", event: "x/y", timeout: .hours(1))
                #else
                _ = try await step.waitForEvent("b", event: "x/y", timeout: .hours(1))
                #endif
            }
            #endif
            """)
        #expect(file.stepCalls.map(\.conditions) == [["os(Linux)", "false"], ["os(Linux)", "!(false)"]])
    }

    @Test func staticInitialisersAreKeptAsWritten() throws {
        let type = try #require(ScanFixtures.onlyType("""
            struct F {
                static let trigger = Trigger.event(E.self,
                                                   if: "event.data.x == \\"y\\"")
                let plain = 1
            }
            """))
        let trigger = try #require(type.properties.first)
        #expect(trigger.initializerSpan?.text.hasPrefix("Trigger.event(E.self,\n ") == true)
        #expect(trigger.initializerSpan?.text.hasSuffix(#"if: "event.data.x == \"y\"")"#) == true)
        #expect(trigger.initializerSpan?.location == SourceLocation(file: "Test.swift", line: 2, column: 26))
        #expect(type.properties.last?.initializerSpan == nil, "only static properties keep their initialiser as written")
    }
}
