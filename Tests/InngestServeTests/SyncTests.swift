import Foundation
import InngestCore
import InngestServe
import Testing

@Suite struct SyncTests {
    private let functions = RegisterPayloadTests.sampleFunctions
    private let ping = Array(#"{"url":"https://app.example.com/api/inngest"}"#.utf8)

    @Test func inBandSyncReturnsTheAppWhenSigned() async throws {
        let serve = try await handler(functions, try ServeConfiguration(appId: "my-app", mode: .cloud, signingKey: testKeyText))
        let response = await serve.handle(try signedRequest("PUT", headers: ["X-Inngest-Sync-Kind": "in_band", "X-Inngest-Server-Kind": "cloud"],
                                                            body: ping))
        #expect(response.status == 200)
        #expect(response.headers["X-Inngest-Sync-Kind"] == "in_band")
        let json = try JSONValue(json: response.body)
        #expect(json["app_id"] == .string("my-app"))
        #expect(json["url"] == .string("https://app.example.com/api/inngest"))
        #expect(json["sdk_author"] == .string("inngest"))
        #expect(json["sdk_language"] == .string("swift"))
        #expect(json["sdk_version"] == .string("0.1.0"))
        #expect(json["capabilities"] == RegisterPayload.capabilities)
        let expected = RegisterPayload(appId: "my-app", url: "https://app.example.com/api/inngest", functions: functions)
        #expect(json["functions"] == expected.functions)
        #expect(json["inspection"]?["authentication_succeeded"] == .bool(true))
        #expect(json["env"] == nil)
    }

    @Test func inBandSyncIsRefusedWhenUnsigned() async throws {
        let serve = try await handler(functions, try configuration(.cloud))
        let response = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest", headers: ["X-Inngest-Sync-Kind": "in_band"],
                                                       body: Array(#"{"url":"https://evil.example.com"}"#.utf8)))
        #expect(response.status == 401)
        #expect(response.headers["X-Inngest-Sync-Kind"] == "in_band")
    }

    @Test(arguments: [#"{"url":42}"#, #"{"url":""}"#, #"{"url":"ftp://x"}"#, #"{"url":"not a url"}"#, "[]", #"{"nope":1}"#])
    func inBandSyncWithoutAnHTTPURLIs400(body: String) async throws {
        let serve = try await handler(functions, try configuration(.cloud))
        let response = await serve.handle(try signedRequest("PUT", headers: ["X-Inngest-Sync-Kind": "in_band"], body: Array(body.utf8)))
        #expect(response.status == 400)
        #expect(response.bodyText.contains("url"))
    }

    @Test func serverKindMismatchIs400() async throws {
        let serve = try await handler(functions, try configuration(.cloud))
        let response = await serve.handle(try signedRequest("PUT", headers: ["X-Inngest-Server-Kind": "dev"]))
        #expect(response.status == 400)
        #expect(response.bodyText.contains("server_kind_mismatch"))
    }

    @Test func outOfBandSyncPostsTheRegisterPayload() async throws {
        try await LoopbackServer.serving([.init(status: 200, body: #"{"ok":true,"modified":true,"sync_id":"s","app_id":"a"}"#)]) { server in
            let config = try ServeConfiguration(appId: "my-app", mode: .cloud, signingKey: testKeyText, apiBaseURL: try server.url,
                                                env: "branch-1")
            let serve = try await handler(functions, config)
            let response = await serve.handle(try signedRequest("PUT", target: "/api/inngest?deployId=d-1",
                                                                headers: ["Host": "app.example.com", "X-Forwarded-Proto": "https",
                                                                          "X-Inngest-Server-Kind": "cloud"], body: ping))
            #expect(response.status == 200)
            #expect(response.headers["X-Inngest-Sync-Kind"] == "out_of_band")
            #expect(response.bodyText == #"{"message":"Successfully synced.","modified":true}"#)
            let request = try #require(server.requests.first)
            #expect(request.method == "POST")
            #expect(request.target == "/fn/register?deployId=d-1")
            #expect(request.headers["authorization"] == "Bearer signkey-test-1c5663dffbfe59fa348d7f741e97f0416bd9de62c48cb05f02fcbc9b7c810c56")
            #expect(request.headers["x-inngest-expected-server-kind"] == "cloud")
            #expect(request.headers["x-inngest-env"] == "branch-1")
            #expect(request.headers["x-inngest-sdk"] == "inngest-swift:v0.1.0")
            #expect(request.bodyText == String(decoding: try RegisterPayloadTests.golden("register-payload.json"), as: UTF8.self))
        }
    }

    @Test func outOfBandSyncInDevModeSendsNoAuthorization() async throws {
        try await LoopbackServer.serving([.init(status: 200, body: #"{"ok":true,"modified":false}"#)]) { server in
            let serve = try await handler(functions, try ServeConfiguration(appId: "my-app", mode: .dev, apiBaseURL: try server.url,
                                                                            serveOrigin: "http://host.docker.internal:3000"))
            let response = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest"))
            #expect(response.bodyText == #"{"message":"Successfully synced.","modified":false}"#)
            let request = try #require(server.requests.first)
            #expect(request.headers["authorization"] == nil)
            let body = try JSONValue(json: request.body)
            #expect(body["url"] == .string("http://host.docker.internal:3000/api/inngest"))
        }
    }

    @Test func outOfBandSyncRelaysTheServerError() async throws {
        try await LoopbackServer.serving([.init(status: 400, body: #"{"error":"Invalid cron expression","status":400}"#)]) { server in
            let serve = try await handler(functions, try ServeConfiguration(appId: "my-app", mode: .dev, apiBaseURL: try server.url))
            let response = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest", headers: ["host": "localhost:3000"]))
            #expect(response.status == 500)
            #expect(response.headers["X-Inngest-Sync-Kind"] == "out_of_band")
            #expect(response.bodyText.contains("Invalid cron expression"))
            #expect(response.bodyText.contains(#""modified":false"#))
        }
    }

    @Test func outOfBandSyncReportsAnUnreachableServer() async throws {
        try await LoopbackServer.withClosedPort { port in
            let api = try #require(URL(string: "http://127.0.0.1:\(port)"))
            let serve = try await handler(functions, try ServeConfiguration(appId: "my-app", mode: .dev, apiBaseURL: api))
            let response = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest", headers: ["host": "localhost:3000"]))
            #expect(response.status == 500)
            #expect(response.bodyText.contains("could not reach Inngest"))
        }
    }

    @Test func outOfBandSyncWithoutAKnownURLFails() async throws {
        let serve = try await handler(functions, try configuration(.dev))
        let response = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest"))
        #expect(response.status == 500)
        #expect(response.bodyText.contains("INNGEST_SERVE_ORIGIN"))
    }

    // MARK: Unsigned out-of-band syncs in cloud mode

    @Test func unsignedSyncRegistersOnlyTheConfiguredOrigin() async throws {
        try await LoopbackServer.serving([.init(status: 200, body: #"{"ok":true,"modified":true}"#)]) { server in
            let config = try ServeConfiguration(appId: "my-app", mode: .cloud, signingKey: testKeyText, apiBaseURL: try server.url,
                                                serveOrigin: "https://app.example.com")
            let serve = try await handler(functions, config)
            let response = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest",
                                                           headers: ["Host": "evil.example.com", "X-Forwarded-Host": "evil.example.com"]))
            #expect(response.status == 200)
            let body = try JSONValue(json: try #require(server.requests.first).body)
            #expect(body["url"] == .string("https://app.example.com/api/inngest"))
        }
    }

    @Test func unsignedSyncWithoutAConfiguredOriginIsRefusedAndRegistersNothing() async throws {
        try await LoopbackServer.serving([]) { server in
            let config = try ServeConfiguration(appId: "my-app", mode: .cloud, signingKey: testKeyText, apiBaseURL: try server.url)
            let serve = try await handler(functions, config)
            let response = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest", headers: ["Host": "evil.example.com"]))
            #expect(response.status == 401)
            #expect(response.headers["X-Inngest-Sync-Kind"] == "out_of_band")
            #expect(response.bodyText.contains("INNGEST_SERVE_ORIGIN"))
            #expect(server.requests.isEmpty)
        }
    }

    @Test func unsignedSyncIsRefusedWhenDisabled() async throws {
        try await LoopbackServer.serving([]) { server in
            let config = try ServeConfiguration.fromEnvironment(appId: "my-app", environment: [
                "INNGEST_SIGNING_KEY": testKeyText, "INNGEST_ENABLE_UNAUTHED_SYNC": "false",
                "INNGEST_API_BASE_URL": try server.url.absoluteString, "INNGEST_SERVE_ORIGIN": "https://app.example.com",
            ])
            #expect(config.allowsUnsignedSync == false)
            let serve = try await handler(functions, config)
            let response = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest"))
            #expect(response.status == 401)
            #expect(response.bodyText.contains("INNGEST_ENABLE_UNAUTHED_SYNC=false"))
            #expect(server.requests.isEmpty)
            #expect(try ServeConfiguration.fromEnvironment(appId: "a", environment: ["INNGEST_DEV": "1"]).allowsUnsignedSync)
        }
    }

    @Test func aBadSignatureOnAnOutOfBandSyncIsRefusedEvenWhenUnsignedIsAllowed() async throws {
        try await LoopbackServer.serving([]) { server in
            let config = try ServeConfiguration(appId: "my-app", mode: .cloud, signingKey: testKeyText, apiBaseURL: try server.url,
                                                serveOrigin: "https://app.example.com")
            let serve = try await handler(functions, config)
            let response = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest",
                                                           headers: ["X-Inngest-Signature": forgedSignature], body: ping))
            #expect(response.status == 401)
            #expect(server.requests.isEmpty)
        }
    }

    @Test func goHTMLEscapedPingVerifiesAgainstItsCanonicalForm() async throws {
        // Inngest's ping signs JCS(body) but sends Go's json.Marshal bytes, which escape & < > as \u0026…
        let sent = Array(#"{"url":"https://app.example.com/api/inngest?a=1\u0026b=\u003cx\u003e"}"#.utf8)
        let signed = Array(#"{"url":"https://app.example.com/api/inngest?a=1&b=<x>"}"#.utf8)
        let serve = try await handler(functions, try configuration(.cloud))
        let response = await serve.handle(try signedRequest("PUT", headers: ["X-Inngest-Sync-Kind": "in_band"], body: sent, signed: signed))
        #expect(response.status == 200)
        #expect(try JSONValue(json: response.body)["url"] == .string("https://app.example.com/api/inngest?a=1&b=<x>"))
    }
}
