import Foundation
import InngestCore
import InngestServe
import Testing

/// `step.waitForEvent` and `step.invoke` over the serve protocol: the ops Inngest's server expects,
/// and their memos on the way back. The conformance case wait-for-event-basic is in
/// `ConformanceTests`, against the Swift rewrite of the official fixture.
@Suite struct SuspendingStepTests {
    private struct Resume: Event {
        static let name = "test/resume"
        var id: String
        var resume: Bool
    }

    private struct Child: InngestFunction {
        static let id = "child"
        static let trigger = Trigger.event(Resume.self)
        func handle(_ input: Resume, context: Context) async throws -> String { input.id }
    }

    @Test func typedWaitsMatchOnAKeyPath() async throws {
        let serve = try await handler([function("fn") { context in
            let event = try await context.step.waitForEvent("wait", Resume.self, match: \.id, timeout: .hours(24))
            return .bool(event?.resume ?? false)
        }], try configuration(.dev))
        let first = await serve.handle(try post(body: executionBody()))
        #expect(first.bodyText.contains(#""opts":{"event":"test/resume","if":"event.data.id == async.data.id","timeout":"24h"}"#), "\(first.bodyText)")
    }

    @Test func invokeReportsTheCompositeFunctionIdAndReadsTheResult() async throws {
        let serve = try await handler([function("fn") { context in
            .string(try await context.step.invoke("call", Child.self, with: Resume(id: "7", resume: true)))
        }], try configuration(.dev))
        let first = await serve.handle(try post(body: executionBody()))
        #expect(first.status == 206)
        #expect(first.bodyText == #"[{"data":null,"displayName":"call","id":"\#(StepIdentifier.hash("call"))","name":"call","op":"InvokeFunction","opts":{"function_id":"app-child","payload":{"data":{"id":"7","resume":true}}}}]"#)
        let done = await serve.handle(try post(body: executionBody(steps: [StepIdentifier.hash("call"): .object(["data": .string("7")])])))
        #expect(done.status == 200 && done.bodyText == #""7""#)
        let failed = await serve.handle(try post(body: executionBody(steps: [StepIdentifier.hash("call"): .object(["error": .object([
            "name": .string("InngestInvokeTimeoutError"), "message": .string("Timed out waiting for invoked function to complete"),
        ])])])))
        #expect(failed.status == 400 && failed.headers["X-Inngest-No-Retry"] == "true", "an unhandled step error fails the run for good")
    }
}

/// Failure handlers, cancellations and timeouts in the register payload, as Inngest's SDKs emit them.
@Suite struct LifecycleRegistrationTests {
    private struct Placed: Event {
        static let name = "shop/order.placed"
        var orderId: String
    }

    private struct Guarded: InngestFunction, OnFailure {
        static let id = "guarded"
        static let trigger = Trigger.event(Placed.self, if: "event.data.orderId != \"test\"")
        static let options = FunctionOptions(timeouts: Timeouts(start: .seconds(30), finish: .minutes(5)),
                                             cancelOn: [.event(named: "shop/order.cancelled", if: "async.data.orderId == event.data.orderId",
                                                               timeout: .hours(1))])
        func handle(_ input: Placed, context: Context) async throws {}
        func onFailure(_ failure: FunctionFailure<Placed>, context: Context) async throws {}
    }

    @Test func theFailureCompanionAndTheOptionsAreRegistered() throws {
        let functions = FunctionDefinition.withFailureCompanions([FunctionDefinition(Guarded.self) { _ in Guarded() }], appId: "app")
        let payload = RegisterPayload(appId: "app", url: "http://localhost:3000/api/inngest", functions: functions, framework: nil)
        let configs = try #require(payload.functions.arrayValue)
        #expect(configs.count == 2)
        let main = try #require(configs.first { $0["id"] == .string("app-guarded") })
        #expect(main["triggers"]?.jsonString == #"[{"event":"shop/order.placed","expression":"event.data.orderId != \"test\""}]"#)
        #expect(main["cancel"]?.jsonString == #"[{"event":"shop/order.cancelled","if":"async.data.orderId == event.data.orderId","timeout":"1h"}]"#)
        #expect(main["timeouts"]?.jsonString == #"{"finish":"5m","start":"30s"}"#)
        let failure = try #require(configs.first { $0["id"] == .string("app-guarded-failure") })
        #expect(failure["name"] == .string("guarded (failure)"))
        #expect(failure["triggers"]?.jsonString == #"[{"event":"inngest/function.failed","expression":"event.data.function_id == \"app-guarded\""}]"#)
    }
}
