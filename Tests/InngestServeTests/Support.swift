import Foundation
import InngestCore
import InngestDI
import InngestServe
import Synchronization

struct EmptyModule: Module {
    static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("EmptyModule") }
}

/// The §9.5 key: `signkey-test-` + `12345678` × 8.
let testKeyText = "signkey-test-" + String(repeating: "12345678", count: 8)
let otherKeyText = "signkey-test-" + String(repeating: "abcdef01", count: 8)
/// 2023-11-14T22:13:20Z, the §9.5 timestamp.
let fixedNow = Date(timeIntervalSince1970: 1_700_000_000)

/// The timeout of every HTTP call a test makes: generous, because timeouts are not what is tested and
/// a loaded machine must not fail a test by being slow.
let generousTimeout: TimeInterval = 120

/// Counts calls by key.
final class Counter: Sendable {
    private let counts = Mutex([String: Int]())
    func hit(_ key: String) { counts.withLock { $0[key, default: 0] += 1 } }
    subscript(_ key: String) -> Int { counts.withLock { $0[key, default: 0] } }
}

struct Boom: Error, CustomStringConvertible {
    var description: String { "boom" }
}

/// A function from a closure, triggered by `test/event`.
func function(_ id: String, retries: Int? = nil, name: String? = nil,
              _ body: @escaping @Sendable (Context) async throws -> JSONValue) -> FunctionDefinition {
    FunctionDefinition(id: id, name: name, trigger: .event(name: "test/event"), options: FunctionOptions(retries: retries)) { _, context in
        try await body(context)
    }
}

func configuration(_ mode: ServeMode, signingKey: String? = nil, fallback: String? = nil, eventKey: String? = nil,
                   api: URL? = nil) throws -> ServeConfiguration {
    try ServeConfiguration(appId: "app", mode: mode, signingKey: signingKey ?? (mode == .cloud ? testKeyText : nil),
                           signingKeyFallback: fallback, eventKey: eventKey, apiBaseURL: api, eventAPIBaseURL: api)
}

func handler(_ functions: [FunctionDefinition], _ configuration: ServeConfiguration) async throws -> InngestServeHandler {
    let resolver = try await Container.boot(EmptyModule.self).rootResolver
    return InngestServeHandler(functions: functions, configuration: configuration, resolver: { _ in resolver }, events: nil,
                               logger: InngestLogger(sink: InngestLogger.discard), clock: FixedClock(date: fixedNow),
                               requestTimeout: generousTimeout)
}

/// An execution body as Inngest's server sends it.
func executionBody(steps: [String: JSONValue] = [:], attempt: Int = 0, maxAttempts: Int = 5, disableImmediate: Bool = false,
                   useAPI: Bool = false) -> [UInt8] {
    let event = JSONValue.object(["name": .string("test/event"), "data": .object(["n": .integer(1)]), "id": .string("01EVENT"),
                                  "ts": .integer(1_700_000_000_000), "user": .object([:])])
    let body = JSONValue.object([
        "event": event,
        "events": .array([event]),
        "steps": .object(steps),
        "ctx": .object([
            "fn_id": .string("6a1c0000-0000-0000-0000-000000000000"), "run_id": .string("01RUN"), "env": .string(""),
            "step_id": .string("step"), "attempt": .integer(Int64(attempt)), "max_attempts": .integer(Int64(maxAttempts)),
            "stack": .object(["stack": .array(steps.keys.sorted().map(JSONValue.string)), "current": .integer(Int64(steps.count))]),
            "disable_immediate_execution": .bool(disableImmediate), "use_api": .bool(useAPI),
        ]),
        "version": .integer(2),
        "use_api": .bool(useAPI),
    ])
    return Array(body.jsonData)
}

/// A request whose `X-Inngest-Signature` is made with `key` over `signed` (the body by default).
func signedRequest(_ method: String, target: String = "/api/inngest", headers: ServeHeaders = [:], body: [UInt8] = [],
                   signed: [UInt8]? = nil, key: String = testKeyText, at time: Int64 = 1_700_000_000) throws -> ServeRequest {
    var headers = headers
    headers["X-Inngest-Signature"] = RequestSignature.sign(signed ?? body, key: try SigningKey(key), timestamp: time).headerValue
    return ServeRequest(method: method, target: target, headers: headers, body: body)
}

/// A well-formed, current signature header that no key produced.
let forgedSignature = "t=1700000000&s=" + String(repeating: "ab", count: 32)

/// A POST to the serve endpoint.
func post(fnId: String = "app-fn", stepId: String = "step", body: [UInt8], signedWith key: String? = nil,
          at time: Int64 = 1_700_000_000) throws -> ServeRequest {
    var headers: ServeHeaders = ["Content-Type": "application/json"]
    if let key {
        headers["X-Inngest-Signature"] = RequestSignature.sign(body, key: try SigningKey(key), timestamp: time).headerValue
    }
    return ServeRequest(method: "POST", target: "/api/inngest?fnId=\(fnId)&stepId=\(stepId)", headers: headers, body: body)
}

/// A clock that always reads one time.
struct FixedClock: EngineClock {
    let date: Date
    func now() -> Date { date }
    func sleep(until deadline: Date) async {}
}
