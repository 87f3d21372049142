import Foundation
import InngestCore
import InngestServe
import Testing

@Suite struct ExecuteTests {
    private let hashA = StepIdentifier.hash("a")
    private let hashB = StepIdentifier.hash("b")

    private func twoSteps(_ counter: Counter) -> FunctionDefinition {
        function("fn") { context in
            let a = try await context.step.run("a") { counter.hit("a"); return "first step" }
            let b = try await context.step.run("b") { counter.hit("b"); return true }
            return .object(["first": .string(a), "second": .bool(b)])
        }
    }

    @Test func twoStepFunctionFollowsTheConformanceSequence() async throws {
        let counter = Counter()
        let serve = try await handler([twoSteps(counter)], try configuration(.dev))

        let first = await serve.handle(try post(body: executionBody()))
        #expect(first.status == 206)
        #expect(first.bodyText == #"[{"data":"first step","displayName":"a","id":"\#(hashA)","name":"a","op":"StepRun"}]"#)
        #expect(counter["a"] == 1 && counter["b"] == 0)

        let second = await serve.handle(try post(body: executionBody(steps: [hashA: .object(["data": .string("first step")])])))
        #expect(second.status == 206)
        #expect(second.bodyText == #"[{"data":true,"displayName":"b","id":"\#(hashB)","name":"b","op":"StepRun"}]"#)
        #expect(counter["a"] == 1 && counter["b"] == 1)

        let third = await serve.handle(try post(body: executionBody(steps: [hashA: .object(["data": .string("first step")]),
                                                                         hashB: .object(["data": .bool(true)])])))
        #expect(third.status == 200)
        #expect(third.bodyText == #"{"first":"first step","second":true}"#)
        #expect(counter["a"] == 1 && counter["b"] == 1)
        for response in [first, second, third] {
            #expect(response.headers["X-Inngest-SDK"] == "inngest-swift:v0.1.0")
            #expect(response.headers["X-Inngest-Req-Version"] == "2")
            #expect(response.headers["Content-Type"] == "application/json")
        }
    }

    @Test func bareFunctionIdIsAccepted() async throws {
        let serve = try await handler([function("fn") { _ in .string("done") }], try configuration(.dev))
        let response = await serve.handle(try post(fnId: "fn", body: executionBody()))
        #expect(response.status == 200)
        #expect(response.bodyText == #""done""#)
    }

    @Test func sleepIsReportedWithDataNull() async throws {
        let serve = try await handler([function("fn") { context in
            try await context.step.sleep("sleep", for: .seconds(2))
            return .null
        }], try configuration(.dev))
        let response = await serve.handle(try post(body: executionBody()))
        #expect(response.status == 206)
        #expect(response.bodyText
                == #"[{"data":null,"displayName":"sleep","id":"c3ca5f787365eae0dea86250e27d476406956478","name":"sleep","op":"Sleep","opts":{"duration":"2s"}}]"#)
        let woken = await serve.handle(try post(body: executionBody(steps: ["c3ca5f787365eae0dea86250e27d476406956478": .null])))
        #expect(woken.status == 200)
        #expect(woken.bodyText == "null")
    }

    private func failing() -> FunctionDefinition {
        function("fn") { context in
            try await context.step.run("charge") { throw Boom() }
            return .null
        }
    }

    @Test func stepErrorWithRetriesLeft() async throws {
        let serve = try await handler([failing()], try configuration(.dev))
        let response = await serve.handle(try post(body: executionBody(attempt: 1, maxAttempts: 3)))
        #expect(response.status == 206)
        #expect(response.bodyText == #"[{"data":null,"displayName":"charge","error":{"message":"boom","name":"Boom"},"id":"\#(StepIdentifier.hash("charge"))","name":"charge","op":"StepError"}]"#)
    }

    @Test func stepFailedOnTheLastAttempt() async throws {
        let serve = try await handler([failing()], try configuration(.dev))
        let response = await serve.handle(try post(body: executionBody(attempt: 2, maxAttempts: 3)))
        #expect(response.status == 206)
        #expect(response.bodyText == #"[{"data":null,"displayName":"charge","error":{"message":"boom","name":"Boom"},"id":"\#(StepIdentifier.hash("charge"))","name":"charge","op":"StepFailed"}]"#)
    }

