/// Why a request signature (`X-Inngest-Signature`) was rejected.
public enum SignatureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request carries no signature header.
    case missing
    /// The header is not `t=<unix seconds>&s=<hex>`.
    case malformed(String)
    /// The timestamp is further from now than the tolerance.
    case outsideTolerance(timestamp: Int64, now: Int64)
    /// No configured key produces the signature.
    case mismatch
    /// No signing key is configured to verify with.
    case noKey

    /// What happened and what to do.
    public var description: String {
        switch self {
        case .missing:
            "the request has no X-Inngest-Signature header; in cloud mode only signed requests from Inngest are accepted "
                + "(set INNGEST_DEV=1 when using the dev server)"
        case .malformed(let header):
            "the X-Inngest-Signature header \"\(header.prefix(100))\" is not of the form t=<unix seconds>&s=<hex hmac>"
        case .outsideTolerance(let timestamp, let now):
            "the signature timestamp \(timestamp) is \(abs(now - timestamp)) s away from now (\(now)); more than 5 minutes apart "
                + "means a replayed request or a wrong clock: check this machine's time"
        case .mismatch:
            "the signature does not match the body with INNGEST_SIGNING_KEY or INNGEST_SIGNING_KEY_FALLBACK: check that the key "
                + "is the one of this Inngest environment"
        case .noKey:
            "no signing key is configured to verify the signature; set INNGEST_SIGNING_KEY"
        }
    }
}
