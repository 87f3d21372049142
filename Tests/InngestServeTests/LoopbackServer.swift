#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import Synchronization

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests, used through `serving(_:_:)`: it is listening
/// before the test body starts and serves until the body returns, however long that takes.
///
/// Each complete request (headers and `Content-Length` body) takes the next scripted reply, in
/// order, and is recorded; a request beyond the script is answered 500 with a body that says so; a
/// connection that sends nothing, or closes before a full request, takes no reply. Every reply
/// closes its connection. No deadline or sleep decides anything: a slow machine only makes it slower.
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
        /// Bytes written instead of a well-formed response (status and body are then ignored).
        var raw: [UInt8]? = nil
    }

    struct SocketError: Error, CustomStringConvertible {
        var description: String
    }

    private struct State {
        var replies: [Reply]
        var requests: [Request] = []
    }

    let port: UInt16
    private let listener: Int32
    /// Readable once `stop()` was called: every thread polls it alongside its socket.
    private let wake: (read: Int32, write: Int32)
    private let state: Mutex<State>
    private let threads = DispatchGroup()

    var url: URL {
        get throws {
            guard let url = URL(string: "http://127.0.0.1:\(port)") else { throw SocketError(description: "bad url") }
            return url
        }
    }

    /// The requests received so far, in the order they were answered.
    var requests: [Request] { state.withLock { $0.requests } }

    /// Runs `body` with a server that answers `replies` in order, then stops the server.
    static func serving<T>(_ replies: [Reply], _ body: (LoopbackServer) async throws -> T) async throws -> T {
        let server = try LoopbackServer(replies: replies)
        defer { server.stop() }
        return try await body(server)
    }

    /// Runs `body` with a port on which a socket is bound but not listening, so that every
    /// connection to it is refused, for as long as `body` runs (no other socket can take the port).
    static func withClosedPort<T>(_ body: (UInt16) async throws -> T) async throws -> T {
        let (fd, port) = try boundSocket()
        defer { close(fd) }
        return try await body(port)
    }

    private init(replies: [Reply]) throws {
        let (fd, port) = try Self.boundSocket()
        guard listen(fd, 64) == 0 else {
            close(fd)
            throw SocketError(description: "listen() failed: errno \(errno)")
        }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(fd)
            throw SocketError(description: "pipe() failed: errno \(errno)")
        }
        self.listener = fd
        self.port = port
        self.wake = (pipeEnds[0], pipeEnds[1])
        self.state = Mutex(State(replies: replies))
        spawn { [self] in acceptLoop() }
    }

    /// Stops accepting, wakes every connection still open, waits for their threads, and closes the
    /// sockets.
    func stop() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
        threads.wait()
        close(listener)
        close(wake.read)
        close(wake.write)
    }

    private func spawn(_ work: @escaping @Sendable () -> Void) {
        threads.enter()
        let thread = Thread { [threads] in
            work()
            threads.leave()
        }
        thread.start()
    }

    private func acceptLoop() {
        while wait(for: listener) {
            #if canImport(Glibc)
            let client = Glibc.accept(listener, nil, nil)
            #else
            let client = Darwin.accept(listener, nil, nil)
            #endif
            guard client >= 0 else { continue }
            spawn { [self] in serve(client) }
        }
    }

    /// Blocks until `fd` is readable (true) or the server is stopped (false).
    private func wait(for fd: Int32) -> Bool {
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
        while true {
            let ready = poll(&fds, 2, -1)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0, fds[1].revents == 0 else { return false }
            return fds[0].revents != 0
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        guard let request = read(client) else { return }
        let reply = state.withLock { state in
            state.requests.append(request)
            return state.replies.isEmpty
                ? Reply(status: 500, body: #"{"error":"unscripted request \#(state.requests.count): the test scripted fewer replies"}"#)
                : state.replies.removeFirst()
        }
        sendAll(client, Self.bytes(of: reply))
    }

    /// Reads one complete request; `nil` if the connection closes first or the server stops.
    private func read(_ fd: Int32) -> Request? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var headerEnd: Int?
        var expected = Int.max
        while data.count < expected {
            guard wait(for: fd) else { return nil }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            data += buffer[0..<count]
            if headerEnd == nil, let end = Self.find([13, 10, 13, 10], in: data) {
                headerEnd = end
                let head = Self.headers(String(decoding: data[0..<end], as: UTF8.self))
                expected = end + 4 + (head["content-length"].flatMap { Int($0) } ?? 0)
                if head["expect"]?.lowercased() == "100-continue" && data.count < expected {
                    sendAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
                }
            }
        }
        guard let headerEnd else { return nil }
        let text = String(decoding: data[0..<headerEnd], as: UTF8.self)
        let requestLine = text.split(separator: "\r\n").first?.split(separator: " ").map(String.init) ?? []
        guard requestLine.count >= 2 else { return nil }
        return Request(method: requestLine[0], target: requestLine[1], headers: Self.headers(text),
                       body: Array(data[(headerEnd + 4)..<expected]))
    }

    private static func headers(_ head: String) -> [String: String] {
        var headers: [String: String] = [:]
        for line in head.split(separator: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return headers
    }

    private static func bytes(of reply: Reply) -> [UInt8] {
        if let raw = reply.raw { return raw }
        let body = Array(reply.body.utf8)
        let head = "HTTP/1.1 \(reply.status) Status\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n"
            + "Connection: close\r\n\r\n"
        return Array(head.utf8) + body
    }

    private func sendAll(_ fd: Int32, _ bytes: [UInt8]) {
        #if canImport(Glibc)
        let noSignal = Int32(MSG_NOSIGNAL)
        #else
        let noSignal: Int32 = 0
        #endif
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, noSignal) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            sent += count
        }
    }

    /// A TCP socket bound to 127.0.0.1 on a port the system picks.
    private static func boundSocket() throws -> (Int32, UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError(description: "socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else {
            close(fd)
            throw SocketError(description: "bind() failed: errno \(errno)")
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
