#if canImport(Glibc)
import CLibSSL
import Glibc
import InngestCore

/// One HTTP/1.1 exchange over a POSIX socket, in TLS for `https` (OpenSSL, verifying the server's
/// certificate against the system's trust store and its name against the host): the transport of
/// `HTTPClient` on Linux, where it spares the process Foundation's networking stack (libcurl and
/// its TLS libraries). Every call blocks: run it off Swift's cooperative pool.
///
/// One request per connection (`Connection: close`); each step (connect, the TLS handshake, each
/// read and write) may take up to `timeout`.
final class HTTPConnection {
    private let socket: Int32
    private var tls: OpaquePointer?
    private var context: OpaquePointer?

    /// Connects to `host:port`, trying each address the name resolves to, and shakes hands in TLS
    /// when `secure`.
    /// - Throws: `HTTPClient.TransportError` saying which step failed.
    init(host: String, port: Int, secure: Bool, timeout: Duration) throws(HTTPClient.TransportError) {
        socket = try Self.connect(host: host, port: port, timeout: timeout)
        tls = nil
        context = nil
        guard secure else { return }
        try startTLS(host: host)
    }

    deinit {
        if let tls {
            _ = Self.withoutSIGPIPE { SSL_shutdown(tls) }
            SSL_free(tls)
        }
        if let context { SSL_CTX_free(context) }
        _ = Glibc.close(socket)
    }

    /// Writes `request` and reads the response until it is complete or the server closes.
    /// - Throws: `HTTPClient.TransportError`, or the parser's error for a malformed response.
    func exchange(_ request: [UInt8], parser: HTTPResponseParser) throws -> HTTPClient.Response {
        // Reads write too in TLS (alerts, key updates): the whole exchange runs without SIGPIPE.
        try Self.withoutSIGPIPE { try exchangeBlocking(request, parser: parser) }
    }

