import Foundation
import InngestCore

extension InngestServeHandler {
    /// `POST`: a trust probe, or an execution of one function.
    func execute(_ request: ServeRequest) async -> ServeResponse {
        var matched: SigningKey?
        if request.query["probe"] == "trust" {
            if configuration.mode == .cloud {
                do { matched = try verify(request) } catch { return unauthorized(error) }
            }
            return respond(200, .object([:]), signWith: matched)
        }
        guard request.body.count <= ServeSDK.maximumRequestBodySize else {
            return failure(413, name: "RequestTooLarge",
                           message: "the execution request body is \(request.body.count) bytes; at most \(ServeSDK.maximumRequestBodySize) "
                               + "(4 MiB) are accepted. Inngest sends larger runs with use_api, which is not supported yet")
        }
        if configuration.mode == .cloud {
            do { matched = try verify(request) } catch { return unauthorized(error) }
        }
        let call: ExecutionCall
        do {
            call = try ExecutionCall.parse(request.body)
        } catch {
            return failure(400, name: "MalformedRequest", message: error.description, signWith: matched)
        }
        guard let fnId = request.query["fnId"], !fnId.isEmpty else {
            return failure(500, name: "FunctionNotFound", message: "the execution request has no fnId query parameter", signWith: matched)
        }
        let composite = { (function: FunctionDefinition) in
            RegisterPayload.compositeId(appId: configuration.appId, functionId: function.id)
        }
        guard let function = functions.first(where: { composite($0) == fnId }) ?? functions.first(where: { $0.id == fnId }) else {
            let known = functions.map(composite).joined(separator: ", ")
            return failure(500, name: "FunctionNotFound",
                           message: "no function \"\(fnId)\" in app \(configuration.appId) (serving: \(known.isEmpty ? "none" : known)); "
                               + "the function was removed or renamed since the last sync: sync the app again", signWith: matched)
        }
        if call.needsAPIFetch {
            return failure(500, name: "NotSupportedError",
                           message: String(describing: NotSupportedError("fetching large run state from the Inngest API (use_api)")),
                           signWith: matched)
        }
        if call.hasInputOverrides {
            return failure(500, name: "NotSupportedError",
                           message: String(describing: NotSupportedError("re-running a step with an overridden input (a memo holding only \"input\")")),
                           signWith: matched)
        }
        let stepId = request.query["stepId"] ?? request.headers["X-Inngest-Step-ID"]
        let execution = ExecutionRequest(
            events: call.triggeringEvents, memo: call.steps ?? [:], runId: call.ctx?.runId ?? "",
            attempt: call.ctx?.attempt ?? 0, maxAttempts: call.ctx?.maxAttempts ?? function.options.maxAttempts,
            targetStepId: (stepId == nil || stepId == "step" || stepId == "") ? nil : stepId,
            immediateExecution: !(call.ctx?.disableImmediateExecution ?? false))
        let outcome = await Executor.execute(function, request: execution, resolver: resolver(function), checkpoint: nil,
                                             events: events, logger: logger, clock: clock)
        return response(for: outcome, signWith: matched)
    }

    /// Maps an outcome to Inngest's status codes: 200 output, 206 ops, 500 retriable, 400 final.
    func response(for outcome: ExecutionOutcome, signWith key: SigningKey?) -> ServeResponse {
        switch outcome {
        case .completed(let output):
            return respond(200, output, signWith: key)
        case .ops(let ops, let retryAfter):
            guard let bytes = try? JSONCoding.encoder.encode(ops) else {
                return failure(500, name: "EncodingError", message: "the step ops could not be encoded as JSON", signWith: key)
            }
            return respond(206, bytes: Array(bytes), headers: retryAfter.map { [("Retry-After", Self.retryAfter($0))] } ?? [],
                           signWith: key)
        case .failed(let error, let retriable, let retryAfter):
            var headers = [("X-Inngest-No-Retry", retriable ? "false" : "true")]
            if let retryAfter { headers.append(("Retry-After", Self.retryAfter(retryAfter))) }
            let json = (try? JSONValue(encoding: error)) ?? .object(["name": .string(error.name), "message": .string(error.message)])
            return respond(retriable ? 500 : 400, json, headers: headers, signWith: key)
        }
    }

    /// A `Retry-After` value: an RFC 3339 instant, rounded up to the second.
    static func retryAfter(_ date: Date) -> String {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.up)).formatted(.iso8601)
    }

    private func failure(_ status: Int, name: String, message: String, signWith key: SigningKey? = nil) -> ServeResponse {
        logger.warning("execution request refused: \(name): \(message)")
        return respond(status, ["name": .string(name), "message": .string(message)], headers: [("X-Inngest-No-Retry", "false")], signWith: key)
    }
}
