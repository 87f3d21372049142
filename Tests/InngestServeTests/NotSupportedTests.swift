import Foundation
import InngestCore
import InngestServe
import Testing

/// One rule for what swift-inngest does not support: 400, `X-Inngest-No-Retry: true` (a retry cannot
/// succeed), and `{"name": "NotSupportedError", "message": "<feature> is not supported yet by
/// swift-inngest; see the README…"}`, whichever path reaches it.
@Suite struct NotSupportedTests {
    private func expectNotSupported(_ response: ServeResponse, feature: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(response.status == 400, sourceLocation: sourceLocation)
        #expect(response.headers["X-Inngest-No-Retry"] == "true", sourceLocation: sourceLocation)
        let json = try JSONValue(json: response.body)
        #expect(json["name"] == .string("NotSupportedError"), sourceLocation: sourceLocation)
        let message = try #require(json["message"]?.stringValue, sourceLocation: sourceLocation)
        #expect(message.hasPrefix(feature), sourceLocation: sourceLocation)
        #expect(message.contains("is not supported yet by swift-inngest; see \"Not supported yet\" in the README"), sourceLocation: sourceLocation)
    }

    @Test func useAPI() async throws {
        let counter = Counter()
        let serve = try await handler([function("fn") { _ in counter.hit("ran"); return .null }], try configuration(.dev))
        try expectNotSupported(await serve.handle(try post(body: executionBody(useAPI: true))), feature: "fetching large run state")
        #expect(counter["ran"] == 0)
    }

    @Test func signedCallsGetASignedAnswer() async throws {
        let serve = try await handler([function("fn") { _ in .null }], try configuration(.cloud))
        let response = await serve.handle(try post(body: executionBody(useAPI: true), signedWith: testKeyText))
        try expectNotSupported(response, feature: "fetching large run state")
        let signature = try RequestSignature(header: try #require(response.headers["X-Inngest-Signature"]))
        #expect(RequestSignature.sign(response.body, key: try SigningKey(testKeyText), timestamp: signature.timestamp) == signature)
    }
}
