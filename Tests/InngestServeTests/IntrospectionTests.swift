import Foundation
import InngestCore
import InngestCrypto
import InngestServe
import Testing

@Suite struct IntrospectionTests {
    private let functions = [function("fn") { _ in .null }, function("other") { _ in .null }]

    private func expectSDKHeaders(_ response: ServeResponse) {
        #expect(response.headers["x-inngest-sdk"] == "inngest-swift:v0.1.0")
        #expect(response.headers["X-Inngest-Req-Version"] == "2")
        #expect(response.headers["content-type"] == "application/json")
    }

    @Test func devModeAnswersTheUnauthenticatedBody() async throws {
        let serve = try await handler(functions, try configuration(.dev))
        let response = await serve.handle(ServeRequest(method: "GET", path: "/api/inngest"))
        #expect(response.status == 200)
        expectSDKHeaders(response)
        #expect(response.headers["X-Inngest-Signature"] == nil)
        #expect(response.bodyText == #"{"authentication_succeeded":null,"capabilities":{"in_band_sync":"v1","trust_probe":"v1"},"#
                + #""extra":{},"function_count":2,"has_event_key":false,"has_signing_key":false,"has_signing_key_fallback":false,"#
                + #""mode":"dev","schema_version":"2024-05-24"}"#)
    }

    @Test func cloudModeRejectsUnsignedIntrospection() async throws {
        let serve = try await handler(functions, try configuration(.cloud))
        let response = await serve.handle(ServeRequest(method: "GET", path: "/api/inngest"))
        #expect(response.status == 401)
        expectSDKHeaders(response)
        #expect(response.bodyText.hasPrefix(#"{"error":"the request has no X-Inngest-Signature header"#))
        #expect(response.bodyText.hasSuffix(#""message":"Unauthorized"}"#))
    }

    @Test func cloudModeRejectsBadlySignedIntrospection() async throws {
        let serve = try await handler(functions, try configuration(.cloud))
        let header = RequestSignature.sign([], key: try SigningKey(otherKeyText), timestamp: 1_700_000_000).headerValue
        let response = await serve.handle(ServeRequest(method: "GET", path: "/api/inngest", headers: ["X-Inngest-Signature": header]))
        #expect(response.status == 401)
    }

    @Test func signedIntrospectionGetsTheAuthenticatedBody() async throws {
        let serve = try await handler(functions, try configuration(.cloud, eventKey: "ek"))
        let key = try SigningKey(testKeyText)
        let header = RequestSignature.sign([], key: key, timestamp: 1_700_000_000).headerValue
        let response = await serve.handle(ServeRequest(method: "GET", path: "/api/inngest", headers: ["x-inngest-signature": header]))
        #expect(response.status == 200)
        expectSDKHeaders(response)
        let body = try JSONValue(json: response.body)
        #expect(body["authentication_succeeded"] == .bool(true))
        #expect(body["mode"] == .string("cloud"))
        #expect(body["app_id"] == .string("app"))
        #expect(body["function_count"] == .integer(2))
        #expect(body["signing_key_hash"] == .string(key.hashed))
        #expect(body["signing_key_fallback_hash"] == .null)
        #expect(body["event_key_hash"] == .string(Hex.encode(Digest.sha256(Array("ek".utf8)))))
        #expect(body["api_origin"] == .string("https://api.inngest.com"))
        #expect(body["serve_path"] == .string("/api/inngest"))
        #expect(body["sdk_language"] == .string("swift"))
        #expect(body["sdk_version"] == .string("0.1.0"))
        // The response is signed with the key that verified the request.
        let signature = try RequestSignature(header: try #require(response.headers["X-Inngest-Signature"]))
        #expect(RequestSignature.sign(response.body, key: key, timestamp: signature.timestamp) == signature)
    }

    @Test func otherMethodsAreRefused() async throws {
        let serve = try await handler(functions, try configuration(.dev))
        let response = await serve.handle(ServeRequest(method: "DELETE", path: "/api/inngest"))
        #expect(response.status == 405)
        expectSDKHeaders(response)
    }
}
