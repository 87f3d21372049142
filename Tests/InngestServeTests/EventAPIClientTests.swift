import Foundation
import InngestCore
import InngestServe
import Testing

@Suite struct EventAPIClientTests {
    private let events = [InngestEvent(name: "user/signup", data: .object(["id": .integer(7)])),
                          InngestEvent(name: "user/login", data: .object([:]), id: "dedupe-1")]

    @Test func sendsAJSONArrayAndReturnsTheIds() async throws {
        let server = try LoopbackServer(replies: [.init(status: 200, body: #"{"ids":["01A","01B"],"status":200}"#)])
        let client = EventAPIClient(baseURL: try server.url, eventKey: "ek-1", env: "branch", initialBackoff: .milliseconds(1), timeout: 5)
        let ids = try await client.send(events)
        #expect(ids == ["01A", "01B"])
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/e/ek-1")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["x-inngest-env"] == "branch")
        #expect(request.headers["authorization"] == nil)
        #expect(request.bodyText == #"[{"data":{"id":7},"name":"user/signup"},{"data":{},"id":"dedupe-1","name":"user/login"}]"#)
    }

    @Test func retriesServerErrors() async throws {
        let server = try LoopbackServer(replies: [.init(status: 503, body: "{}"), .init(status: 500, body: "oops"),
                                                  .init(status: 200, body: #"{"ids":["01A","01B"],"status":200}"#)])
        let client = EventAPIClient(baseURL: try server.url, eventKey: "k", maxAttempts: 3, initialBackoff: .milliseconds(1), timeout: 5)
        #expect(try await client.send(events) == ["01A", "01B"])
        #expect(server.requests.count == 3)
    }

    @Test func givesUpAfterTheLastAttempt() async throws {
        let server = try LoopbackServer(replies: [.init(status: 502, body: "{}"), .init(status: 502, body: "{}")])
        let client = EventAPIClient(baseURL: try server.url, eventKey: "k", maxAttempts: 2, initialBackoff: .milliseconds(1), timeout: 5)
        await #expect { try await client.send(events) } throws: { error in
            guard case EventAPIError.unavailable(let attempts, _) = error else { return false }
            return attempts == 2
        }
    }

    @Test func retriesNetworkErrors() async throws {
        let port = try LoopbackServer.closedPort()
        let client = EventAPIClient(baseURL: try #require(URL(string: "http://127.0.0.1:\(port)")), eventKey: "k", maxAttempts: 2,
                                    initialBackoff: .milliseconds(1), timeout: 5)
        await #expect { try await client.send(events) } throws: { error in
            guard case EventAPIError.unavailable(2, let message) = error else { return false }
            return message.contains("no response")
        }
    }

    @Test func refusalsAreNotRetried() async throws {
        let server = try LoopbackServer(replies: [.init(status: 401, body: #"{"error":"Event key not found","status":401}"#),
                                                  .init(status: 200, body: #"{"ids":[],"status":200}"#)])
        let client = EventAPIClient(baseURL: try server.url, eventKey: "bad", initialBackoff: .milliseconds(1), timeout: 5)
        await #expect(throws: EventAPIError.rejected(status: 401, message: "Event key not found", acceptedIds: [])) {
            try await client.send(events)
        }
        #expect(server.requests.count == 1)
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
