import Testing

@testable import InngestCodegen

/// Durations written as Swift literals are positive; waits last at most 366 days.
@Suite struct DurationCheckTests {
    @Test func literalDurationsMustBePositive() {
        let lines = errors(generate(["A.swift": """
            struct E: Event { static let name = "a/b" }
            struct G: InngestFunction {
                static let id = "g"
                static let trigger = Trigger.event(E.self)
                static let options = FunctionOptions(timeouts: Timeouts(start: .seconds(0), finish: .minutes(-5)),
                                                     cancelOn: [.event(E.self, timeout: .hours(0))])
                func handle(_ e: E, context: Context) async throws {
                    _ = try await context.step.waitForEvent("w", E.self, timeout: .milliseconds(0))
                    _ = try await context.step.waitForEvent("x", E.self, timeout: .days(367))
                    _ = try await context.step.waitForEvent("y", E.self, timeout: .days(366))
                }
            }
            """]))
        #expect(lines == [
            #"A.swift:5:68: error: the start timeout of function "g" must be positive, not .seconds(0)"#,
            #"A.swift:5:89: error: the finish timeout of function "g" must be positive, not .minutes(-5)"#,
            #"A.swift:6:77: error: the timeout of a cancelOn of function "g" must be positive, not .seconds(0)"#,
            #"A.swift:8:71: error: the timeout of step.waitForEvent must be positive, not .seconds(0)"#,
            #"A.swift:9:71: error: the timeout of step.waitForEvent is at most 366 days, not .days(367)"#,
        ])
    }

    @Test func durationsRenderInTheLargestExactUnit() {
        #expect(LocatedDuration(nanoseconds: 5_400_000_000_000, location: .zero).swiftExpression == ".minutes(90)")
        #expect(LocatedDuration(nanoseconds: 1_500_000_000, location: .zero).swiftExpression == ".milliseconds(1500)")
        #expect(LocatedDuration(nanoseconds: 7, location: .zero).swiftExpression == ".nanoseconds(7)")
        #expect(LocatedDuration(nanoseconds: 172_800_000_000_000, location: .zero).swiftExpression == ".days(2)")
    }
}