    private func exchangeBlocking(_ request: [UInt8], parser: HTTPResponseParser) throws -> HTTPClient.Response {
        var offset = 0
        while offset < request.count {
            offset += try write(request[offset...])
        }
        var received: [UInt8] = []
        var parsedAt = 0
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = try read(into: &buffer)
            if count == 0 {
                guard let response = try parser.response(in: received, ended: true) else {
                    throw HTTPClient.TransportError(description: "the response ended early")
                }
                return response
            }
            received += buffer[..<count]
            // Parsed again only once what arrived has doubled: a long body costs O(n log n).
            if received.count >= 2 * parsedAt || received.count < 4096 {
                parsedAt = received.count
                if let response = try parser.response(in: received, ended: false) { return response }
            }
            if received.count > parser.maximumHeadSize + parser.maximumBodySize + 1024 * 1024 {
                throw HTTPClient.TransportError(description: "the response is over \(parser.maximumBodySize) bytes")
            }
        }
    }

    // MARK: Sockets

    private static func connect(host: String, port: Int, timeout: Duration) throws(HTTPClient.TransportError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw HTTPClient.TransportError(description: "cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            let fd = Glibc.socket(address.pointee.ai_family, address.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), address.pointee.ai_protocol)
            guard fd >= 0 else { lastError = Self.errorText(); continue }
            if Self.connect(fd, to: address.pointee, timeout: timeout, error: &lastError) {
                Self.setTimeouts(fd, timeout)
                var one: Int32 = 1
                setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                return fd
            }
            _ = Glibc.close(fd)
        }
        throw HTTPClient.TransportError(description: "cannot connect to \(host):\(port): \(lastError)")
    }

    /// A non-blocking connect, waited for up to `timeout`; the socket is blocking again after.
    private static func connect(_ fd: Int32, to address: addrinfo, timeout: Duration, error: inout String) -> Bool {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(fd, F_SETFL, flags) }
        if Glibc.connect(fd, address.ai_addr, address.ai_addrlen) == 0 { return true }
        guard errno == EINPROGRESS else { error = errorText(); return false }
        var poll = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        var ready: Int32
        repeat { ready = Glibc.poll(&poll, 1, milliseconds) } while ready < 0 && errno == EINTR
        guard ready > 0 else {
            error = ready == 0 ? "no answer within \(timeout)" : errorText()
            return false
        }
        var failure: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &length)
        guard failure == 0 else { error = String(cString: strerror(failure)); return false }
        return true
    }

    private static func setTimeouts(_ fd: Int32, _ timeout: Duration) {
        var value = timeval(tv_sec: Int(timeout.components.seconds),
                            tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        if value.tv_sec == 0 && value.tv_usec == 0 { value.tv_usec = 1 }
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    private func write(_ bytes: ArraySlice<UInt8>) throws(HTTPClient.TransportError) -> Int {
        let written: Int = bytes.withUnsafeBytes { raw in
            if let tls { return Int(SSL_write(tls, raw.baseAddress, Int32(clamping: raw.count))) }
            return Glibc.send(socket, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
        }
        guard written > 0 else {
            if tls == nil && written < 0 && errno == EINTR { return 0 }
            throw HTTPClient.TransportError(description: "cannot send the request: \(failure(written))")
        }
        return written
    }

    /// Reads what has arrived into `buffer`; 0 at the end of the connection.
    private func read(into buffer: inout [UInt8]) throws(HTTPClient.TransportError) -> Int {
        while true {
            let count: Int = buffer.withUnsafeMutableBytes { raw in
                if let tls { return Int(SSL_read(tls, raw.baseAddress, Int32(clamping: raw.count))) }
                return Glibc.recv(socket, raw.baseAddress, raw.count, 0)
            }
            if count > 0 { return count }
            if let tls {
                let reason = SSL_get_error(tls, Int32(count))
                if reason == SSL_ERROR_ZERO_RETURN { return 0 }
                // A server that closes without close_notify, as many do after `Connection: close`.
                if reason == SSL_ERROR_SYSCALL && errno == 0 { return 0 }
            } else {
                if count == 0 { return 0 }
                if errno == EINTR { continue }
            }
            throw HTTPClient.TransportError(description: "cannot read the response: \(failure(count))")
        }
    }

    // MARK: TLS

    private func startTLS(host: String) throws(HTTPClient.TransportError) {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw Self.tlsError("cannot create a TLS context") }
        self.context = context
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        guard SSL_CTX_set_default_verify_paths(context) == 1 else { throw Self.tlsError("cannot load the system's trusted certificates") }
        guard let tls = SSL_new(context) else { throw Self.tlsError("cannot create a TLS session") }
        self.tls = tls
        let isAddress = host.contains(":") || host.allSatisfy { $0 == "." || $0.isNumber }
        if isAddress {
            guard X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(tls), host) == 1 else { throw Self.tlsError("cannot verify against \(host)") }
        } else {
            guard inngest_ssl_set_server_name(tls, host) == 1, SSL_set1_host(tls, host) == 1 else {
                throw Self.tlsError("cannot verify against \(host)")
            }
        }
        SSL_set_fd(tls, socket)
        let status = Self.withoutSIGPIPE { SSL_connect(tls) }
        guard status == 1 else {
            let verification = SSL_get_verify_result(tls)
            if verification != X509_V_OK {
                throw HTTPClient.TransportError(description: "the TLS certificate of \(host) is not trusted: "
                                                + String(cString: X509_verify_cert_error_string(verification)))
            }
            throw Self.tlsError("the TLS handshake with \(host) failed")
        }
    }

    private static func tlsError(_ what: String) -> HTTPClient.TransportError {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return HTTPClient.TransportError(description: what) }
        var text = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &text, text.count)
        let bytes = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return HTTPClient.TransportError(description: "\(what): \(String(decoding: bytes, as: UTF8.self))")
    }

    private func failure(_ result: Int) -> String {
        if let tls {
            let reason = SSL_get_error(tls, Int32(result))
            if reason == SSL_ERROR_SSL { return Self.tlsError("TLS error").description }
        }
        return errno == EAGAIN || errno == EWOULDBLOCK ? "no answer within the timeout" : Self.errorText()
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }

    /// Runs `body` with SIGPIPE blocked on this thread, and discards a SIGPIPE it raised: writing to
    /// a connection the server closed must be an error, not the end of the process (OpenSSL writes
    /// without `MSG_NOSIGNAL`).
    private static func withoutSIGPIPE<Result>(_ body: () throws -> Result) rethrows -> Result {
        var pipe = sigset_t()
        sigemptyset(&pipe)
        sigaddset(&pipe, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipe, &previous)
        let wasBlocked = sigismember(&previous, SIGPIPE) == 1
        defer {
            if !wasBlocked {
                var pending = sigset_t()
                sigpending(&pending)
                if sigismember(&pending, SIGPIPE) == 1 {
                    var none = timespec(tv_sec: 0, tv_nsec: 0)
                    _ = sigtimedwait(&pipe, nil, &none)
                }
                pthread_sigmask(SIG_SETMASK, &previous, nil)
            }
        }
        return try body()
    }
}
#endif
