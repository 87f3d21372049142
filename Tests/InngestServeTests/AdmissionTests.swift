import Foundation
import InngestCore
import InngestServe
import Testing

/// In cloud mode, a forged request is answered 401 with nothing parsed and nothing run, on every
/// method and path; a request signed validly but carrying a bad body is 400; an oversized body is 413
/// before any HMAC.
@Suite struct AdmissionTests {
    private static let notJSON: [[UInt8]] = [Array("not json at all".utf8), [0x00, 0xFF, 0xFE], Array("{\"a\":".utf8),
                                             Array(String(repeating: "[", count: 4_000).utf8), []]

    private static let badHeaders = ["", "garbage", forgedSignature + "&t=1", "t=1700000000&s=" + String(repeating: "z", count: 64),
                                     "t=1699990000&s=" + String(repeating: "ab", count: 32), String(repeating: "t=1&", count: 5_000)]

    /// A handler whose only function records that it ran.
    private func recordingHandler(_ counter: Counter, configuration: ServeConfiguration? = nil) async throws -> InngestServeHandler {
        try await handler([function("fn") { _ in counter.hit("ran"); return .null }], configuration ?? self.configuration(.cloud))
    }

    private func configuration(_ mode: ServeMode) throws -> ServeConfiguration {
        try InngestServeTests.configuration(mode)
    }

    /// Every route the endpoint has, with a body and a signature header.
    private func requests(body: [UInt8], signature: String?) -> [ServeRequest] {
        var headers: ServeHeaders = ["Content-Type": "application/json", "Host": "app.example.com"]
        if let signature { headers["X-Inngest-Signature"] = signature }
        var inBand = headers
        inBand["X-Inngest-Sync-Kind"] = "in_band"
        return [
            ServeRequest(method: "GET", target: "/api/inngest", headers: headers, body: body),
            ServeRequest(method: "PUT", target: "/api/inngest", headers: inBand, body: body),
            ServeRequest(method: "PUT", target: "/api/inngest?deployId=d", headers: headers, body: body),
            ServeRequest(method: "POST", target: "/api/inngest?fnId=app-fn&stepId=step", headers: headers, body: body),
            ServeRequest(method: "POST", target: "/api/inngest?probe=trust", headers: headers, body: body),
        ]
    }

    @Test(arguments: notJSON)
    func forgedRequestsWithBodiesThatAreNotJSONAre401(body: [UInt8]) async throws {
        let counter = Counter()
        let serve = try await recordingHandler(counter)
        for request in requests(body: body, signature: forgedSignature) {
            let response = await serve.handle(request)
            #expect(response.status == 401, "\(request.method) \(request.path) \(request.query)")
            #expect(response.bodyText.contains("does not match"))
        }
        #expect(counter["ran"] == 0)
    }

    @Test(arguments: badHeaders)
    func badSignatureHeadersAre401OnEveryRoute(header: String) async throws {
        let counter = Counter()
        let serve = try await recordingHandler(counter)
        for request in requests(body: executionBody(), signature: header) {
            let response = await serve.handle(request)
            #expect(response.status == 401, "\(request.method) \(request.query) \(header.prefix(30))")
            #expect(response.bodyText.contains("Unauthorized"))
        }
        #expect(counter["ran"] == 0)
    }

    @Test func forgedExecutionBodiesThatWouldRunAre401() async throws {
        let counter = Counter()
        let serve = try await recordingHandler(counter)
        let valid = executionBody()
        #expect(await serve.handle(try post(body: valid, signedWith: otherKeyText)).status == 401)
        var swapped = try post(body: executionBody(attempt: 1), signedWith: testKeyText)
        swapped.body = valid
        #expect(await serve.handle(swapped).status == 401)
        #expect(counter["ran"] == 0)
        #expect(await serve.handle(try post(body: valid, signedWith: testKeyText)).status == 200)
        #expect(counter["ran"] == 1)
    }

    @Test func aValidSignatureOverANonJSONBodyIs400() async throws {
        let counter = Counter()
        let serve = try await recordingHandler(counter)
        for body in Self.notJSON {
            let response = await serve.handle(try post(body: body, signedWith: testKeyText))
            #expect(response.status == 400)
            #expect(response.headers["X-Inngest-No-Retry"] == "true")
            let inBand = await serve.handle(try signedRequest("PUT", headers: ["X-Inngest-Sync-Kind": "in_band"], body: body))
            #expect(inBand.status == 400)
        }
        #expect(counter["ran"] == 0)
    }

