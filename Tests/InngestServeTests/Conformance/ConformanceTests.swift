import Foundation
import InngestCore
import InngestServe
import Testing

/// Inngest's official serve conformance cases (`inngest/inngest:pkg/conformance/runner/serve/runner.go`)
/// against the Swift rewrite of its fixture: each call the dev server makes, the exact bytes this
/// SDK answers, and the runner's own comparison of them (`expectGeneratorResponse`,
/// `expectJSONResponse`, `expectResponse`).
@Suite struct ConformanceTests {
    private typealias Op = ConformanceRunner.Op

    private let firstStep = "98bf98df193bcce7c33e6bc50927cf2ac21206cb"
    private let sleep = "c3ca5f787365eae0dea86250e27d476406956478"
    private let secondStep = "764e20ec975d4ef820d0f42e6a5833384bd7ee36"
    private let wait = "daaad336276d15594d0e765f96c17cd746bf4971"

    private func expectSDKHeaders(_ response: ServeResponse, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.headers["X-Inngest-SDK"] == "inngest-swift:v0.1.0", sourceLocation: sourceLocation)
        #expect(response.headers["X-Inngest-Req-Version"] == "2", sourceLocation: sourceLocation)
        #expect(response.headers["Content-Type"] == "application/json", sourceLocation: sourceLocation)
    }

    /// `expectGeneratorResponse`: 206, and the normalized ops equal.
    private func expectOps(_ response: ServeResponse, bytes: String, runner expected: [Op],
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(response.status == 206, sourceLocation: sourceLocation)
        #expect(response.bodyText == bytes, sourceLocation: sourceLocation)
        #expect(try Op.normalized(response.body) == expected, sourceLocation: sourceLocation)
        expectSDKHeaders(response, sourceLocation: sourceLocation)
    }

    /// `expectJSONResponse`: the status, and the decoded bodies equal.
    private func expectJSON(_ response: ServeResponse, status: Int, bytes: String, runner expected: JSONValue,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.bodyText == bytes, sourceLocation: sourceLocation)
        #expect(try JSONValue(json: response.body) == expected, sourceLocation: sourceLocation)
        expectSDKHeaders(response, sourceLocation: sourceLocation)
    }

    // MARK: serve-introspection

    /// The runner syncs in band and needs every fixture function in the answer (matched by id or by
    /// `-<slug>` suffix), decodable as its `sdk.SDKFunction`; its doctor also checks that `GET` is
    /// below 300.
    @Test func serveIntrospection() async throws {
        let serve = try await ConformanceFixture.handler()
        let inspection = await serve.handle(ServeRequest(method: "GET", target: "/api/inngest"))
        #expect(inspection.status == 200)

        let sync = await serve.handle(try ConformanceRunner.inBandSync())
        #expect(sync.status == 200)
        #expect(sync.headers["X-Inngest-Sync-Kind"] == "in_band")
        expectSDKHeaders(sync)
        let golden = try RegisterPayloadTests.golden("conformance-in-band-sync.json")
        #expect(sync.bodyText == String(decoding: golden, as: UTF8.self))

        let json = try JSONValue(json: sync.body)
        #expect(json["app_id"] == .string("conformance-swift"))
        #expect(json["sdk_language"] == .string("swift") && json["sdk_version"] == .string("0.1.0"))
        #expect(json["url"] == .string(ConformanceRunner.proxyURL))
        let functions = try #require(json["functions"]?.arrayValue)
        let slugs = ["test-suite-simple-fn", "test-suite-step-test", "test-suite-retry-test", "test-suite-cancel-test", "test-suite-wait-for-event"]
        for slug in slugs {
            let function = try #require(functions.first { $0["id"]?.stringValue?.hasSuffix("-" + slug) == true }, "\(slug) is synced")
            // The fields `sdk.SDKFunction` decodes, with the types it decodes them as.
            #expect(function["name"]?.stringValue != nil)
            #expect(function["triggers"]?.arrayValue?.first?["event"]?.stringValue != nil)
            let step = try #require(function["steps"]?["step"])
            #expect(step["id"] == .string("step") && step["name"] == .string("step"))
            #expect(step["runtime"]?["url"]?.stringValue == "\(ConformanceRunner.proxyURL)?fnId=conformance-swift-\(slug)&stepId=step")
        }
        let cancel = try #require(functions.first { $0["id"] == .string("conformance-swift-test-suite-cancel-test") })
        #expect(cancel["cancel"]?.jsonString == #"[{"event":"cancel/please","if":"async.data.request_id == event.data.request_id"}]"#)
    }

    // MARK: basic-invoke

    @Test func basicInvoke() async throws {
        let serve = try await ConformanceFixture.handler()
        let event = ConformanceRunner.event("tests/function.test", data: .object(["test": .bool(true)]))
        let response = await serve.handle(try ConformanceRunner.execution("test-suite-simple-fn", event: event, version: -1))
        try expectJSON(response, status: 200, bytes: #"{"body":"ok","name":"tests/function.test"}"#,
                       runner: .object(["name": .string("tests/function.test"), "body": .string("ok")]))
    }

    // MARK: steps-serial

    @Test func stepsSerial() async throws {
        let serve = try await ConformanceFixture.handler()
        let event = ConformanceRunner.event("tests/step.test", data: .object(["steps": .object(["ok": .string("yes")])]),
                                            user: .object(["email": .string("test@example.com")]))
        let function = "test-suite-step-test"

        let first = await serve.handle(try ConformanceRunner.execution(function, event: event, version: -1))
        try expectOps(first, bytes: #"[{"data":"first step","displayName":"first step","id":"\#(firstStep)","name":"first step","op":"StepRun"}]"#,
                      runner: [Op(op: "StepRun", id: firstStep, name: "first step", data: #""first step""#)])

        let second = await serve.handle(try ConformanceRunner.execution(function, event: event, steps: [
            firstStep: .object(["data": .string("first step")]),
        ], version: 2))
        try expectOps(second, bytes: #"[{"data":null,"displayName":"sleep","id":"\#(sleep)","name":"sleep","op":"Sleep","opts":{"duration":"2s"}}]"#,
                      runner: [Op(op: "Sleep", id: sleep, name: "2s", data: "null")])

        let third = await serve.handle(try ConformanceRunner.execution(function, event: event, steps: [
            firstStep: .object(["data": .string("first step")]), sleep: .null,
        ], version: 2))
        try expectOps(third, bytes: #"[{"data":{"first":"first step","second":true},"displayName":"second step","id":"\#(secondStep)","#
                      + #""name":"second step","op":"StepRun"}]"#,
                      runner: [Op(op: "StepRun", id: secondStep, name: "second step", data: #"{"first":"first step","second":true}"#)])

        let done = await serve.handle(try ConformanceRunner.execution(function, event: event, steps: [
            firstStep: .object(["data": .string("first step")]), sleep: .null,
            secondStep: .object(["data": .object(["first": .string("first step"), "second": .bool(true)])]),
        ], version: 2))
        try expectJSON(done, status: 200, bytes: #"{"body":"ok","name":"tests/step.test"}"#,
                       runner: .object(["body": .string("ok"), "name": .string("tests/step.test")]))
    }

    // MARK: retry-basic

    @Test func retryBasic() async throws {
        let serve = try await ConformanceFixture.handler()
        let event = ConformanceRunner.event("tests/retry.test", data: .object(["steps": .object(["ok": .string("yes")])]),
                                            user: .object(["email": .string("test@example.com")]))
        let function = "test-suite-retry-test"

        let failed = await serve.handle(try ConformanceRunner.execution(function, event: event, version: -1))
        try expectOps(failed, bytes: #"[{"data":null,"displayName":"first step","error":{"message":"broken","name":"Error"},"id":"\#(firstStep)","#
                      + #""name":"first step","op":"StepError"}]"#,
                      runner: [Op(op: "StepError", id: firstStep, name: "first step", data: "null", errorMessage: "broken")])
        #expect(failed.headers["X-Inngest-No-Retry"] == nil, "a StepError is retried by the server")

        // The step's retry comes back as a discovery call with the next attempt.
        let retried = await serve.handle(try ConformanceRunner.execution(function, event: event, attempt: 1, version: 2))
        try expectOps(retried, bytes: #"[{"data":"yes: 2","displayName":"first step","id":"\#(firstStep)","name":"first step","op":"StepRun"}]"#,
                      runner: [Op(op: "StepRun", id: firstStep, name: "first step", data: #""yes: 2""#)])

        let memo: KeyValuePairs<String, JSONValue> = [firstStep: .object(["data": .string("yes: 2")])]
        let bodyFailed = await serve.handle(try ConformanceRunner.execution(function, event: event, steps: memo, attempt: 0, version: 2))
        #expect(bodyFailed.status == 500)
        #expect(bodyFailed.bodyText == #"{"message":"broken func","name":"Error"}"#)
        #expect(bodyFailed.headers["X-Inngest-No-Retry"] == "false")
        expectSDKHeaders(bodyFailed)
        // The runner accepts no name, an empty one, or "Error", and this message.
        let error = try JSONValue(json: bodyFailed.body)
        #expect([nil, "", "Error"].contains(error["name"]?.stringValue))
        #expect(error["message"] == .string("broken func"))

        let done = await serve.handle(try ConformanceRunner.execution(function, event: event, steps: memo, attempt: 1, version: 2))
        try expectJSON(done, status: 200, bytes: #"{"body":"ok","name":"tests/retry.test"}"#,
                       runner: .object(["body": .string("ok"), "name": .string("tests/retry.test")]))
    }

    // MARK: cancel-basic

    /// The sleep is reported; the cancellation itself is the server's (from the `cancel` config
    /// synced in `serveIntrospection`), after which the runner expects no further call.
    @Test func cancelBasic() async throws {
        let serve = try await ConformanceFixture.handler()
        let event = ConformanceRunner.event("tests/cancel.test", data: .object([
            "request_id": .string("123"), "whatever": .string("this doesn't matter my friend"),
        ]))
        let response = await serve.handle(try ConformanceRunner.execution("test-suite-cancel-test", event: event, version: -1))
        try expectOps(response, bytes: #"[{"data":null,"displayName":"sleep","id":"\#(sleep)","name":"sleep","op":"Sleep","opts":{"duration":"10s"}}]"#,
                      runner: [Op(op: "Sleep", id: sleep, name: "10s", data: "null")])
    }

    // MARK: wait-for-event-basic

    @Test func waitForEventBasic() async throws {
        let serve = try await ConformanceFixture.handler()
        let event = ConformanceRunner.event("tests/wait.test", data: .object(["id": .string("123")]))
        let function = "test-suite-wait-for-event"

        let waiting = await serve.handle(try ConformanceRunner.execution(function, event: event, version: -1))
        try expectOps(waiting, bytes: #"[{"data":null,"displayName":"wait","id":"\#(wait)","name":"wait","op":"WaitForEvent","#
                      + #""opts":{"event":"test/resume","if":"async.data.resume == true && async.data.id == event.data.id","timeout":"10s"}}]"#,
                      runner: [Op(op: "WaitForEvent", id: wait, name: "wait", opts: .object([
                          "event": .string("test/resume"), "if": .string("async.data.resume == true && async.data.id == event.data.id"),
                          "timeout": .string("10s"),
                      ]), data: "null")])

        // The memo is the matching event as `inngestgo.Event.Map()` builds it (`ts` a float64).
        let resume: JSONValue = .object(["id": .string("resume"), "name": .string("test/resume"), "ts": .integer(1_700_000_001_000),
                                         "user": .object([:]), "data": .object(["id": .string("123"), "resume": .bool(true)])])
        let resumed = await serve.handle(try ConformanceRunner.execution(function, event: event, steps: [wait: resume], version: 2))
        try expectJSON(resumed, status: 200, bytes: #"{"result":{"id":"123","resume":true}}"#,
                       runner: .object(["result": .object(["id": .string("123"), "resume": .bool(true)])]))

        // Not part of the runner's sequence: a timed-out wait returns an empty object, as the Go fixture does.
        let timedOut = await serve.handle(try ConformanceRunner.execution(function, event: event, steps: [wait: .null], version: 2))
        #expect(timedOut.status == 200 && timedOut.bodyText == "{}")
    }
}
