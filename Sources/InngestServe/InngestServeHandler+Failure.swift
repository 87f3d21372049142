#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestCore

extension InngestServeHandler {
    /// Answers an execution call that failed, the function's failure or the handler's own.
    ///
    /// One rule decides whether Inngest calls again: a failure is **final** (`X-Inngest-No-Retry:
    /// true`, 400 unless a more precise 4xx applies) when the same call can never succeed, because
    /// what is wrong is in the call itself, which Inngest sends again unchanged: a malformed or
    /// oversized body, a missing `fnId`, an unknown probe, a feature this SDK does not support
    /// (`notSupported(_:signWith:)`), a `NonRetriableError`, an unhandled step failure, an event that
    /// does not decode. It is **retriable** (`X-Inngest-No-Retry: false`, 500, with `Retry-After`
    /// when known) when another attempt may succeed: an unknown function (a deploy may be rolling
    /// out), an ordinary error thrown by the function, a `RetryAfterError`, a step the code no
    /// longer reaches. Signature failures (401) carry no such header: a rotated key or a corrected
    /// clock can make the next attempt pass.
    /// - Parameters:
    ///   - status: the HTTP status.
    ///   - error: the body, `{"name", "message", "stack"?}`.
    ///   - retriable: whether Inngest should try again.
    ///   - retryAfter: when to try again, if known.
    ///   - key: the key to sign the response with.
    ///   - logged: whether to log it: the handler's own refusals are; a function's failures are
    ///     the function's to log.
    func failure(_ status: Int, _ error: SerializedError, retriable: Bool, retryAfter: Date? = nil,
                 signWith key: SigningKey?, logged: Bool = true) -> ServeResponse {
        if logged {
            logger.warning("execution request refused (HTTP \(status), \(retriable ? "retriable" : "final")): \(error)")
        }
        var headers = [("X-Inngest-No-Retry", retriable ? "false" : "true")]
        if let retryAfter { headers.append(("Retry-After", Self.retryAfter(retryAfter))) }
        return respond(status, error.jsonValue, headers: headers, signWith: key)
    }

    /// The one answer for a feature this SDK does not support yet: final (a retry cannot succeed),
    /// 400 with `X-Inngest-No-Retry: true` and `{"name": "NotSupportedError", "message": "<feature> is
    /// not supported yet by swift-inngest; see the README…"}`, exactly as a `NotSupportedError` thrown
    /// by a function (`step.waitForEvent`, `step.invoke`) is answered.
    func notSupported(_ feature: String, signWith key: SigningKey?) -> ServeResponse {
        failure(400, SerializedError(NotSupportedError(feature)), retriable: false, signWith: key)
    }
}
