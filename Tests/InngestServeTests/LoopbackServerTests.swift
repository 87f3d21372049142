#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The test server's own contract: replies are counted per complete request, never per connection,
/// and nothing depends on time.
@Suite struct LoopbackServerTests {
    @Test func aConnectionThatSendsNothingTakesNoReply() async throws {
        try await LoopbackServer.serving([.init(status: 200, body: #"{"first":true}"#)]) { server in
            let silent = try connect(server.port)
            defer { close(silent) }
            let other = try connect(server.port)
            close(other)  // Closed before a full request: takes nothing either.
            let (data, response) = try await URLSession.shared.data(from: try server.url.appending(path: "x"))
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(String(decoding: data, as: UTF8.self) == #"{"first":true}"#)
            #expect(server.requests.map(\.target) == ["/x"])
        }
    }

    @Test func requestsBeyondTheScriptGet500() async throws {
        try await LoopbackServer.serving([.init(status: 204, body: "")]) { server in
            _ = try await URLSession.shared.data(from: try server.url)
            let (data, response) = try await URLSession.shared.data(from: try server.url)
            #expect((response as? HTTPURLResponse)?.statusCode == 500)
            #expect(String(decoding: data, as: UTF8.self).contains("unscripted request 2"))
        }
    }

    @Test func aClosedPortRefusesConnections() async throws {
        try await LoopbackServer.withClosedPort { port in
            let connected = try? connect(port)
            #expect(connected == nil)
            if let connected { close(connected) }
        }
    }

    private struct ConnectError: Error {}

    private func connect(_ port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                #if canImport(Glibc)
                Glibc.connect(fd, pointer, socklen_t(MemoryLayout<sockaddr_in>.size))
                #else
                Darwin.connect(fd, pointer, socklen_t(MemoryLayout<sockaddr_in>.size))
                #endif
            }
        }
        guard result == 0 else {
            close(fd)
            throw ConnectError()
        }
        return fd
    }
}
