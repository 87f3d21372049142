#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Inngest
@testable import InngestDashboard
import InngestTesting
import Testing

/// The dashboard over a real loopback socket: raw requests, good and hostile.
@Suite struct DashboardServerTests {
    /// Sends `bytes` to 127.0.0.1:`port`, half-closes, and reads the whole answer.
    private func exchange(_ bytes: [UInt8], port: Int) throws -> String {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        shutdown(descriptor, Int32(SHUT_WR))
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            answer += buffer[..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }

    @Test func servesPagesAndRefusesHostileRequests() async throws {
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Charge())])
        try await app.app.engine.start(runLoop: false)
        let dashboard = try Dashboard.start(engine: app.app.engine, port: 0)
        defer { dashboard.stop() }
        #expect(dashboard.url == "http://127.0.0.1:\(dashboard.port)/")
        let page = try exchange(Array("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(dashboard.port)\r\n\r\n".utf8), port: dashboard.port)
        #expect(page.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(page.contains("Content-Security-Policy: default-src 'self'"))
        #expect(page.contains("<title>Overview · Inngest dashboard</title>"))
        let head = try exchange(Array("HEAD /functions HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8), port: dashboard.port)
        #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n") && head.hasSuffix("\r\n\r\n"))
        let rebinding = try exchange(Array("GET / HTTP/1.1\r\nHost: attacker.example\r\n\r\n".utf8), port: dashboard.port)
        #expect(rebinding.hasPrefix("HTTP/1.1 421 "))
        let huge = try exchange(Array(("GET / HTTP/1.1\r\nHost: localhost\r\nX: " + String(repeating: "a", count: 40_000) + "\r\n\r\n").utf8), port: dashboard.port)
        #expect(huge.hasPrefix("HTTP/1.1 431 "))
        let garbage = try exchange((0..<512).map { UInt8(truncatingIfNeeded: $0 &* 31) } + Array("\r\n\r\n".utf8), port: dashboard.port)
        #expect(garbage.hasPrefix("HTTP/1.1 400 ") || garbage.hasPrefix("HTTP/1.1 505 ") || garbage.hasPrefix("HTTP/1.1 405 "))
        // A request cut short (the client closed before its body arrived) gets no answer, and the
        // server goes on serving.
        _ = try exchange(Array("POST /send HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nname=".utf8), port: dashboard.port)
        let after = try exchange(Array("GET /runs HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8), port: dashboard.port)
        #expect(after.hasPrefix("HTTP/1.1 200 OK\r\n"))
    }

    @Test func aTakenPortIsAClearError() async throws {
        let app = try await InngestTestApp.boot(EmptyTestModule.self)
        let first = try Dashboard.start(engine: app.app.engine, port: 0)
        defer { first.stop() }
        #expect(throws: DashboardError.self) { try Dashboard.start(engine: app.app.engine, port: first.port) }
        #expect(throws: DashboardError.self) { try Dashboard.start(engine: app.app.engine, host: "not an address", port: 0) }
    }
}
