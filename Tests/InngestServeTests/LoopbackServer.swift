#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests: serves one scripted reply per connection, for a
/// bounded number of connections and a bounded time, and records each request.
final class LoopbackServer: Sendable {
    /// A recorded request.
    struct Request: Sendable {
        var method: String
        var target: String
        /// Lowercased names.
        var headers: [String: String]
        var body: [UInt8]
        var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    /// A scripted reply.
    struct Reply: Sendable {
        var status: Int
        var body: String
    }

    struct SocketError: Error, CustomStringConvertible {
        var description: String
    }

    let port: UInt16
    private let recorded = Mutex<[Request]>([])

    var url: URL {
        get throws {
            guard let url = URL(string: "http://127.0.0.1:\(port)") else { throw SocketError(description: "bad url") }
            return url
        }
    }

    var requests: [Request] { recorded.withLock { $0 } }

    /// Starts serving `replies`, one per connection, then stops; gives up after `deadline` seconds.
    init(replies: [Reply], deadline: TimeInterval = 10) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError(description: "socket() failed") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 8) == 0 else {
            close(fd)
            throw SocketError(description: "bind/listen failed")
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        let end = Date().addingTimeInterval(deadline)
        let thread = Thread { [self] in
            defer { close(fd) }
            for reply in replies {
                guard let client = Self.accept(fd, until: end) else { return }
                defer { close(client) }
                guard let request = Self.read(client, until: end) else { continue }
                recorded.withLock { $0.append(request) }
                Self.write(client, reply)
            }
        }
        thread.start()
    }

    /// A port on which nothing listens.
    static func closedPort() throws -> UInt16 {
        let server = try LoopbackServer(replies: [], deadline: 0)
        Thread.sleep(forTimeInterval: 0.05)
        return server.port
    }

    private static func accept(_ fd: Int32, until end: Date) -> Int32? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let wait = Int32(max(0, end.timeIntervalSinceNow) * 1000)
        guard poll(&poller, 1, wait) > 0 else { return nil }
        #if canImport(Glibc)
        let client = Glibc.accept(fd, nil, nil)
        #else
        let client = Darwin.accept(fd, nil, nil)
        #endif
        return client >= 0 ? client : nil
    }

    private static func read(_ fd: Int32, until end: Date) -> Request? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var headerEnd: Int?
        var expected = Int.max
        while data.count < expected {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(max(0, end.timeIntervalSinceNow) * 1000)) > 0 else { return nil }
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            data += buffer[0..<count]
            if headerEnd == nil, let range = Self.find([13, 10, 13, 10], in: data) {
                headerEnd = range
                let head = String(decoding: data[0..<range], as: UTF8.self)
                let length = head.split(separator: "\r\n").dropFirst()
                    .first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                expected = range + 4 + length
            }
        }
        guard let headerEnd else { return nil }
        let lines = String(decoding: data[0..<headerEnd], as: UTF8.self).split(separator: "\r\n").map(String.init)
        let requestLine = lines.first?.split(separator: " ").map(String.init) ?? []
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Request(method: requestLine[0], target: requestLine[1], headers: headers, body: Array(data[(headerEnd + 4)...]))
    }

    private static func write(_ fd: Int32, _ reply: Reply) {
        #if canImport(Glibc)
        let noSignal = Int32(MSG_NOSIGNAL)
        #else
        let noSignal: Int32 = 0
        #endif
        let body = Array(reply.body.utf8)
        let head = "HTTP/1.1 \(reply.status) Status\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n"
            + "Connection: close\r\n\r\n"
        let bytes = Array(head.utf8) + body
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, noSignal) }
            guard count > 0 else { return }
            sent += count
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle {
            return start
        }
        return nil
    }
}
