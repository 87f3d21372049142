import Foundation
import InngestCore
import InngestDI
import InngestServe
import Synchronization

/// Inngest's official conformance fixture (`inngest/inngest:tests/conformance/golang/main.go`),
/// rewritten with this SDK's API: the same function ids, triggers, step ids, results and failures,
/// served in dev mode with the runner's signing and event keys.
enum ConformanceFixture {
    static let appId = "conformance-swift"
    /// The runner's default signing key (hex of "this is a test key").
    static let signingKey = "7468697320697320612074657374206b6579"
    static let eventKey = "test"

    /// What most fixture functions return: `{"name": <event name>, "body": "ok"}`.
    struct Reply: Encodable, Sendable {
        var name: String
        var body = "ok"
    }

    /// Go's `errors.New(…)`. A Swift error is reported under its type's name, and the runner accepts
    /// only `Error` (the name Go and JS give a plain error) for the function-level failure.
    struct Error: Swift.Error, CustomStringConvertible {
        let description: String
        init(_ message: String) { self.description = message }
    }

    /// `test-suite-simple-fn`: returns at once.
    struct SimpleFunction: InngestFunction {
        static let id = "test-suite-simple-fn"
        static let trigger = Trigger<InngestEvent>.event(named: "tests/function.test")

        func handle(_ event: InngestEvent, context: Context) async throws -> Reply {
            Reply(name: event.name)
        }
    }

    /// `test-suite-step-test`: a step, a two-second sleep, a step that uses the first's result.
    struct StepTest: InngestFunction {
        static let id = "test-suite-step-test"
        static let trigger = Trigger<InngestEvent>.event(named: "tests/step.test")

        struct Second: Codable, Sendable {
            var first: String
            var second: Bool
        }

        func handle(_ event: InngestEvent, context: Context) async throws -> Reply {
            let first = try await context.step.run("first step") { "first step" }
            try await context.step.sleep("sleep", for: .seconds(2))
            _ = try await context.step.run("second step") { Second(first: first, second: true) }
            return Reply(name: event.name)
        }
    }

    /// How often the retry fixture's step and body ran, across executions (Go's package-level
    /// atomics).
    final class RetryCounts: Sendable {
        private let counts = Mutex((step: 0, body: 0))

        func stepRan() -> Int { counts.withLock { $0.step += 1; return $0.step } }
        func bodyRan() -> Int { counts.withLock { $0.body += 1; return $0.body } }
    }

    /// `test-suite-retry-test`: the step fails once, then the body fails once after the step
    /// succeeded.
    struct RetryTest: InngestFunction {
        static let id = "test-suite-retry-test"
        static let trigger = Trigger<InngestEvent>.event(named: "tests/retry.test")
        let counts: RetryCounts

        func handle(_ event: InngestEvent, context: Context) async throws -> Reply {
            _ = try await context.step.run("first step") { () throws -> String in
                if counts.stepRan() == 1 { throw Error("broken") }
                return "yes: 2"
            }
            if counts.bodyRan() == 1 { throw Error("broken func") }
            return Reply(name: event.name)
        }
    }

    /// `test-suite-cancel-test`: sleeps ten seconds, cancelled by a matching `cancel/please`.
    struct CancelTest: InngestFunction {
        static let id = "test-suite-cancel-test"
        static let trigger = Trigger<InngestEvent>.event(named: "tests/cancel.test")
        static let options = FunctionOptions(cancelOn: [.event(named: "cancel/please", if: "async.data.request_id == event.data.request_id")])

        func handle(_ event: InngestEvent, context: Context) async throws -> Reply {
            try await context.step.sleep("sleep", for: .seconds(10))
            _ = try await context.step.run("After the sleep") { "This should be cancelled if a matching cancel event is received" }
            return Reply(name: event.name)
        }
    }

    /// `test-suite-wait-for-event`: waits for `test/resume` with the run's id, and returns its data.
    struct WaitForEvent: InngestFunction {
        static let id = "test-suite-wait-for-event"
        static let trigger = Trigger<InngestEvent>.event(named: "tests/wait.test")

        func handle(_ event: InngestEvent, context: Context) async throws -> JSONValue {
            let resumed = try await context.step.waitForEvent("wait", event: "test/resume",
                                                              if: "async.data.resume == true && async.data.id == event.data.id",
                                                              timeout: .seconds(10))
            guard let resumed else { return .object([:]) }
            return .object(["result": resumed.data])
        }
    }

    /// The fixture's functions, in the Go file's order.
    static func functions(retryCounts: RetryCounts = RetryCounts()) -> [FunctionDefinition] {
        [
            FunctionDefinition(SimpleFunction.self) { _ in SimpleFunction() },
            FunctionDefinition(StepTest.self) { _ in StepTest() },
            FunctionDefinition(RetryTest.self) { _ in RetryTest(counts: retryCounts) },
            FunctionDefinition(CancelTest.self) { _ in CancelTest() },
            FunctionDefinition(WaitForEvent.self) { _ in WaitForEvent() },
        ]
    }

    /// The fixture's serve handler: dev mode, as the Go fixture runs (`Dev: true`, in-band sync
    /// allowed), with its keys.
    static func handler(retryCounts: RetryCounts = RetryCounts()) async throws -> InngestServeHandler {
        let functions = functions(retryCounts: retryCounts)
        let container = try await Container.boot(EmptyModule.self, rootProviders: functions.compactMap(\.handlerProvider))
        let configuration = try ServeConfiguration(appId: appId, mode: .dev, signingKey: signingKey, eventKey: eventKey)
        return InngestServeHandler(functions: functions, configuration: configuration, resolver: { _ in container.rootResolver },
                                   events: nil, logger: InngestLogger(sink: InngestLogger.discard), clock: FixedClock(date: fixedNow),
                                   requestTimeout: generousTimeout)
    }
}
