import Testing

@testable import InngestCodegen

/// What the generator reads of the flow-control arguments of a conformance's literal
/// `FunctionOptions(…)`, in the shapes of the API, and that it leaves the rest to the boot check.
@Suite struct FlowControlConformanceTests {
    /// The flow control read from `FunctionOptions(\(arguments))`.
    static func flow(_ arguments: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> FlowControlModel {
        ConformanceReadingTests.function(ConformanceReadingTests.conformance(trigger: "Trigger.event(E.self)", options: "FunctionOptions(\(arguments))"),
                                         sourceLocation: sourceLocation)?.flowControl ?? FlowControlModel()
    }

    @Test func concurrencyShapes() {
        #expect(Self.flow("concurrency: 5").concurrency?.limits.map(\.limit?.value) == [5])
        let factory = Self.flow(#"concurrency: .limit(10, key: \E.id, scope: .account)"#).concurrency?.limits.first
        #expect(factory?.limit?.value == 10)
        #expect(factory?.key.flatMap { if case .keyPath(let path) = $0 { path } else { nil } }?.properties == ["id"])
        #expect(factory?.scope?.value == "account")
        let list = Self.flow(#"concurrency: [.limit(5, key: "event.data.a"), ConcurrencyLimit.limit(50, key: "\"openai\"", scope: ConcurrencyLimit.Scope.env), other]"#)
        #expect(list.concurrency?.limits.map(\.limit?.value) == [5, 50, nil])
        #expect(list.concurrency?.limits.map(\.key?.expression?.value) == ["event.data.a", "\"openai\"", nil])
        #expect(list.concurrency?.limits.map(\.scope?.value) == [nil, "env", nil])
        #expect(list.concurrency?.limits.map(\.isPartlyUnread) == [false, false, true])
        #expect(Self.flow("concurrency: Concurrency([ConcurrencyLimit(limit: 2, key: nil)])").concurrency?.limits.map(\.limit?.value) == [2])
        #expect(Self.flow("concurrency: Inngest.Concurrency.limit(n)").concurrency?.limits.first?.isPartlyUnread == true)
    }

    @Test func throttleRateLimitDebounceAndBatchShapes() {
        let flow = Self.flow("""
            throttle: .limit(10, per: .minutes(1), burst: 2, key: "event.data.id"),
                rateLimit: RateLimit(limit: 1, period: .hours(1), key: \\E.id),
                debounce: .period(.seconds(30), key: "event.data.id", timeout: .minutes(2)),
                batchEvents: .maxSize(10, timeout: .seconds(5), key: "event.data.id", if: "event.data.id != ''")
            """)
        #expect(flow.throttle?.limit?.value == 10 && flow.throttle?.period?.nanoseconds == 60_000_000_000 && flow.throttle?.burst?.value == 2)
        #expect(flow.throttle?.key?.expression?.value == "event.data.id")
        #expect(flow.rateLimit?.limit?.value == 1 && flow.rateLimit?.period?.nanoseconds == 3_600_000_000_000)
        #expect(flow.debounce?.period?.nanoseconds == 30_000_000_000 && flow.debounce?.timeout?.nanoseconds == 120_000_000_000)
        #expect(flow.batchEvents?.maxSize?.value == 10 && flow.batchEvents?.timeout?.nanoseconds == 5_000_000_000)
        #expect(flow.batchEvents?.condition?.value == "event.data.id != ''")
    }

    @Test func priorityIdempotencyAndSingletonShapes() {
        let flow = Self.flow(#"priority: .run("event.data.rank"), idempotency: "event.data.id", singleton: .key(\E.id, mode: .cancel)"#)
        #expect(flow.priority?.run.expression?.value == "event.data.rank")
        #expect(flow.idempotency?.key.expression?.value == "event.data.id")
        #expect(flow.singleton?.mode == "cancel")
        #expect(flow.singleton?.key.map { if case .keyPath = $0 { true } else { false } } == true)
        #expect(Self.flow(#"idempotency: .key("event.data.id")"#).idempotency?.key.expression?.value == "event.data.id")
        #expect(Self.flow(#"idempotency: Idempotency(key: "event.data.id")"#).idempotency?.key.expression?.value == "event.data.id")
        #expect(Self.flow(#"priority: Priority(run: "1")"#).priority?.run.expression?.value == "1")
        let function = Self.flow("singleton: .function(mode: .skip)").singleton
        #expect(function?.mode == "skip" && function?.key == nil)
        #expect(Self.flow(#"singleton: Singleton(key: "event.data.id", mode: Singleton.Mode.skip)"#).singleton?.mode == "skip")
    }

    @Test(arguments: [
        "concurrency: limits", "throttle: Self.throttle", "rateLimit: flag ? .limit(1, per: .hours(1)) : nil", "debounce: makeDebounce()",
        "batchEvents: .maxSize(10, timeout: .seconds(5), extra: 1)", "priority: .run(expression)", "idempotency: key", "singleton: .key(\"event.data.x\", mode: mode)",
    ])
    func unreadableValuesAreLeftToTheBootCheck(arguments: String) {
        let output = generate(["A.swift": ConformanceReadingTests.conformance(trigger: "Trigger.event(E.self)", options: "FunctionOptions(\(arguments))")])
        #expect(errors(output).isEmpty, "nothing the build cannot read is reported: \(errors(output))")
    }

    @Test func unreadPartsSkipOnlyTheirOwnChecks() {
        let flow = Self.flow("throttle: .limit(count, per: .days(30))")
        #expect(flow.throttle?.limit == nil)
        let lines = errors(generate(["A.swift": ConformanceReadingTests.conformance(trigger: "Trigger.event(E.self)", options: "FunctionOptions(throttle: .limit(count, per: .days(30)))")]))
        #expect(lines.count == 1 && lines[0].contains("the throttle period of function \"f\" is 720h"), "\(lines)")
    }
}
