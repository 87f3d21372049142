import Foundation
@testable import InngestServe
import Testing

@Suite struct HTTPClientTests {
    private let client = HTTPClient(timeout: .seconds(30))

    @Test func aRequestCarriesItsTargetHostLengthAndHeadersWithoutLineBreaks() throws {
        let url = try #require(URL(string: "http://example.com:8288/e/key?x=1"))
        let bytes = HTTPClient.request("POST", url: url, host: "example.com", port: 8288, secure: false,
                                       headers: ["X-Bad": "a\r\nInjected: yes", "Content-Type": "application/json"], body: Array("{}".utf8))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("POST /e/key?x=1 HTTP/1.1\r\nHost: example.com:8288\r\nConnection: close\r\nContent-Length: 2\r\n"))
        #expect(text.contains("X-Bad: aInjected: yes\r\n"))
        #expect(!text.contains("\r\nInjected"))
        #expect(text.hasSuffix("\r\n\r\n{}"))
        let secure = try #require(URL(string: "https://[::1]/"))
        let head = String(decoding: HTTPClient.request("GET", url: secure, host: "::1", port: 443, secure: true, headers: [:], body: nil), as: UTF8.self)
        #expect(head.hasPrefix("GET / HTTP/1.1\r\nHost: [::1]\r\n"))
    }

    @Test func aResponseComesBackWithItsStatusAndBody() async throws {
        try await LoopbackServer.serving([.init(status: 202, body: #"{"ok":true}"#)]) { server in
            let response = try await client.send("PUT", try server.url.appending(path: "fn/register"), headers: ["X-A": "1"], body: Array("[]".utf8))
            #expect(response.status == 202)
            #expect(String(decoding: response.body, as: UTF8.self) == #"{"ok":true}"#)
            let request = try #require(server.requests.first)
            #expect(request.method == "PUT")
            #expect(request.target == "/fn/register")
            #expect(request.headers["x-a"] == "1")
            #expect(request.bodyText == "[]")
        }
    }

    @Test func aChunkedResponseIsRead() async throws {
        let raw = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n".utf8)
        try await LoopbackServer.serving([.init(status: 0, body: "", raw: raw)]) { server in
            let response = try await client.send("GET", try server.url, headers: [:], body: nil)
            #expect(response.body == Array("ok".utf8))
        }
    }

    @Test func aMalformedOrTruncatedResponseIsATransportError() async throws {
        let replies: [LoopbackServer.Reply] = [
            .init(status: 0, body: "", raw: Array("garbage\r\n\r\n".utf8)),
            .init(status: 0, body: "", raw: Array("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort".utf8)),
            .init(status: 0, body: "", raw: []),
        ]
        try await LoopbackServer.serving(replies) { server in
            for expected in ["status line", "5 of its 10 body bytes", "without a response"] {
                do {
                    _ = try await client.send("GET", try server.url, headers: [:], body: nil)
                    Issue.record("a response was accepted where \(expected) was expected")
                } catch let error as HTTPClient.TransportError {
                    #expect(error.description.contains(expected), "\(error.description)")
                }
            }
        }
    }

    @Test func aRefusedConnectionIsATransportError() async throws {
        try await LoopbackServer.withClosedPort { port in
            let url = try #require(URL(string: "http://127.0.0.1:\(port)/"))
            await #expect(throws: HTTPClient.TransportError.self) { try await client.send("GET", url, headers: [:], body: nil) }
        }
    }

    @Test func httpsSpeaksTLSAndRefusesAServerThatDoesNot() async throws {
        // A plain-HTTP server on an https URL: the handshake fails (the server never answers a TLS
        // hello), however long that takes to show.
        let impatient = HTTPClient(timeout: .milliseconds(500))
        try await LoopbackServer.serving([]) { server in
            let url = try #require(URL(string: "https://127.0.0.1:\(server.port)/"))
            do {
                _ = try await impatient.send("GET", url, headers: [:], body: nil)
                Issue.record("an https call to a plain server succeeded")
            } catch let error as HTTPClient.TransportError {
                #expect(error.description.contains("TLS"), "\(error.description)")
            }
        }
    }

    @Test func aURLThatIsNotHTTPIsRefused() async throws {
        let url = try #require(URL(string: "ftp://example.com/"))
        await #expect(throws: HTTPClient.TransportError.self) { try await client.send("GET", url, headers: [:], body: nil) }
    }
}
