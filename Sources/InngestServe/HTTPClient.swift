import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if !canImport(Glibc)
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#endif

/// The SDK's outgoing HTTP calls (register, event API). On Linux they go over the SDK's own
/// HTTP/1.1 client (`HTTPConnection`, TLS through OpenSSL), on a dispatch thread, so that an app
/// does not load Foundation's networking stack (libcurl and the libraries it brings, about 7 MiB
/// resident) to make a few calls; elsewhere over URLSession.
struct HTTPClient: Sendable {
    /// A response: status, body.
    struct Response: Sendable {
        var status: Int
        var body: [UInt8]
    }

    /// A call that produced no HTTP response.
    struct TransportError: Error, Sendable, CustomStringConvertible {
        let description: String
    }

    /// The longest wait for each step of a call: connecting, the TLS handshake, each read and write.
    let timeout: Duration

    init(timeout: Duration) {
        self.timeout = timeout
    }

    /// Sends one request.
    /// - Throws: `TransportError` when no response arrived, or it did not parse.
    func send(_ method: String, _ url: URL, headers: [String: String], body: [UInt8]?) async throws -> Response {
        #if canImport(Glibc)
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = url.host(percentEncoded: false), !host.isEmpty else {
            throw TransportError(description: "\(url.absoluteString) is not an http or https URL with a host")
        }
        let secure = scheme == "https"
        let port = url.port ?? (secure ? 443 : 80)
        let request = Self.request(method, url: url, host: host, port: port, secure: secure, headers: headers, body: body)
        let timeout = self.timeout
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    do {
                        return try HTTPConnection(host: host, port: port, secure: secure, timeout: timeout)
                            .exchange(request, parser: HTTPResponseParser())
                    } catch let failure as HTTPResponseParser.Failure {
                        throw TransportError(description: "\(method) \(url.absoluteString): \(failure.description)")
                    } catch let error as TransportError {
                        throw TransportError(description: "\(method) \(url.absoluteString): \(error.description)")
                    }
                })
            }
        }
        #else
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: Self.seconds(timeout))
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body.map { Data($0) }
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else {
            throw TransportError(description: "\(method) \(url.absoluteString) returned something that is not an HTTP response")
        }
        return Response(status: http.statusCode, body: Array(data))
        #endif
    }

    /// The bytes of a request: its line, `Host`, `Content-Length`, `Connection: close`, `headers`
    /// (without CR, LF or NUL, which would let a value start another header) and the body.
    static func request(_ method: String, url: URL, host: String, port: Int, secure: Bool, headers: [String: String],
                        body: [UInt8]?) -> [UInt8] {
        var target = url.path(percentEncoded: true)
        if target.isEmpty { target = "/" }
        if let query = url.query(percentEncoded: true) { target += "?" + query }
        let defaultPort = secure ? 443 : 80
        let authority = (host.contains(":") ? "[\(host)]" : host) + (port == defaultPort ? "" : ":\(port)")
        var head = "\(method) \(target) HTTP/1.1\r\nHost: \(authority)\r\nConnection: close\r\n"
        head += "Content-Length: \(body?.count ?? 0)\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            func clean(_ text: String) -> String { String(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" && $0 != "\0" }) }
            head += "\(clean(name)): \(clean(value))\r\n"
        }
        head += "\r\n"
        return Array(head.utf8) + (body ?? [])
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The headers every SDK request carries.
    static func commonHeaders(env: String?) -> [String: String] {
        var headers = [
            "Content-Type": "application/json",
            "X-Inngest-SDK": ServeSDK.headerValue,
            "User-Agent": ServeSDK.headerValue,
        ]
        if let env { headers["X-Inngest-Env"] = env }
        return headers
    }

    /// Joins an origin and a path: `http://host:8288` + `/fn/register`.
    static func url(_ base: URL, path: String, query: [String: String] = [:]) -> URL? {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        guard var components = URLComponents(string: text + path) else { return nil }
        if !query.isEmpty {
            components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        }
        return components.url
    }
}
