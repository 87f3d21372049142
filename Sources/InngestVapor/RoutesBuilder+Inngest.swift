// The Vapor adapter, compiled only with the package trait `Vapor`:
//
//   .package(url: "https://github.com/<you>/swift-inngest", from: "0.1.0", traits: ["Vapor"])
//   .product(name: "InngestVapor", package: "swift-inngest")
//
// Without the trait this module is empty and Vapor is never fetched.

#if Vapor
import Inngest
import NIOCore
import Synchronization
import Vapor

extension RoutesBuilder {
    /// Serves an app's functions to an Inngest server: routes GET (introspection), PUT (sync) and
    /// POST (execute) of `path` to the handler, which reports `vapor` as its framework unless its
    /// configuration names another.
    ///
    /// ```swift
    /// let inngest = try await InngestApp.boot(AppModule.self,
    ///                                         configuration: InngestConfiguration(appId: "shop", orchestration: .inngest(serve)))
    /// let app = try await Application.make(.detect())
    /// app.addInngest(inngest.serveHandler(serve))          // /api/inngest
    /// try await app.execute()
    /// ```
    /// The routes stream their bodies instead of collecting them up to
    /// `app.routes.defaultMaxBodySize`: `InngestServeHandler.response(to:)` reads as much as the
    /// handler accepts, so an execution call up to 4 MiB is served whatever that setting is.
    /// - Parameters:
    ///   - handler: `InngestApp.serveHandler(_:)`.
    ///   - path: the serve path Inngest calls.
    /// - Returns: the routes builder, for chaining.
    @discardableResult
    public func addInngest(_ handler: InngestServeHandler, at path: String = "/api/inngest") -> Self {
        let handler = handler.servedBy(framework: "vapor")
        for method in [HTTPMethod.GET, .PUT, .POST] {
            on(method, path.pathComponents, body: .stream) { request in
                try await handler.response(to: request)
            }
        }
        return self
    }
}

extension InngestServeHandler {
    /// Answers a Vapor request through the framework-neutral handler.
    ///
    /// Register the route with `body: .stream`, as `RoutesBuilder.addInngest(_:at:)` does: a route
    /// that collects its body answers 413 itself past `app.routes.defaultMaxBodySize` (16 KiB by
    /// default), before the handler sees the request.
    /// ```swift
    /// app.on(.POST, "inngest", body: .stream) { request in
    ///     try await handler.response(to: request)
    /// }
    /// ```
    /// - Parameter request: the request; its body is read up to the handler's limit for its method
    ///   (4 MiB for `POST`, 64 KiB for the rest), plus one byte so that the handler answers 413. The
    ///   rest of a larger body is read and dropped, so the connection can serve the next request.
    /// - Returns: the response, with every header the protocol sets.
    /// - Throws: the error the connection reported while the body was read.
    public func response(to request: Request) async throws -> Response {
        let body = try await request.bodyPrefix(ServeSDK.maximumBodySize(method: request.method.rawValue) + 1)
        let headers = ServeHeaders(request.headers.map { ($0.name, $0.value) })
        let served = await handle(ServeRequest(method: request.method.rawValue, target: request.url.string,
                                               headers: headers, body: body))
        var fields = HTTPHeaders()
        for (name, value) in served.headers.fields { fields.add(name: name, value: value) }
        return Response(status: HTTPResponseStatus(statusCode: served.status), headers: fields,
                        body: Response.Body(buffer: ByteBuffer(bytes: served.body)))
    }
}

extension Request {
    /// The first `count` bytes of the body, streamed or collected: they are returned as soon as
    /// they have arrived (or the body ends), and whatever follows is read and dropped, as Vapor does
    /// with a body over a route's collect limit.
    fileprivate func bodyPrefix(_ count: Int) async throws -> [UInt8] {
        let eventLoop = self.eventLoop
        let prefix = BodyPrefix(count: count, promise: eventLoop.makePromise(of: [UInt8].self))
        body.drain { part in
            prefix.receive(part)
            return eventLoop.makeSucceededVoidFuture()
        }
        return try await prefix.promise.futureResult.get()
    }
}

/// The bytes of a body read so far, up to a count, and the promise they complete.
private final class BodyPrefix: Sendable {
    private struct State {
        var bytes: [UInt8] = []
        var isComplete = false
    }

    private let count: Int
    /// Completed once, with the bytes or the body's error.
    let promise: EventLoopPromise<[UInt8]>
    private let state = Mutex(State())

    init(count: Int, promise: EventLoopPromise<[UInt8]>) {
        self.count = count
        self.promise = promise
    }

    /// Keeps what fits of a part of the body, and completes the promise once `count` bytes have
    /// arrived, at the end of the body, or at its first error.
    func receive(_ part: BodyStreamResult) {
        let result: Result<[UInt8], any Error>? = state.withLock { state in
            guard !state.isComplete else { return nil }
            switch part {
            case .buffer(let buffer):
                state.bytes.append(contentsOf: buffer.readableBytesView.prefix(count - state.bytes.count))
                guard state.bytes.count == count else { return nil }
            case .end:
                break
            case .error(let error):
                state.isComplete = true
                return .failure(error)
            }
            state.isComplete = true
            let bytes = state.bytes
            state.bytes = []
            return .success(bytes)
        }
        if let result { promise.completeWith(result) }
    }
}
#endif