    @Test func memoizedStepFailureFailsTheRunWithoutRetry() async throws {
        let serve = try await handler([failing()], try configuration(.dev))
        let memo: [String: JSONValue] = [StepIdentifier.hash("charge"): .object(["error": .object(["name": .string("Boom"), "message": .string("boom")])])]
        let response = await serve.handle(try post(body: executionBody(steps: memo)))
        #expect(response.status == 400)
        #expect(response.headers["X-Inngest-No-Retry"] == "true")
    }

    @Test func nonRetriableErrorAnswers400WithNoRetry() async throws {
        let serve = try await handler([function("fn") { _ in throw NonRetriableError("the order is gone") }], try configuration(.dev))
        let response = await serve.handle(try post(body: executionBody()))
        #expect(response.status == 400)
        #expect(response.headers["X-Inngest-No-Retry"] == "true")
        #expect(response.bodyText == #"{"message":"the order is gone","name":"NonRetriableError"}"#)
    }

    @Test func ordinaryErrorAnswers500WithRetry() async throws {
        let serve = try await handler([function("fn") { _ in throw Boom() }], try configuration(.dev))
        let response = await serve.handle(try post(body: executionBody()))
        #expect(response.status == 500)
        #expect(response.headers["X-Inngest-No-Retry"] == "false")
        #expect(response.headers["Retry-After"] == nil)
        #expect(response.bodyText == #"{"message":"boom","name":"Boom"}"#)
    }

    @Test func retryAfterErrorSetsRetryAfter() async throws {
        let at = Date(timeIntervalSince1970: 1_700_000_060.2)
        let serve = try await handler([function("fn") { _ in throw RetryAfterError("rate limited", at: at) }], try configuration(.dev))
        let response = await serve.handle(try post(body: executionBody()))
        #expect(response.status == 500)
        #expect(response.headers["X-Inngest-No-Retry"] == "false")
        #expect(response.headers["Retry-After"] == "2023-11-14T22:14:21Z")
    }

    @Test func stepRetryAfterSetsRetryAfterOn206() async throws {
        let at = Date(timeIntervalSince1970: 1_700_000_120)
        let serve = try await handler([function("fn") { context in
            try await context.step.run("call") { throw RetryAfterError("slow down", at: at) }
            return .null
        }], try configuration(.dev))
        let response = await serve.handle(try post(body: executionBody()))
        #expect(response.status == 206)
        #expect(response.headers["Retry-After"] == "2023-11-14T22:15:20Z")
    }

    @Test func targetedCallRunsOnlyTheTarget() async throws {
        let counter = Counter()
        let serve = try await handler([twoSteps(counter)], try configuration(.dev))
        let response = await serve.handle(try post(stepId: hashA, body: executionBody(disableImmediate: true)))
        #expect(response.status == 206)
        #expect(response.bodyText == #"[{"data":"first step","displayName":"a","id":"\#(hashA)","name":"a","op":"StepRun"}]"#)
        let planned = await serve.handle(try post(body: executionBody(disableImmediate: true)))
        #expect(planned.bodyText == #"[{"data":null,"displayName":"a","id":"\#(hashA)","name":"a","op":"StepPlanned"}]"#)
        #expect(counter["a"] == 1 && counter["b"] == 0)
    }

    @Test func unknownFunctionIs500() async throws {
        let serve = try await handler([function("fn") { _ in .null }], try configuration(.dev))
        let response = await serve.handle(try post(fnId: "app-missing", body: executionBody()))
        #expect(response.status == 500)
        #expect(response.headers["X-Inngest-No-Retry"] == "false")
        #expect(response.bodyText.contains(#"no function \"app-missing\" in app app"#))
        #expect(response.bodyText.contains("sync the app again"))
    }

