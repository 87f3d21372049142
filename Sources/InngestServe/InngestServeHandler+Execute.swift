#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestCore

extension InngestServeHandler {
    /// `POST`: one execution of a function. The body is parsed only once the request is admitted
    /// (signature checked in cloud mode, size at most 4 MiB) and names a function served here, and
    /// it is read from the bytes the signature covers.
    func execute(_ request: ServeRequest) async -> ServeResponse {
        let sender: Sender
        let body: [UInt8]
        do {
            (sender, body) = try admit(request, to: .execution)
        } catch {
            return error.response
        }
        let key = sender.key
        guard let fnId = request.query["fnId"], !fnId.isEmpty else {
            return failure(400, SerializedError(name: "MalformedRequest", message: "the execution request has no fnId query parameter; "
                                                    + "Inngest always sends one (…?fnId=<app>-<function>&stepId=…)"),
                           retriable: false, signWith: key)
        }
        let composite = { (function: FunctionDefinition) in
            RegisterPayload.compositeId(appId: configuration.appId, functionId: function.id)
        }
        guard let function = functions.first(where: { composite($0) == fnId }) ?? functions.first(where: { $0.id == fnId }) else {
            let known = functions.map(composite).joined(separator: ", ")
            let message = "no function \(fnId.prefix(200).debugDescription) in app \(configuration.appId) (serving: "
                + "\(known.isEmpty ? "none" : known)); the function was removed or renamed since the last sync: sync the app again"
            // Retriable: during a rolling deploy the next attempt may reach an instance that has it.
            return failure(500, SerializedError(name: "FunctionNotFound", message: message), retriable: true, signWith: key)
        }
        let call: ExecutionCall
        do {
            call = try ExecutionCall.parse(body)
        } catch {
            return failure(400, SerializedError(name: "MalformedRequest", message: error.description), retriable: false, signWith: key)
        }
        if call.needsAPIFetch {
            return notSupported("fetching large run state from the Inngest API (use_api)", signWith: key)
        }
        let stepId = request.query["stepId"] ?? request.headers["X-Inngest-Step-ID"]
        let execution = ExecutionRequest(
            events: call.triggeringEvents, memo: call.steps, runId: call.context.runId ?? "",
            attempt: call.context.attempt ?? 0, maxAttempts: call.context.maxAttempts ?? function.options.maxAttempts,
            targetStepId: (stepId == nil || stepId == "step" || stepId == "") ? nil : stepId,
            immediateExecution: !(call.context.disableImmediateExecution ?? false), appId: configuration.appId)
        let outcome = await Executor.execute(function, request: execution, resolver: resolver(function), checkpoint: nil,
                                             events: events, logger: logger, clock: clock, instrumentation: instrumentation)
        if let instrumentation, let status = Self.runEnd(of: outcome, request: execution) {
            instrumentation.runEnded(RunEnd(runId: execution.runId, functionId: function.id, status: status))
        }
        return response(for: outcome, signWith: key)
    }

    /// Whether an outcome ends the run, as the server reads it: an output completes it; a final
    /// error, or a retriable one on the last attempt, fails it.
    static func runEnd(of outcome: ExecutionOutcome, request: ExecutionRequest) -> RunEnd.Status? {
        switch outcome {
        case .completed: .completed
        case .failed(_, let retriable, _): !retriable || request.attempt + 1 >= request.maxAttempts ? .failed : nil
        case .ops: nil
        }
    }

    /// Maps an outcome to Inngest's status codes: 200 output, 206 ops, 500 retriable, 400 final.
    func response(for outcome: ExecutionOutcome, signWith key: SigningKey?) -> ServeResponse {
        switch outcome {
        case .completed(let output):
            return respond(200, output, signWith: key)
        case .ops(let ops, let retryAfter):
            guard let bytes = try? JSONCoding.encoder.encode(ops) else {
                // Retriable: the step runs again and may produce a value that encodes.
                return failure(500, SerializedError(name: "EncodingError", message: "the step ops could not be encoded as JSON"),
                               retriable: true, signWith: key)
            }
            return respond(206, bytes: Array(bytes), headers: retryAfter.map { [("Retry-After", Self.retryAfter($0))] } ?? [],
                           signWith: key)
        case .failed(let error, let retriable, let retryAfter):
            return failure(retriable ? 500 : 400, error, retriable: retriable, retryAfter: retryAfter, signWith: key, logged: false)
        }
    }

    /// A `Retry-After` value: an RFC 3339 instant, rounded up to the second.
    static func retryAfter(_ date: Date) -> String {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.up)).formatted(.iso8601)
    }
}
