import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The SDK's outgoing HTTP calls (register, event API), over URLSession.
struct HTTPClient: Sendable {
    /// A response: status, body.
    struct Response: Sendable {
        var status: Int
        var body: Data
    }

    /// A call that produced no HTTP response.
    struct TransportError: Error, Sendable, CustomStringConvertible {
        let description: String
    }

    let session: URLSession
    let timeout: TimeInterval

    init(timeout: TimeInterval) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        self.session = URLSession(configuration: configuration)
        self.timeout = timeout
    }

    /// Sends one request.
    /// - Throws: `TransportError` (or URLSession's error) when no response arrived.
    func send(_ method: String, _ url: URL, headers: [String: String], body: Data?) async throws -> Response {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else {
            throw TransportError(description: "\(method) \(url.absoluteString) returned something that is not an HTTP response")
        }
        return Response(status: http.statusCode, body: data)
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