    @Test func oversizedBodiesAre413OnEveryRoute() async throws {
        let counter = Counter()
        let serve = try await recordingHandler(counter)
        let control = [UInt8](repeating: UInt8(ascii: "{"), count: ServeSDK.maximumControlBodySize + 1)
        let execution = [UInt8](repeating: UInt8(ascii: "{"), count: ServeSDK.maximumRequestBodySize + 1)
        for request in requests(body: control, signature: forgedSignature) where request.query["fnId"] == nil {
            let response = await serve.handle(request)
            #expect(response.status == 413, "\(request.method) \(request.query)")
            #expect(response.bodyText.contains("64 KiB"))
        }
        let big = await serve.handle(ServeRequest(method: "POST", target: "/api/inngest?fnId=app-fn",
                                                  headers: ["X-Inngest-Signature": forgedSignature], body: execution))
        #expect(big.status == 413)
        #expect(big.headers["X-Inngest-No-Retry"] == "true")
        // An execution body between the two limits is read: only the signature can refuse it.
        let mid = [UInt8](repeating: UInt8(ascii: " "), count: ServeSDK.maximumControlBodySize + 1)
        #expect(await serve.handle(try post(body: mid, signedWith: otherKeyText)).status == 401)
        #expect(counter["ran"] == 0)
    }

    /// The attack that was reported: a 64 MiB in-band sync with a forged signature. Refused on its
    /// size before any HMAC, and with a malformed header on its header before its size.
    @Test func a64MiBInBandSyncIsRefusedUnread() async throws {
        let serve = try await recordingHandler(Counter())
        let body = [UInt8](repeating: UInt8(ascii: "["), count: 64 * 1024 * 1024)
        let forged = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest",
                                                     headers: ["X-Inngest-Sync-Kind": "in_band", "X-Inngest-Signature": forgedSignature],
                                                     body: body))
        #expect(forged.status == 413)
        let unsigned = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest", headers: ["X-Inngest-Sync-Kind": "in_band"],
                                                       body: body))
        #expect(unsigned.status == 401)
    }

    @Test func unsignedRequestsAre401OnEveryRouteWithoutAConfiguredOrigin() async throws {
        let counter = Counter()
        let serve = try await recordingHandler(counter)
        for request in requests(body: executionBody(), signature: nil) {
            let response = await serve.handle(request)
            #expect(response.status == 401, "\(request.method) \(request.query)")
        }
        #expect(counter["ran"] == 0)
    }

    @Test func theTrustProbeNeedsASignatureAndAnswersSigned() async throws {
        let serve = try await recordingHandler(Counter())
        let signed = await serve.handle(try signedRequest("POST", target: "/api/inngest?probe=trust"))
        #expect(signed.status == 200)
        #expect(signed.bodyText == "{}")
        let unknown = await serve.handle(try signedRequest("POST", target: "/api/inngest?probe=other"))
        #expect(unknown.status == 400)
        #expect(unknown.bodyText.contains("unknown probe"))
        let forgedUnknown = await serve.handle(ServeRequest(method: "POST", target: "/api/inngest?probe=other",
                                                            headers: ["X-Inngest-Signature": forgedSignature]))
        #expect(forgedUnknown.status == 401)
    }

    @Test(arguments: ["DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "get\u{0}", String(repeating: "X", count: 10_000)])
    func otherMethodsAre405AndReadNothing(method: String) async throws {
        let counter = Counter()
        let serve = try await recordingHandler(counter)
        let response = await serve.handle(ServeRequest(method: method, target: "/api/inngest?fnId=app-fn",
                                                       body: [UInt8](repeating: 0, count: 1_000_000)))
        #expect(response.status == 405)
        #expect(response.bodyText.count < 200)
        #expect(counter["ran"] == 0)
    }

    // MARK: The HMAC's cost

    @Test func aBadHeaderIsRefusedWithoutAnyHMAC() throws {
        for header in Self.badHeaders + [nil] {
            #expect(throws: SignatureError.self) {
                try RequestSignature.fresh(header: header, keys: [try SigningKey(testKeyText)], now: fixedNow)
            }
        }
    }

    @Test func eachKeyMACsALargeBodyOnce() throws {
        let keys = [try SigningKey(testKeyText), try SigningKey(otherKeyText)]
        let signature = try RequestSignature(header: forgedSignature)
        var messages: [Int] = []
        let large = [UInt8](repeating: UInt8(ascii: " "), count: RequestSignature.canonicalFallbackLimit + 1)
        #expect(throws: SignatureError.mismatch) {
            try signature.authenticate(large, keys: keys) { key, message in
                messages.append(message.count)
                return RequestSignature.hmac(key, message)
            }
        }
        #expect(messages == [large.count + 10, large.count + 10])
    }

    @Test func aSmallBodyIsMACedOncePerKeyPerForm() throws {
        let keys = [try SigningKey(testKeyText), try SigningKey(otherKeyText)]
        let signature = try RequestSignature(header: forgedSignature)
        var calls = 0
        #expect(throws: SignatureError.mismatch) {
            try signature.authenticate(Array(#"{"b": 2, "a": 1}"#.utf8), keys: keys) { key, message in
                calls += 1
                return RequestSignature.hmac(key, message)
            }
        }
        #expect(calls == 4)
        calls = 0
        #expect(throws: SignatureError.mismatch) {
            try signature.authenticate(Array("not json".utf8), keys: keys) { key, message in
                calls += 1
                return RequestSignature.hmac(key, message)
            }
        }
        #expect(calls == 2)
    }
}
