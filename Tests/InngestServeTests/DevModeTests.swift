import Foundation
import InngestCore
import InngestServe
import Testing

/// In dev mode signatures are not checked on any method, even with a signing key configured, as the
/// official SDKs do (`inngest dev` does not sign); and no message speaks of cloud mode.
@Suite struct DevModeTests {
    private func devHandler(_ counter: Counter) async throws -> InngestServeHandler {
        try await handler([function("fn") { _ in counter.hit("ran"); return .string("ok") }],
                          try configuration(.dev, signingKey: testKeyText))
    }

    @Test(arguments: [nil, forgedSignature, "garbage", "t=1&s=00"])
    func noMethodChecksSignatures(signature: String?) async throws {
        let counter = Counter()
        let serve = try await devHandler(counter)
        var headers: ServeHeaders = [:]
        if let signature { headers["X-Inngest-Signature"] = signature }
        var inBand = headers
        inBand["X-Inngest-Sync-Kind"] = "in_band"

        let introspection = await serve.handle(ServeRequest(method: "GET", path: "/api/inngest", headers: headers))
        #expect(introspection.status == 200)
        let json = try JSONValue(json: introspection.body)
        #expect(json["authentication_succeeded"] == .null)  // Unauthenticated body: no key hashes.
        #expect(json["signing_key_hash"] == nil)
        #expect(json["mode"] == .string("dev"))

        let sync = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest", headers: inBand,
                                                   body: Array(#"{"url":"http://localhost:3000/api/inngest"}"#.utf8)))
        #expect(sync.status == 200)
        #expect(try JSONValue(json: sync.body)["inspection"]?["authentication_succeeded"] == .null)

        let probe = await serve.handle(ServeRequest(method: "POST", target: "/api/inngest?probe=trust", headers: headers))
        #expect(probe.status == 200)

        let execution = await serve.handle(ServeRequest(method: "POST", target: "/api/inngest?fnId=app-fn&stepId=step", headers: headers,
                                                        body: executionBody()))
        #expect(execution.status == 200)
        #expect(counter["ran"] == 1)
        for response in [introspection, sync, probe, execution] {
            #expect(!response.bodyText.lowercased().contains("cloud mode"))
        }
    }

    @Test func devModeStillCapsBodies() async throws {
        let serve = try await devHandler(Counter())
        let response = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest", headers: ["X-Inngest-Sync-Kind": "in_band"],
                                                       body: [UInt8](repeating: 32, count: ServeSDK.maximumControlBodySize + 1)))
        #expect(response.status == 413)
    }

    @Test func devModeRefusalsNeverMentionCloudMode() async throws {
        let serve = try await devHandler(Counter())
        let responses = [
            await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest", headers: ["X-Inngest-Server-Kind": "cloud"])),
            await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest", headers: ["X-Inngest-Sync-Kind": "in_band"], body: [])),
            await serve.handle(ServeRequest(method: "POST", target: "/api/inngest?fnId=app-fn", body: Array("nope".utf8))),
            await serve.handle(ServeRequest(method: "POST", target: "/api/inngest?fnId=app-gone", body: executionBody())),
            await serve.handle(ServeRequest(method: "POST", target: "/api/inngest?probe=x")),
            await serve.handle(ServeRequest(method: "DELETE", path: "/api/inngest")),
        ]
        #expect(responses.map(\.status) == [400, 400, 400, 500, 400, 405])
        for response in responses {
            #expect(!response.bodyText.lowercased().contains("cloud mode"), "\(response.bodyText)")
        }
        #expect(responses[0].bodyText.contains("a cloud server tried to sync an app in dev mode"))
    }
}
