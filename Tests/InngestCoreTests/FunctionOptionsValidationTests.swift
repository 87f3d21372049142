import InngestCore
import Testing

/// `FunctionOptions.problems(functionId:)`: the ranges and combinations of /work/flow-rules.md, one
/// test per rule with the passing case beside the failing one.
@Suite struct FunctionOptionsValidationTests {
    private struct Placed: Event {
        static let name = "shop/order.placed"
        var customerId: String
    }

    private func problems(_ options: FunctionOptions) -> [String] { options.problems(functionId: "x") }

    /// The one problem of `options`, or `nil` when there are none or several.
    private func problem(_ options: FunctionOptions) -> String? {
        let found = problems(options)
        return found.count == 1 ? found[0] : nil
    }

    @Test func noOptionsNoProblems() {
        #expect(problems(FunctionOptions()).isEmpty)
    }

    // MARK: concurrency

    @Test func concurrencyHasOneOrTwoLimits() {
        #expect(problems(FunctionOptions(concurrency: [.limit(1), .limit(2, key: "event.data.a")])).isEmpty)
        #expect(problem(FunctionOptions(concurrency: [.limit(1), .limit(2, key: "event.data.a"), .limit(3, key: "event.data.b")]))
                == #"function "x": concurrency has 3 limits; it must have 1 or 2"#)
        #expect(problem(FunctionOptions(concurrency: Concurrency([]))) == #"function "x": concurrency has 0 limits; it must have 1 or 2"#)
    }

    @Test func concurrencyLimitIsAtLeastOne() {
        #expect(problems(FunctionOptions(concurrency: 1)).isEmpty)
        #expect(problem(FunctionOptions(concurrency: 0)) == #"function "x": concurrency.limit is 0; it must be at least 1"#)
        #expect(problem(FunctionOptions(concurrency: [.limit(5), .limit(-1, key: "event.data.a")]))
                == #"function "x": concurrency[1].limit is -1; it must be at least 1"#)
    }

