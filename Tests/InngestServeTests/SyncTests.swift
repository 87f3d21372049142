import Foundation
import InngestCore
import InngestServe
import Testing

@Suite struct SyncTests {
    private let functions = RegisterPayloadTests.sampleFunctions

    @Test func inBandSyncReturnsTheAppWhenSigned() async throws {
        let serve = try await handler(functions, try ServeConfiguration(appId: "my-app", mode: .cloud, signingKey: testKeyText))
        let body = Array(#"{"url":"https://app.example.com/api/inngest"}"#.utf8)
        let header = RequestSignature.sign(body, key: try SigningKey(testKeyText), timestamp: 1_700_000_000).headerValue
        let response = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest", headers: [
            "X-Inngest-Sync-Kind": "in_band", "X-Inngest-Signature": header, "X-Inngest-Server-Kind": "cloud",
        ], body: body))
        #expect(response.status == 200)
        #expect(response.headers["X-Inngest-Sync-Kind"] == "in_band")
        let json = try JSONValue(json: Data(response.body))
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
    }

    @Test func serverKindMismatchIs400() async throws {
        let serve = try await handler(functions, try configuration(.cloud))
        let response = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest", headers: ["X-Inngest-Server-Kind": "dev"]))
        #expect(response.status == 400)
        #expect(response.bodyText.contains("server_kind_mismatch"))
    }

    @Test func outOfBandSyncPostsTheRegisterPayload() async throws {
        let server = try LoopbackServer(replies: [.init(status: 200, body: #"{"ok":true,"modified":true,"sync_id":"s","app_id":"a"}"#)])
        let config = try ServeConfiguration(appId: "my-app", mode: .cloud, signingKey: testKeyText, apiBaseURL: try server.url, env: "branch-1")
        let serve = try await handler(functions, config)
        let response = await serve.handle(ServeRequest(method: "PUT", target: "/api/inngest?deployId=d-1",
                                                       headers: ["Host": "app.example.com", "X-Forwarded-Proto": "https",
                                                                 "X-Inngest-Server-Kind": "cloud"]))
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

    @Test func outOfBandSyncInDevModeSendsNoAuthorization() async throws {
        let server = try LoopbackServer(replies: [.init(status: 200, body: #"{"ok":true,"modified":false}"#)])
        let serve = try await handler(functions, try ServeConfiguration(appId: "my-app", mode: .dev, apiBaseURL: try server.url,
                                                                        serveOrigin: "http://host.docker.internal:3000"))
        let response = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest"))
        #expect(response.bodyText == #"{"message":"Successfully synced.","modified":false}"#)
        let request = try #require(server.requests.first)
        #expect(request.headers["authorization"] == nil)
        let body = try JSONValue(json: Data(request.body))
        #expect(body["url"] == .string("http://host.docker.internal:3000/api/inngest"))
    }

    @Test func outOfBandSyncRelaysTheServerError() async throws {
        let server = try LoopbackServer(replies: [.init(status: 400, body: #"{"error":"Invalid cron expression","status":400}"#)])
        let serve = try await handler(functions, try ServeConfiguration(appId: "my-app", mode: .dev, apiBaseURL: try server.url))
        let response = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest", headers: ["host": "localhost:3000"]))
        #expect(response.status == 500)
        #expect(response.headers["X-Inngest-Sync-Kind"] == "out_of_band")
        #expect(response.bodyText.contains("Invalid cron expression"))
        #expect(response.bodyText.contains(#""modified":false"#))
    }

    @Test func outOfBandSyncReportsAnUnreachableServer() async throws {
        let port = try LoopbackServer.closedPort()
        let api = try #require(URL(string: "http://127.0.0.1:\(port)"))
        let serve = try await handler(functions, try ServeConfiguration(appId: "my-app", mode: .dev, apiBaseURL: api))
        let response = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest", headers: ["host": "localhost:3000"]))
        #expect(response.status == 500)
        #expect(response.bodyText.contains("could not reach Inngest"))
    }

    @Test func outOfBandSyncWithoutAKnownURLFails() async throws {
        let serve = try await handler(functions, try configuration(.dev))
        let response = await serve.handle(ServeRequest(method: "PUT", path: "/api/inngest"))
        #expect(response.status == 500)
        #expect(response.bodyText.contains("INNGEST_SERVE_ORIGIN"))
    }
}
