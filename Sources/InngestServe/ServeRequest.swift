#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An HTTP request to the serve endpoint, independent of any web framework. Adapters build one
/// from their framework's request and pass it to `InngestServeHandler.handle(_:)`.
public struct ServeRequest: Sendable, Hashable {
    /// The method, e.g. `GET`, `PUT`, `POST` (compared case-insensitively).
    public var method: String
    /// The path without the query, e.g. `/api/inngest`.
    public var path: String
    /// The query parameters; for a repeated name the first value is kept.
    public var query: [String: String]
    /// The header fields (case-insensitive names).
    public var headers: ServeHeaders
    /// The raw body.
    public var body: [UInt8]

    /// Creates a request from parts.
    /// - Parameters:
    ///   - method: the HTTP method.
    ///   - path: the path without query.
    ///   - query: the decoded query parameters.
    ///   - headers: the header fields.
    ///   - body: the raw body bytes.
    public init(method: String, path: String, query: [String: String] = [:], headers: ServeHeaders = ServeHeaders(),
                body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// Creates a request from a request target such as `/api/inngest?fnId=app-fn&stepId=step`,
    /// percent-decoding the query.
    /// - Parameters:
    ///   - method: the HTTP method.
    ///   - target: the path and query as sent on the request line.
    ///   - headers: the header fields.
    ///   - body: the raw body bytes.
    public init(method: String, target: String, headers: ServeHeaders = ServeHeaders(), body: [UInt8] = []) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var query: [String: String] = [:]
        if parts.count == 2, let items = URLComponents(string: "?" + parts[1])?.queryItems {
            for item in items where query[item.name] == nil { query[item.name] = item.value ?? "" }
        }
        self.init(method: method, path: String(parts.first ?? ""), query: query, headers: headers, body: body)
    }
}
