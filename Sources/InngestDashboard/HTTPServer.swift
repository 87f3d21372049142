#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// A small HTTP/1.1 server on POSIX sockets, for the dashboard: one request per connection, read
/// and written on dispatch threads (never on Swift's cooperative pool), with limits on sizes,
/// time and connections at once. The handler runs as a task.
package final class HTTPServer: Sendable {
    /// The address it listens on.
    package let host: String
    /// The port it listens on (the one the system chose when asked for 0).
    package let port: Int
    private let listener: Int32
    private let handler: @Sendable (HTTPRequest) async -> HTTPResponse
    private let parser: HTTPRequestParser
    private let open = Atomic(0)
    private let maximumConnections: Int
    private let stopped = Atomic(false)
    private let acceptDone = DispatchSemaphore(value: 0)

    /// Starts listening.
    /// - Parameters:
    ///   - host: an IPv4 or IPv6 address (`127.0.0.1`, `::1`, `0.0.0.0`).
    ///   - port: the port; 0 lets the system choose.
    ///   - maximumConnections: connections served at once; more are answered 503 at once.
    ///   - handler: answers a request.
    /// - Throws: `HTTPServerError` when the address does not parse or the socket cannot listen.
    package init(host: String, port: Int, maximumConnections: Int = 32, parser: HTTPRequestParser = HTTPRequestParser(),
                 handler: @escaping @Sendable (HTTPRequest) async -> HTTPResponse) throws {
        self.host = host
        self.handler = handler
        self.parser = parser
        self.maximumConnections = maximumConnections
        let (listener, port) = try Self.openListener(host: host, port: port)
        self.listener = listener
        self.port = port
        let thread = DispatchQueue(label: "inngest.dashboard.accept")
        thread.async { [self] in acceptLoop() }
    }

    /// Stops accepting connections; requests being served finish.
    package func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        // Wakes the blocked accept, which then sees `stopped`.
        shutdown(listener, Int32(SHUT_RDWR))
        acceptDone.wait()
        close(listener)
    }

    private func acceptLoop() {
        defer { acceptDone.signal() }
        while !stopped.load(ordering: .acquiring) {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            if stopped.load(ordering: .acquiring) { close(connection); return }
            Self.configure(connection)
            if open.wrappingAdd(1, ordering: .relaxed).newValue > maximumConnections {
                open.wrappingSubtract(1, ordering: .relaxed)
                Self.write(HTTPResponse.text("too many connections at once", status: 503).serialized(), to: connection)
                close(connection)
                continue
            }
            DispatchQueue.global().async { [self] in
                serve(connection)
                close(connection)
                open.wrappingSubtract(1, ordering: .relaxed)
            }
        }
    }

    /// Reads one request (within the time the socket's timeout allows), answers it, and returns.
    private func serve(_ connection: Int32) {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            switch parser.parse(bytes) {
            case .incomplete:
                let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
                guard count > 0 else {
                    // Closed or timed out before the request was whole: a timeout is answered.
                    if count < 0, errno == EAGAIN || errno == EWOULDBLOCK, !bytes.isEmpty {
                        Self.write(HTTPResponse.text("the request did not arrive in time", status: 408).serialized(), to: connection)
                    }
                    return
                }
                bytes += buffer[..<count]
            case .refused(let status, let reason):
                Self.write(HTTPResponse.text(reason, status: status).serialized(), to: connection)
                return
            case .complete(let request):
                let response = run(request)
                Self.write(response.serialized(head: request.method == "HEAD"), to: connection)
                return
            }
        }
    }

    /// Runs the handler as a task and waits for it on this dispatch thread.
    private func run(_ request: HTTPRequest) -> HTTPResponse {
        let result = Mutex<HTTPResponse?>(nil)
        let done = DispatchSemaphore(value: 0)
        let handler = self.handler
        Task {
            let response = await handler(request)
            result.withLock { $0 = response }
            done.signal()
        }
        done.wait()
        return result.withLock { $0 } ?? HTTPResponse.text("no response", status: 500)
    }

    private static func write(_ bytes: [UInt8], to connection: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { send(connection, $0.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// Reads and writes time out after 10 s, so a client that stalls frees its thread.
    private static func configure(_ connection: Int32) {
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    private static func openListener(host: String, port: Int) throws -> (Int32, Int) {
        guard (0...65_535).contains(port) else { throw HTTPServerError("port \(port) is not between 0 and 65535") }
        var v4 = sockaddr_in()
        var v6 = sockaddr_in6()
        let isV6: Bool
        if inet_pton(AF_INET, host, &v4.sin_addr) == 1 {
            isV6 = false
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = in_port_t(UInt16(port).bigEndian)
        } else if inet_pton(AF_INET6, host, &v6.sin6_addr) == 1 {
            isV6 = true
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = in_port_t(UInt16(port).bigEndian)
        } else {
            throw HTTPServerError("\(host) is not an IPv4 or IPv6 address")
        }
        #if canImport(Glibc)
        let stream = Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue)
        #else
        let stream = SOCK_STREAM
        #endif
        let descriptor = socket(isV6 ? AF_INET6 : AF_INET, stream, 0)
        guard descriptor >= 0 else { throw HTTPServerError("cannot open a socket: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = isV6
            ? withUnsafePointer(to: &v6) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
            : withUnsafePointer(to: &v4) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw HTTPServerError("cannot listen on \(host):\(port): \(reason)")
        }
        var address = sockaddr_in6()
        var length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) } }
        // The port is at the same offset in both address structures.
        return (descriptor, Int(UInt16(bigEndian: address.sin6_port)))
    }
}

/// The dashboard's server could not start.
package struct HTTPServerError: Error, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}
