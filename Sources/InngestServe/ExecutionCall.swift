import Foundation
import InngestCore

/// The body of an execution `POST`, as Inngest's server sends it. Unknown keys are ignored and
/// optional keys default.
struct ExecutionCall: Decodable, Sendable {
    /// The `ctx` object.
    struct CallContext: Decodable, Sendable {
        var runId: String?
        var attempt: Int?
        var maxAttempts: Int?
        var disableImmediateExecution: Bool?
        var useAPI: Bool?
        var stepId: String?

        enum CodingKeys: String, CodingKey {
            case runId = "run_id", attempt, maxAttempts = "max_attempts"
            case disableImmediateExecution = "disable_immediate_execution", useAPI = "use_api", stepId = "step_id"
        }
    }

    var event: InngestEvent?
    var events: [InngestEvent]?
    var steps: [String: StepMemo]?
    var ctx: CallContext?
    var version: Int?
    var useAPI: Bool?

    enum CodingKeys: String, CodingKey {
        case event, events, steps, ctx, version, useAPI = "use_api"
    }

    /// Whether the server asks the SDK to fetch events and steps from its API (large runs).
    var needsAPIFetch: Bool { useAPI == true || ctx?.useAPI == true }

    /// Whether a memo entry holds only `input`: a step to re-run with an overridden input (Inngest's
    /// "rerun with input"), which is not a result.
    var hasInputOverrides: Bool {
        (steps ?? [:]).values.contains { memo in
            if case .value(.object(let members)) = memo { return members.count == 1 && members["input"] != nil }
            return false
        }
    }

    /// Parses and checks a body.
    /// - Throws: `MalformedCallError` with a message for the server's log.
    static func parse(_ body: [UInt8]) throws(MalformedCallError) -> ExecutionCall {
        guard !body.isEmpty else { throw MalformedCallError("the execution request body is empty; Inngest always sends a JSON object") }
        let data = Data(body)
        do {
            _ = try JSONValue(json: data)
        } catch {
            throw MalformedCallError("the execution request body is not valid JSON (\(body.count) bytes; truncated?): \(Self.summary(error))")
        }
        let call: ExecutionCall
        do {
            call = try JSONDecoder().decode(ExecutionCall.self, from: data)
        } catch {
            throw MalformedCallError("the execution request body is JSON but not an Inngest execution request: \(Self.summary(error))")
        }
        if !call.needsAPIFetch {
            guard call.event != nil || !(call.events ?? []).isEmpty else {
                throw MalformedCallError("the execution request has neither \"event\" nor \"events\"")
            }
            guard let runId = call.ctx?.runId, !runId.isEmpty else {
                throw MalformedCallError("the execution request has no ctx.run_id")
            }
        }
        return call
    }

    /// The triggering events: `events`, or `[event]` when `events` is empty.
    var triggeringEvents: [InngestEvent] {
        if let events, !events.isEmpty { return events }
        return event.map { [$0] } ?? []
    }

    private static func summary(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context),
             DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : "at \(path): ") + context.debugDescription
        case DecodingError.keyNotFound(let key, let context):
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            return "missing \(path)"
        default:
            return String(describing: error)
        }
    }
}
