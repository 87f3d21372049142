import Foundation
import InngestCore
import InngestServe
import Synchronization
import Testing

/// Whenever a signature verifies, the function sees exactly the value that was signed: a body may
/// differ from the signed text only in spelling (whitespace, key order, escapes, `1e2` for `100`),
/// never in value, and the function reads the signed text.
@Suite struct SignedValueTests {
    /// Records the `data` of the events its function ran with.
    private final class Seen: Sendable {
        private let values = Mutex<[JSONValue]>([])
        func append(_ value: JSONValue) { values.withLock { $0.append(value) } }
        var all: [JSONValue] { values.withLock { $0 } }
    }

    private func serving(_ seen: Seen) async throws -> InngestServeHandler {
        try await handler([function("fn") { context in seen.append(context.event.data); return .null }], try configuration(.cloud))
    }

    /// An execution body with `data` spelled as given.
    private func body(data: String) -> [UInt8] {
        Array(#"{"ctx":{"attempt":0,"max_attempts":1,"run_id":"01RUN"},"event":{"data":\#(data),"name":"test/event"},"steps":{}}"#.utf8)
    }

    /// (sent, signed): the signature was made over a different value than the body holds.
    @Test(arguments: [
        (#"{"count":9007199254740993}"#, #"{"count":9007199254740992}"#),
        (#"{"count":9007199254740992}"#, #"{"count":9007199254740993}"#),
        (#"{"count":-9223372036854775808}"#, #"{"count":-9223372036854775807}"#),
        (#"{"x":0.10000000000000001}"#, #"{"x":0.1}"#),
        (#"{"x":1E400}"#, #"{"x":1e+400}"#),
        (#"{"x":-0}"#, #"{"x":0}"#),
        (#"{"x":-0.0}"#, #"{"x":0}"#),
        (#"{"a":1,"a":2}"#, #"{"a":1}"#),
        (#"{"a":1,"a":2}"#, #"{"a":2}"#),
        (#"{"s":"\ud800"}"#, #"{"s":"\ufffd"}"#),
        ("{\"caf\u{E9}\":1}", "{\"cafe\u{301}\":1}"),
        ("{\"cafe\u{301}\":1}", "{\"caf\u{E9}\":1}"),
        ("{\"s\":\"A\"}", "{\"s\":\"B\"}"),
    ])
    func aBodyThatDiffersInValueFromTheSignedOneIs401(sent: String, signed: String) async throws {
        let seen = Seen()
        let serve = try await serving(seen)
        let request = try signedRequest("POST", target: "/api/inngest?fnId=app-fn&stepId=step", body: body(data: sent),
                                        signed: body(data: signed))
        let response = await serve.handle(request)
        #expect(response.status == 401)
        #expect(seen.all.isEmpty)
    }

    /// (sent, signed, seen): spellings of one value; the function sees the signed text's value.
    @Test(arguments: [
        (#"{ "b" : 2 , "a" : 1 }"#, #"{"a":1,"b":2}"#, JSONValue.object(["a": .integer(1), "b": .integer(2)])),
        (#"{"x":1e2}"#, #"{"x":100}"#, .object(["x": .integer(100)])),
        (#"{"x":1.0}"#, #"{"x":1}"#, .object(["x": .integer(1)])),
        (#"{"x":1.50}"#, #"{"x":1.5}"#, .object(["x": .double(1.5)])),
        (#"{"s":"\u0041\u00e9"}"#, #"{"s":"Aé"}"#, .object(["s": .string("Aé")])),
        (#"{"s":"a\/b"}"#, #"{"s":"a/b"}"#, .object(["s": .string("a/b")])),
        (#"{"s":"a\u0026b\u003c"}"#, #"{"s":"a&b<"}"#, .object(["s": .string("a&b<")])),
        (#"{"n":9007199254740993}"#, #"{"n":9007199254740993}"#, .object(["n": .integer(9_007_199_254_740_993)])),
    ])
    func spellingsOfTheSignedValueRunWithIt(sent: String, signed: String, expected: JSONValue) async throws {
        let seen = Seen()
        let serve = try await serving(seen)
        // The signed text is the canonical form of the whole body, as Inngest's JCS signer makes it.
        let canonical = try CanonicalJSON.canonicalize(body(data: signed))
        let request = try signedRequest("POST", target: "/api/inngest?fnId=app-fn&stepId=step", body: body(data: sent), signed: canonical)
        let response = await serve.handle(request)
        #expect(response.status == 200)
        #expect(seen.all == [expected])  // `.integer(100)` and `.double(100)` are different values here.
    }

    @Test func theRawBytesVerifyWithoutCanonicalising() async throws {
        let seen = Seen()
        let serve = try await serving(seen)
        let sent = body(data: #"{ "x" : 1e2 }"#)
        let response = await serve.handle(try signedRequest("POST", target: "/api/inngest?fnId=app-fn&stepId=step", body: sent))
        #expect(response.status == 200)
        #expect(seen.all == [.object(["x": .double(100)])])
    }

    @Test func aLargeBodyMustMatchByteForByte() async throws {
        let seen = Seen()
        let serve = try await serving(seen)
        let padding = String(repeating: "x", count: RequestSignature.canonicalFallbackLimit)
        let sent = body(data: #"{ "p" : "\#(padding)" }"#)
        let canonical = try CanonicalJSON.canonicalize(sent)
        let request = try signedRequest("POST", target: "/api/inngest?fnId=app-fn&stepId=step", body: sent, signed: canonical)
        #expect(await serve.handle(request).status == 401)
        #expect(seen.all.isEmpty)
        #expect(await serve.handle(try signedRequest("POST", target: "/api/inngest?fnId=app-fn&stepId=step", body: canonical)).status == 200)
    }

    /// §9.5: the reference's vectors, through the handler.
    @Test func theReferenceVectorsVerify() async throws {
        let serve = try await handler([function("fn") { _ in .null }], try configuration(.cloud))
        let raw = Array(#"{"b": 2, "a": 1}"#.utf8)
        let headers = ["t=1700000000&s=7eeae6c2aa870075ed4f612169e290e5fc0d5f760638cfdb2f243e127502aae4",
                       "t=1700000000&s=aacff3c21db860245e1efbbd5a4f6be71b0558b6f181ebbb6e6ff7594f409442"]
        for header in headers {
            let response = await serve.handle(ServeRequest(method: "POST", target: "/api/inngest?fnId=app-fn&stepId=step",
                                                           headers: ["X-Inngest-Signature": header], body: raw))
            #expect(response.status == 400)  // Verified; then refused as not an execution request.
            #expect(response.bodyText.contains("neither"))
        }
        let empty = "t=1700000000&s=1ddde769e3bafc80d9817e2a9199280de4f299875de9ad01d2f6e4714f4ef815"
        let introspection = await serve.handle(ServeRequest(method: "GET", path: "/api/inngest", headers: ["X-Inngest-Signature": empty]))
        #expect(introspection.status == 200)
    }
}
