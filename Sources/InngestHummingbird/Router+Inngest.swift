// The Hummingbird adapter, compiled only with the package trait `Hummingbird`:
//
//   .package(url: "https://github.com/<you>/swift-inngest", from: "0.1.0", traits: ["Hummingbird"])
//   .product(name: "InngestHummingbird", package: "swift-inngest")
//
// Without the trait this module is empty and Hummingbird is never fetched.

#if Hummingbird
import HTTPTypes
import Hummingbird
import Inngest
import NIOCore

extension RouterMethods {
    /// Serves an app's functions to an Inngest server: routes GET (introspection), PUT (sync) and
    /// POST (execute) of `path` to the handler, which reports `hummingbird` as its framework unless
    /// its configuration names another.
    ///
    /// ```swift
    /// let router = Router()
    /// router.addInngest(app.serveHandler(serve))          // /api/inngest
    /// ```
    /// - Parameters:
    ///   - handler: `InngestApp.serveHandler(_:)`.
    ///   - path: the serve path Inngest calls.
    /// - Returns: the router, for chaining.
    @discardableResult
    public func addInngest(_ handler: InngestServeHandler, at path: RouterPath = "/api/inngest") -> Self {
        let handler = handler.servedBy(framework: "hummingbird")
        for method in [HTTPRequest.Method.get, .put, .post] {
            on(path, method: method) { request, _ in
                try await handler.response(to: request)
            }
        }
        return self
    }
}

extension InngestServeHandler {
    /// Answers a Hummingbird request through the framework-neutral handler.
    /// - Parameter request: the request; its body is read up to the handler's limit for its method
    ///   (4 MiB for `POST`, 64 KiB for the rest), plus one byte so that the handler answers 413 with
    ///   its JSON error. The rest of a larger body is read and dropped, so the connection can serve
    ///   the next request.
    /// - Returns: the response, with every header the protocol sets.
    /// - Throws: the error the connection reported while the body was read.
    public func response(to request: Request) async throws -> Response {
        let body = try await request.body.prefix(ServeSDK.maximumBodySize(method: request.method.rawValue) + 1)
        let headers = ServeHeaders(request.headers.map { ($0.name.rawName, $0.value) })
        let served = await handle(ServeRequest(method: request.method.rawValue, target: request.uri.string,
                                               headers: headers, body: body))
        var fields = HTTPFields()
        for (name, value) in served.headers.fields {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return Response(status: HTTPResponse.Status(code: served.status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: served.body)))
    }
}

extension RequestBody {
    /// The first `count` bytes of the body; whatever follows is read and dropped.
    fileprivate func prefix(_ count: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await part in self where bytes.count < count {
            bytes.append(contentsOf: part.readableBytesView.prefix(count - bytes.count))
        }
        return bytes
    }
}
#endif
