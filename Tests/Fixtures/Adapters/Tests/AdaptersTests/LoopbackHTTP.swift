// A minimal HTTP/1.1 client on a blocking TCP socket, for the end-to-end tests: it calls a server on
// 127.0.0.1 as an Inngest server would, with nothing of the server's framework in between, and
// sends its requests one after another on one connection (keep-alive).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A response read off the socket.
struct LoopbackResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: String

    /// The first value of a header field (case-insensitive name).
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// What went wrong on the socket.
struct LoopbackError: Error, CustomStringConvertible {
    var description: String
}

/// One TCP connection to 127.0.0.1. Not `Sendable`: it lives on the thread `overLoopback` starts.
final class LoopbackConnection {
    private let socket: Int32
    /// Bytes read past the end of the last response.
    private var pending: [UInt8] = []

    fileprivate init(port: Int) throws {
        #if canImport(Glibc)
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw LoopbackError(description: "socket(): errno \(errno)") }
        // No test waits on a socket for more than 30 s: a server that stops answering fails the test.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let error = errno
            close(socket)
            throw LoopbackError(description: "connect() to 127.0.0.1:\(port): errno \(error)")
        }
    }

    deinit { close(socket) }

    /// Sends one request with a `Content-Length` and reads its response.
    func send(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) throws -> LoopbackResponse {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        try write(Array((head + "\r\n").utf8) + body)
        return try readResponse()
    }

    private func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            #else
            let written = bytes[offset...].withUnsafeBytes { Darwin.send(socket, $0.baseAddress, $0.count, 0) }
            #endif
            guard written > 0 else { throw LoopbackError(description: "send(): errno \(errno) after \(offset) of \(bytes.count) bytes") }
            offset += written
        }
    }

    /// Reads until `pending` holds at least `count` bytes.
    private func fill(_ count: Int) throws {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while pending.count < count {
            let read = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard read > 0 else {
                let error = errno
                if read == 0 { throw LoopbackError(description: "the server closed the connection") }
                if error == EAGAIN || error == EWOULDBLOCK { throw LoopbackError(description: "no answer within 30 s") }
                throw LoopbackError(description: "recv(): errno \(error)")
            }
            pending += chunk[..<read]
        }
    }

    private func readResponse() throws -> LoopbackResponse {
        let separator = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            headEnd = pending.indices.dropLast(separator.count - 1).first { pending[$0..<($0 + separator.count)].elementsEqual(separator) }
            if headEnd == nil { try fill(pending.count + 1) }
        }
        guard let headEnd else { throw LoopbackError(description: "no response head") }
        let lines = String(decoding: pending[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines[0].split(separator: " ")
        guard statusLine.count >= 2, statusLine[0] == "HTTP/1.1", let status = Int(statusLine[1]) else {
            throw LoopbackError(description: "malformed status line \(lines[0])")
        }
        let headers = lines.dropFirst().map { line in
            let parts = line.split(separator: ":", maxSplits: 1)
            return (name: String(parts[0]), value: parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
        guard let length = headers.first(where: { $0.name.lowercased() == "content-length" }).flatMap({ Int($0.value) }) else {
            throw LoopbackError(description: "the response has no Content-Length")
        }
        let bodyStart = headEnd + separator.count
        try fill(bodyStart + length)
        let body = String(decoding: pending[bodyStart..<(bodyStart + length)], as: UTF8.self)
        pending.removeFirst(bodyStart + length)
        return LoopbackResponse(status: status, headers: headers, body: body)
    }
}

/// Opens a connection to 127.0.0.1:`port` and runs `exchange` with it on a thread of its own: the
/// socket blocks, and the cooperative threads must stay free for the server's handlers.
func overLoopback<T: Sendable>(port: Int, _ exchange: @escaping @Sendable (LoopbackConnection) throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread {
            continuation.resume(with: Result { try exchange(try LoopbackConnection(port: port)) })
        }.start()
    }
}
