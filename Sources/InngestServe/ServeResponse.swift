/// An HTTP response from the serve endpoint, independent of any web framework. Adapters copy the
/// status, every header field and the body into their framework's response.
public struct ServeResponse: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// The header fields.
    public var headers: ServeHeaders
    /// The body bytes (JSON).
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: ServeHeaders = ServeHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body decoded as UTF-8, for logs and tests.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
