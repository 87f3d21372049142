// The Vapor adapter's test: this fixture enables the `Vapor` trait on swift-inngest. A real Vapor
// application listens on 127.0.0.1 and is called over TCP by `LoopbackConnection`, as an Inngest
// server calls an app. `swift test --package-path Tests/Fixtures/Adapters` (what `.ci/run` runs).
import Foundation
import Inngest
import InngestVapor
import Testing
import Vapor

/// The §9.5 test key, `signkey-test-` + `12345678` × 8.
private let signingKey = "signkey-test-" + String(repeating: "12345678", count: 8)

/// Runs `body` with a Vapor application that serves `greet` at /api/inngest on 127.0.0.1, on a
/// port the system chose, and shuts both down afterwards, also when `body` throws.
private func withVaporServer(_ serve: ServeConfiguration, _ body: (_ port: Int) async throws -> Void) async throws {
    var configuration = InngestConfiguration(appId: serve.appId, orchestration: .inngest(serve))
    configuration.engine.databasePath = ":memory:"
    configuration.engine.logger = InngestLogger(sink: InngestLogger.discard)
    let inngest = try await InngestApp.boot(RootModule.self, configuration: configuration, functions: [FunctionDefinition(handler: Greet())])
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    app.addInngest(inngest.serveHandler(serve))
    var failure: (any Error)?
    do {
        // Ready once this returns: the socket is bound and listening.
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        try await body(try #require(app.http.server.shared.localAddress?.port))
    } catch {
        failure = error
    }
    await app.server.shutdown()
    try await app.asyncShutdown()
    await inngest.shutdown()
    if let failure { throw failure }
}

/// An execution call for `greet`, padded with JSON whitespace to `size` bytes.
private func paddedGreetCall(size: Int) -> [UInt8] {
    Array(greetCall.utf8) + [UInt8](repeating: UInt8(ascii: " "), count: max(0, size - greetCall.utf8.count))
}

@Suite struct VaporInngestTests {
    @Test func aVaporApplicationServesTheFunctionsOverLoopbackHTTP() async throws {
        try await withVaporServer(try ServeConfiguration(appId: "vp", mode: .dev)) { port in
            let responses = try await overLoopback(port: port) { connection in
                [
                    try connection.send("GET", "/api/inngest"),
                    try connection.send("POST", "/api/inngest?fnId=vp-greet&stepId=step", body: Array(greetCall.utf8)),
                    // Larger than Vapor's default collect limit (16 KiB): the routes stream their bodies.
                    try connection.send("POST", "/api/inngest?fnId=vp-greet&stepId=step", body: paddedGreetCall(size: 1024 * 1024)),
                ]
            }
            let introspection = responses[0]
            #expect(introspection.status == 200)
            #expect(introspection.body.contains(#""function_count":1"#))
            #expect(introspection.header("X-Inngest-SDK")?.hasPrefix("inngest-swift:v") == true)
            #expect(introspection.header("X-Inngest-Framework") == "vapor")

            for execution in responses[1...] {
                #expect(execution.status == 206)
                #expect(execution.body.contains(#""data":"Hello, Ada!""#))
                #expect(execution.header("X-Inngest-SDK")?.hasPrefix("inngest-swift:v") == true)
            }
        }
    }

    @Test func oversizedBodiesAreAnsweredByTheHandlerAndTheConnectionServesOn() async throws {
        try await withVaporServer(try ServeConfiguration(appId: "vp", mode: .dev)) { port in
            let responses = try await overLoopback(port: port) { connection in
                [
                    // A sync carries {"url": …}: its body is read only up to 64 KiB (plus the byte that shows it is larger).
                    try connection.send("PUT", "/api/inngest", body: [UInt8](repeating: UInt8(ascii: " "), count: ServeSDK.maximumControlBodySize + 1)),
                    try connection.send("GET", "/api/inngest", body: [UInt8](repeating: UInt8(ascii: " "), count: ServeSDK.maximumControlBodySize * 16)),
                    try connection.send("POST", "/api/inngest?fnId=vp-greet&stepId=step",
                                        body: paddedGreetCall(size: ServeSDK.maximumRequestBodySize + 1)),
                    // The rest of each body was read and dropped: the same connection answers the next request.
                    try connection.send("GET", "/api/inngest"),
                ]
            }
            for refused in responses.dropLast() {
                #expect(refused.status == 413)
                // The handler's 413, not Vapor's: the SDK's headers and its JSON error.
                #expect(refused.header("X-Inngest-SDK")?.hasPrefix("inngest-swift:v") == true)
                #expect(refused.body.contains(#""name":"RequestTooLarge""#))
            }
            #expect(responses[2].header("X-Inngest-No-Retry") == "true")
            #expect(responses[3].status == 200)
        }
    }

    @Test func inCloudModeOnlySignedRequestsAreServed() async throws {
        try await withVaporServer(try ServeConfiguration(appId: "vp", mode: .cloud, signingKey: signingKey, eventKey: "test-event-key")) { port in
            let body = Array(greetCall.utf8)
            let now = Int64(Date().timeIntervalSince1970)
            let signed = RequestSignature.sign(body, key: try SigningKey(signingKey), timestamp: now).headerValue
            let forged = RequestSignature.sign(body, key: try SigningKey("signkey-test-" + String(repeating: "abcdef01", count: 8)),
                                               timestamp: now).headerValue
            let responses = try await overLoopback(port: port) { connection in
                [
                    try connection.send("GET", "/api/inngest"),
                    try connection.send("POST", "/api/inngest?fnId=vp-greet&stepId=step", headers: [("X-Inngest-Signature", forged)], body: body),
                    try connection.send("POST", "/api/inngest?fnId=vp-greet&stepId=step", headers: [("X-Inngest-Signature", signed)], body: body),
                ]
            }
            #expect(responses[0].status == 401)
            #expect(responses[1].status == 401)
            #expect(responses[1].body.contains("Unauthorized"))

            let execution = responses[2]
            #expect(execution.status == 206)
            #expect(execution.body.contains(#""data":"Hello, Ada!""#))
            // The response is signed with the key that verified the request.
            let signature = try RequestSignature(header: try #require(execution.header("X-Inngest-Signature")))
            #expect(signature == RequestSignature.sign(Array(execution.body.utf8), key: try SigningKey(signingKey), timestamp: signature.timestamp))
        }
    }
}
