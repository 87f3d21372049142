import Foundation
import InngestCore
import InngestServe

/// The requests of Inngest's serve conformance runner (`inngest/inngest:pkg/conformance/runner/serve/runner.go`)
/// and of the dev server it drives, and the runner's way of comparing responses.
enum ConformanceRunner {
    /// The runner's local proxy, which it registers as the app's URL.
    static let proxyURL = "http://127.0.0.1:41783"
    /// The time every signature of these requests is made at (the handler's clock).
    static let timestamp: Int64 = 1_700_000_000

    /// `syncSDKFunctions`: `PUT` with `{"url": <proxy>}`, `x-inngest-sync-kind: in_band`,
    /// `X-Inngest-Server-Kind: dev`, signed with `inngestgo.Sign` (HMAC over the canonical body,
    /// which this body already is).
    static func inBandSync() throws -> ServeRequest {
        let body = Array(#"{"url":"\#(proxyURL)"}"#.utf8)
        let signature = RequestSignature.sign(body, key: try SigningKey(ConformanceFixture.signingKey), timestamp: timestamp)
        return ServeRequest(method: "PUT", target: "/api/inngest", headers: [
            "Content-Type": "application/json", "x-inngest-sync-kind": "in_band", "X-Inngest-Server-Kind": "dev",
            "X-Inngest-Signature": signature.headerValue,
        ], body: body)
    }

    /// An event as the server stores and forwards it: the runner's event with the id and time the
    /// event API gave it (`user` always an object).
    static func event(_ name: String, data: JSONValue, user: JSONValue = .object([:])) -> JSONValue {
        .object(["name": .string(name), "data": data, "user": user, "id": .string("01JCONFORMANCEEVENT0000001"),
                 "ts": .integer(1_700_000_000_000)])
    }

    /// An execution call as the server builds it (`MarshalV1`, JCS-canonical) and the runner expects
    /// it (`expectRequest`): `stepId=step`, the run's event, the memo so far, and `ctx.stack` listing
    /// the recorded steps in completion order.
    /// - Parameters:
    ///   - function: the fixture function's id (without the app id).
    ///   - steps: the memo by hashed id, in completion order.
    ///   - attempt: the queue item's attempt.
    ///   - version: `-1` until the SDK declared its request version, then 2.
    static func execution(_ function: String, event: JSONValue, steps: KeyValuePairs<String, JSONValue> = [:], attempt: Int = 0,
                          version: Int) throws -> ServeRequest {
        var memo: [String: JSONValue] = [:]
        for (id, value) in steps { memo[id] = value }
        let body = JSONValue.object([
            "event": event,
            "events": .array([event]),
            "steps": .object(memo),
            "defers": .object([:]),
            "ctx": .object([
                "fn_id": .string("5f4ba3a6-5d44-4c2f-9d7b-4a7bb1f0c0de"), "run_id": .string("01JCONFORMANCERUN000000001"), "env": .string(""),
                "step_id": .string("step"), "attempt": .integer(Int64(attempt)), "max_attempts": .integer(5),
                "stack": .object(["stack": .array(steps.map { .string($0.key) }), "current": .integer(Int64(steps.count))]),
                "qi_id": .string("01JCONFORMANCEQUEUEITEM001"), "disable_immediate_execution": .bool(false), "use_api": .bool(false),
            ]),
            "version": .integer(Int64(version)),
            "use_api": .bool(false),
        ])
        let bytes = Array(body.jsonData)
        let signature = RequestSignature.sign(bytes, key: try SigningKey(ConformanceFixture.signingKey), timestamp: timestamp)
        return ServeRequest(method: "POST", target: "/?fnId=\(ConformanceFixture.appId)-\(function)&stepId=step", headers: [
            "Content-Type": "application/json", "X-Inngest-Signature": signature.headerValue, "X-Run-ID": "01JCONFORMANCERUN000000001",
            "X-Inngest-Step-ID": "step", "x-inngest-req-version": "\(version)",
        ], body: bytes)
    }

    /// A generator op as the runner compares it: decoded into Go's `state.GeneratorOpcode` and put
    /// through `normalizeGeneratorOpcodes`, which drops `timing`, `userland`, `metadata` and
    /// `displayName`, moves a sleep's `opts.duration` into `name`, and keeps of an error only its
    /// message (and `noRetry`).
    struct Op: Equatable, CustomStringConvertible {
        var op: String
        var id: String
        var name: String
        var opts: JSONValue?
        /// `data` as Go's `json.RawMessage` holds it: `"null"` for `null`, `nil` when absent.
        var data: String?
        var errorMessage: String?
        var errorNoRetry = false

        var description: String {
            "\(op) \(id) \(name) opts=\(opts?.jsonString ?? "nil") data=\(data ?? "nil") error=\(errorMessage ?? "nil")"
        }

        /// The ops of a 206 body, normalized.
        static func normalized(_ body: [UInt8]) throws -> [Op] {
            guard case .array(let items) = try JSONValue(json: body) else { return [] }
            return items.map { item in
                var op = Op(op: item["op"]?.stringValue ?? "", id: item["id"]?.stringValue ?? "", name: item["name"]?.stringValue ?? "",
                            opts: item["opts"] == .null ? nil : item["opts"], data: item["data"].map(\.jsonString))
                if op.op == "Sleep", let duration = op.opts?["duration"]?.stringValue, !duration.isEmpty {
                    op.name = duration
                    op.opts = nil
                }
                if let error = item["error"], error != .null {
                    op.errorMessage = error["message"]?.stringValue ?? ""
                    op.errorNoRetry = error["noRetry"] == .bool(true)
                }
                return op
            }
        }
    }
}
