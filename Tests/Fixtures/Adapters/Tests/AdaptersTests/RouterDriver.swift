// Sends requests straight to a Hummingbird router's responder, without a server or a socket:
// what HummingbirdTesting's `.router` mode does, without building its HTTP client and TLS stack.
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded
import Synchronization

/// A response read back from the router.
struct DrivenResponse {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String
}

/// Collects a response body into `collected` (the writer itself is consumed by the response).
private struct CollectingWriter: ResponseBodyWriter {
    final class Collected: Sendable {
        let buffer = Mutex(ByteBuffer())
    }
    let collected = Collected()

    mutating func write(_ buffer: ByteBuffer) async throws {
        collected.buffer.withLock { collected in
            var buffer = buffer
            collected.writeBuffer(&buffer)
        }
    }
    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

extension Router<BasicRequestContext> {
    /// Answers one request.
    func respond(to path: String, method: HTTPRequest.Method, body: ByteBuffer = ByteBuffer()) async throws -> DrivenResponse {
        let responder = buildResponder()
        var headers = HTTPFields()
        headers[.contentLength] = String(body.readableBytes)
        let request = Request(head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: path, headerFields: headers),
                              body: RequestBody(buffer: body))
        let context = BasicRequestContext(source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: Logger(label: "test")))
        let response: Response
        do {
            response = try await responder.respond(to: request, context: context)
        } catch let error as any HTTPResponseError {
            return DrivenResponse(status: error.status, headers: HTTPFields(), body: "")
        }
        let writer = CollectingWriter()
        let collected = writer.collected
        try await response.body.write(writer)
        return DrivenResponse(status: response.status, headers: response.headers, body: String(buffer: collected.buffer.withLock { $0 }))
    }
}
