import Foundation
import InngestCore
import InngestServe
import Testing

@Suite struct EventAPIClientTests {
    private let events = [InngestEvent(name: "user/signup", data: .object(["id": .integer(7)])),
                          InngestEvent(name: "user/login", data: .object([:]), id: "dedupe-1")]

    /// A client whose backoff waits on a clock that never waits, and whose timeout never decides a test.
    private func client(_ url: URL, key: String = "k", env: String? = nil, maxAttempts: Int = 5) -> EventAPIClient {
        EventAPIClient(baseURL: url, eventKey: key, env: env, maxAttempts: maxAttempts, initialBackoff: .seconds(1),
                       timeout: generousTimeout, clock: FixedClock(date: fixedNow))
    }

    @Test func sendsAJSONArrayAndReturnsTheIds() async throws {
        try await LoopbackServer.serving([.init(status: 200, body: #"{"ids":["01A","01B"],"status":200}"#)]) { server in
            let ids = try await client(try server.url, key: "ek-1", env: "branch").send(events)
            #expect(ids == ["01A", "01B"])
            let request = try #require(server.requests.first)
            #expect(request.method == "POST")
            #expect(request.target == "/e/ek-1")
            #expect(request.headers["content-type"] == "application/json")
            #expect(request.headers["x-inngest-env"] == "branch")
            #expect(request.headers["authorization"] == nil)
            #expect(request.bodyText == #"[{"data":{"id":7},"name":"user/signup"},{"data":{},"id":"dedupe-1","name":"user/login"}]"#)
        }
    }

    @Test func retriesServerErrors() async throws {
        try await LoopbackServer.serving([.init(status: 503, body: "{}"), .init(status: 500, body: "oops"),
                                          .init(status: 200, body: #"{"ids":["01A","01B"],"status":200}"#)]) { server in
            let ids = try await client(try server.url, maxAttempts: 3).send(events)
            #expect(ids == ["01A", "01B"])
            #expect(server.requests.count == 3)
        }
    }

    @Test func givesUpAfterTheLastAttempt() async throws {
        try await LoopbackServer.serving([.init(status: 502, body: "{}"), .init(status: 502, body: "{}")]) { server in
            let client = client(try server.url, maxAttempts: 2)
            await #expect { try await client.send(events) } throws: { error in
                let error = try #require(error as? EventAPIError)
                return error.code == .unavailable && error.attempts == 2
            }
            #expect(server.requests.count == 2)
        }
    }

    @Test func retriesNetworkErrors() async throws {
        try await LoopbackServer.withClosedPort { port in
            let client = client(try #require(URL(string: "http://127.0.0.1:\(port)")), maxAttempts: 2)
            await #expect { try await client.send(events) } throws: { error in
                let error = try #require(error as? EventAPIError)
                return error.code == .unavailable && error.attempts == 2 && error.description.contains("no response")
            }
        }
    }

    @Test func refusalsAreNotRetried() async throws {
        try await LoopbackServer.serving([.init(status: 401, body: #"{"error":"Event key not found","status":401}"#),
                                          .init(status: 200, body: #"{"ids":[],"status":200}"#)]) { server in
            let client = client(try server.url, key: "bad")
            await #expect(throws: EventAPIError.rejected(status: 401, message: "Event key not found", acceptedIds: [])) {
                try await client.send(events)
            }
            #expect(server.requests.count == 1)
        }
    }

    @Test func anUnscriptedRequestGetsAClear500() async throws {
        try await LoopbackServer.serving([]) { server in
            let client = client(try server.url, maxAttempts: 1)
            await #expect { try await client.send(events) } throws: { error in
                "\(error)".contains("unscripted request 1")
            }
            #expect(server.requests.count == 1)
        }
    }

    @Test func devModeWithoutAKeyUsesThePlaceholder() throws {
        let client = try EventAPIClient(configuration: try configuration(.dev))
        #expect(client.eventKey == "NO_EVENT_KEY_SET")
        #expect(client.baseURL.absoluteString == "http://127.0.0.1:8288")
    }

    @Test func cloudModeWithoutAKeyIsAnError() throws {
        let config = try configuration(.cloud)
        #expect(throws: EventAPIError.missingEventKey) { try EventAPIClient(configuration: config) }
    }

    @Test func nothingToSendSendsNothing() async throws {
        let client = EventAPIClient(baseURL: try #require(URL(string: "http://127.0.0.1:1")), eventKey: "k")
        #expect(try await client.send([]) == [])
    }
}