    @Test(arguments: [
        ("", 400, "is empty"),
        ("{\"event\":{\"name\":\"test/event\",\"data\":{}},\"ctx\":{\"run_id\":\"r\"", 400, "not valid JSON"),
        ("not json at all", 400, "not valid JSON"),
        ("[1,2,3]", 400, "body must be a JSON object, not an array of 3"),
        ("{\"event\":{\"name\":\"test/event\",\"data\":{}},\"ctx\":{\"run_id\":\"r\"},\"steps\":[1]}", 400, "steps must be a JSON object, not an array"),
        ("{\"ctx\":{\"run_id\":\"r\"}}", 400, "neither"),
        ("{\"event\":{\"name\":\"test/event\",\"data\":{}}}", 400, "run_id"),
    ])
    func badBodiesAreRefusedAndNothingRuns(body: String, status: Int, message: String) async throws {
        let counter = Counter()
        let serve = try await handler([function("fn") { _ in counter.hit("body"); return .null }], try configuration(.dev))
        let response = await serve.handle(try post(body: Array(body.utf8)))
        #expect(response.status == status)
        #expect(response.bodyText.contains(message))
        #expect(response.bodyText.hasPrefix(#"{"message":"#))
        #expect(response.headers["X-Inngest-No-Retry"] == "true")
        #expect(counter["body"] == 0)
    }

    @Test func hugeBodyIsRefusedAndNothingRuns() async throws {
        let counter = Counter()
        let serve = try await handler([function("fn") { _ in counter.hit("body"); return .null }], try configuration(.cloud))
        let huge = [UInt8](repeating: UInt8(ascii: " "), count: 4 * 1024 * 1024 + 1)
        let response = await serve.handle(try post(body: huge, signedWith: testKeyText))
        #expect(response.status == 413)
        #expect(response.headers["X-Inngest-No-Retry"] == "true")
        #expect(response.bodyText.contains("4 MiB"))
        #expect(counter["body"] == 0)
    }

    @Test func cloudModeRejectsUnsignedCallsAndRunsNothing() async throws {
        let counter = Counter()
        let serve = try await handler([twoSteps(counter)], try configuration(.cloud))
        let unsigned = await serve.handle(try post(body: executionBody()))
        #expect(unsigned.status == 401)
        #expect(unsigned.bodyText.contains("Unauthorized"))
        let wrongKey = await serve.handle(try post(body: executionBody(), signedWith: otherKeyText))
        #expect(wrongKey.status == 401)
        let stale = await serve.handle(try post(body: executionBody(), signedWith: testKeyText, at: 1_700_000_000 - 600))
        #expect(stale.status == 401)
        var tampered = try post(body: executionBody(), signedWith: testKeyText)
        tampered.body = executionBody(attempt: 1)
        #expect(await serve.handle(tampered).status == 401)
        #expect(counter["a"] == 0)

        let signed = await serve.handle(try post(body: executionBody(), signedWith: testKeyText))
        #expect(signed.status == 206)
        #expect(counter["a"] == 1)
        let signature = try RequestSignature(header: try #require(signed.headers["X-Inngest-Signature"]))
        #expect(RequestSignature.sign(signed.body, key: try SigningKey(testKeyText), timestamp: signature.timestamp) == signature)
    }

    @Test func fallbackKeySignaturesAreAccepted() async throws {
        let serve = try await handler([function("fn") { _ in .string("ok") }],
                                      try configuration(.cloud, signingKey: otherKeyText, fallback: testKeyText))
        let response = await serve.handle(try post(body: executionBody(), signedWith: testKeyText))
        #expect(response.status == 200)
    }

    @Test func trustProbe() async throws {
        let serve = try await handler([function("fn") { _ in .null }], try configuration(.cloud))
        let unsigned = await serve.handle(ServeRequest(method: "POST", target: "/api/inngest?probe=trust"))
        #expect(unsigned.status == 401)
        let header = RequestSignature.sign([], key: try SigningKey(testKeyText), timestamp: 1_700_000_000).headerValue
        let signed = await serve.handle(ServeRequest(method: "POST", target: "/api/inngest?probe=trust",
                                                     headers: ["X-Inngest-Signature": header]))
        #expect(signed.status == 200)
        #expect(signed.bodyText == "{}")
        #expect(signed.headers["X-Inngest-Signature"] != nil)
    }
}