    @Test func sharedScopesNeedAKey() {
        #expect(problems(FunctionOptions(concurrency: .limit(5, key: "\"openai\"", scope: .account))).isEmpty)
        for scope in [ConcurrencyLimit.Scope.env, .account] {
            #expect(problem(FunctionOptions(concurrency: .limit(5, scope: scope)))?
                .hasPrefix(#"function "x": concurrency has scope \#(scope.rawValue) but no key"#) == true)
        }
    }

    @Test func concurrencyKeyParses() {
        #expect(problems(FunctionOptions(concurrency: .limit(5, key: \Placed.customerId))).isEmpty)
        #expect(problem(FunctionOptions(concurrency: .limit(5, key: "evnt.data.id")))?
            .hasPrefix(#"function "x": concurrency.key "evnt.data.id" is not an expression Inngest accepts ("#) == true)
    }

    // MARK: throttle

    @Test func throttleLimitAndBurst() {
        #expect(problems(FunctionOptions(throttle: .limit(1, per: .seconds(1), burst: 0))).isEmpty)
        #expect(problem(FunctionOptions(throttle: .limit(0, per: .minutes(1)))) == #"function "x": throttle.limit is 0; it must be at least 1"#)
        #expect(problem(FunctionOptions(throttle: .limit(1, per: .minutes(1), burst: -1)))
                == #"function "x": throttle.burst is -1; it must be at least 0"#)
    }

    @Test func throttlePeriodIsOneSecondToSevenDays() {
        #expect(problems(FunctionOptions(throttle: .limit(1, per: .days(7)))).isEmpty)
        #expect(problem(FunctionOptions(throttle: .limit(1, per: .milliseconds(500))))
                == #"function "x": throttle.period is 500ms; it must be 1s … 168h"#)
        #expect(problem(FunctionOptions(throttle: .limit(1, per: .days(8)))) == #"function "x": throttle.period is 192h; it must be 1s … 168h"#)
    }

    @Test func throttleKeyParses() {
        #expect(problem(FunctionOptions(throttle: .limit(1, per: .minutes(1), key: "event.data.")))?.hasPrefix(#"function "x": throttle.key"#) == true)
    }

    // MARK: rateLimit

    @Test func rateLimitLimitAndPeriod() {
        #expect(problems(FunctionOptions(rateLimit: .limit(1, per: .hours(24), key: "event.data.a"))).isEmpty)
        #expect(problem(FunctionOptions(rateLimit: .limit(0, per: .hours(1)))) == #"function "x": rateLimit.limit is 0; it must be at least 1"#)
        #expect(problem(FunctionOptions(rateLimit: .limit(1, per: .hours(25)))) == #"function "x": rateLimit.period is 25h; it must be 1s … 24h"#)
        #expect(problem(FunctionOptions(rateLimit: .limit(1, per: .zero))) == #"function "x": rateLimit.period is 0s; it must be 1s … 24h"#)
    }

    @Test func rateLimitKeyParses() {
        #expect(problem(FunctionOptions(rateLimit: .limit(1, per: .hours(1), key: "event.data.a ==")))?.hasPrefix(#"function "x": rateLimit.key"#) == true)
    }

    // MARK: debounce

    @Test func debouncePeriodIsOneSecondToSevenDays() {
        #expect(problems(FunctionOptions(debounce: .period(.seconds(1)))).isEmpty)
        #expect(problems(FunctionOptions(debounce: .period(.days(7)))).isEmpty)
        #expect(problem(FunctionOptions(debounce: .period(.days(8)))) == #"function "x": debounce.period is 192h; it must be 1s … 168h"#)
    }

    @Test func debounceTimeoutIsPositive() {
        // A timeout shorter than the period is only a warning, not a problem.
        #expect(problems(FunctionOptions(debounce: .period(.minutes(5), timeout: .minutes(1)))).isEmpty)
        #expect(problem(FunctionOptions(debounce: .period(.minutes(5), timeout: .zero)))
                == #"function "x": debounce.timeout is 0s; it must be positive, or nil for no cap"#)
    }

    @Test func debounceKeyParses() {
        #expect(problem(FunctionOptions(debounce: .period(.minutes(5), key: "user.id")))?.hasPrefix(#"function "x": debounce.key "user.id""#) == true)
    }

    // MARK: batchEvents

    @Test func batchSizeIsOneToAHundred() {
        // 1 is only a warning (Inngest runs a batch of one unbatched).
        #expect(problems(FunctionOptions(batchEvents: .maxSize(1, timeout: .seconds(1)))).isEmpty)
        #expect(problems(FunctionOptions(batchEvents: .maxSize(100, timeout: .seconds(60)))).isEmpty)
        #expect(problem(FunctionOptions(batchEvents: .maxSize(150, timeout: .seconds(5))))
                == #"function "x": batchEvents.maxSize is 150; it must be 1 … 100"#)
        #expect(problem(FunctionOptions(batchEvents: .maxSize(0, timeout: .seconds(5)))) == #"function "x": batchEvents.maxSize is 0; it must be 1 … 100"#)
    }

    @Test func batchTimeoutIsOneToSixtySeconds() {
        #expect(problem(FunctionOptions(batchEvents: .maxSize(10, timeout: .seconds(61))))
                == #"function "x": batchEvents.timeout is 1m1s; it must be 1s … 1m"#)
        #expect(problem(FunctionOptions(batchEvents: .maxSize(10, timeout: .milliseconds(999))))
                == #"function "x": batchEvents.timeout is 999ms; it must be 1s … 1m"#)
    }

    @Test func batchKeyAndConditionParse() {
        #expect(problems(FunctionOptions(batchEvents: .maxSize(10, timeout: .seconds(5), key: "event.data.a", if: "event.data.ok"))).isEmpty)
        #expect(problem(FunctionOptions(batchEvents: .maxSize(10, timeout: .seconds(5), key: "event.data.a +")))?
            .hasPrefix(#"function "x": batchEvents.key"#) == true)
        #expect(problem(FunctionOptions(batchEvents: .maxSize(10, timeout: .seconds(5), if: "async.data.ok")))?
            .hasPrefix(#"function "x": batchEvents.if "async.data.ok""#) == true)
    }

    // MARK: priority

    @Test func priorityRunParses() {
        #expect(problems(FunctionOptions(priority: .run("event.data.plan == 'pro' ? 120 : 0"))).isEmpty)
        #expect(problem(FunctionOptions(priority: .run("event.data.plan == ")))?.hasPrefix(#"function "x": priority.run"#) == true)
    }

    @Test func aLiteralPriorityIsWithinSixHundredSeconds() {
        #expect(problems(FunctionOptions(priority: .run("600"))).isEmpty)
        #expect(problems(FunctionOptions(priority: .run("-600"))).isEmpty)
        #expect(problem(FunctionOptions(priority: .run("601")))
                == #"function "x": priority.run is 601; it must be -600 … 600 (seconds of head start)"#)
        #expect(problem(FunctionOptions(priority: .run("-700")))
                == #"function "x": priority.run is -700; it must be -600 … 600 (seconds of head start)"#)
    }

    // MARK: idempotency and singleton

    @Test func idempotencyKeyParses() {
        #expect(problems(FunctionOptions(idempotency: "event.data.orderId + '-' + event.data.attempt")).isEmpty)
        #expect(problem(FunctionOptions(idempotency: "event.data.orderId +"))?.hasPrefix(#"function "x": idempotency "event.data.orderId +""#) == true)
    }

    @Test func singletonKeyParsesWhenGiven() {
        #expect(problems(FunctionOptions(singleton: .function(mode: .skip))).isEmpty)
        #expect(problems(FunctionOptions(singleton: .key(\Placed.customerId, mode: .cancel))).isEmpty)
        #expect(problem(FunctionOptions(singleton: .key("event.data[", mode: .skip)))?.hasPrefix(#"function "x": singleton.key"#) == true)
    }

    // MARK: combinations

    private let batch = BatchEvents.maxSize(10, timeout: .seconds(5))

    @Test func batchingWithCancelOnIsRefused() {
        #expect(problem(FunctionOptions(cancelOn: [.event(named: "shop/cancelled")], batchEvents: batch))
                == #"function "x": batchEvents cannot be combined with cancelOn (Inngest refuses the function at sync); remove one of them"#)
    }

    @Test func batchingWithDebounceIsRefused() {
        #expect(problem(FunctionOptions(debounce: .period(.minutes(1)), batchEvents: batch))?.contains("combined with debounce") == true)
    }

    @Test func batchingWithSingletonIsRefused() {
        #expect(problem(FunctionOptions(batchEvents: batch, singleton: .function(mode: .skip)))?.contains("combined with singleton") == true)
    }

    @Test func batchingWithPriorityIsRefused() {
        #expect(problem(FunctionOptions(batchEvents: batch, priority: .run("0")))?.contains("combined with priority") == true)
    }

    @Test func combinationsInngestOnlyIgnoresAreNotProblems() {
        // Warnings, not errors: idempotency replaces rateLimit; batched runs skip both.
        #expect(problems(FunctionOptions(rateLimit: .limit(1, per: .hours(1)), batchEvents: batch, idempotency: "event.data.id")).isEmpty)
        #expect(problems(FunctionOptions(concurrency: 5, throttle: .limit(1, per: .minutes(1)), batchEvents: batch)).isEmpty)
    }
}
