/// Why a request signature (`X-Inngest-Signature`) was rejected: a `code` to branch on and a
/// `description` that says what to do. A struct rather than an enum, so that new reasons can be
/// added without breaking callers that switch over the old ones.
public struct SignatureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of rejection.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// A short stable name, e.g. `mismatch`.
        public let description: String
        private init(_ description: String) { self.description = description }

        /// The request carries no signature header.
        public static let missing = Code("missing")
        /// The header is not `t=<unix seconds>&s=<hex>`.
        public static let malformed = Code("malformed")
        /// The timestamp is further from now than the tolerance.
        public static let outsideTolerance = Code("outside_tolerance")
        /// No configured key produces the signature.
        public static let mismatch = Code("mismatch")
        /// No signing key is configured to verify with.
        public static let noKey = Code("no_key")
    }

    /// The kind of rejection.
    public let code: Code
    /// What happened and what to do.
    public let description: String

    private init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }

    /// The request has no `X-Inngest-Signature` header.
    public static let missing = SignatureError(
        .missing, "the request has no X-Inngest-Signature header; only requests signed by the Inngest server with this app's signing "
            + "key are accepted (use INNGEST_DEV=1 with the local dev server, which does not sign)")

    /// The header is not of the form `t=<unix seconds>&s=<64 hex digits>`.
    public static func malformed(_ header: String) -> SignatureError {
        let shown = header.unicodeScalars.prefix(100).map { $0.isASCII && $0.value >= 0x20 ? String($0) : "?" }.joined()
        return SignatureError(.malformed, "the X-Inngest-Signature header \"\(shown)\" is not of the form t=<unix seconds>&s=<64 hex digits>")
    }

    /// The signature's time is more than `RequestSignature.tolerance` away from now.
    public static func outsideTolerance(timestamp: Int64, now: Int64) -> SignatureError {
        let distance = now.subtractingReportingOverflow(timestamp).partialValue.magnitude
        return SignatureError(.outsideTolerance, "the signature timestamp \(timestamp) is \(distance) s away from now (\(now)); more than 5 minutes "
                              + "apart means a replayed request or a wrong clock: check this machine's time")
    }

    /// No configured key produces the signature.
    public static let mismatch = SignatureError(
        .mismatch, "the signature does not match the body with INNGEST_SIGNING_KEY or INNGEST_SIGNING_KEY_FALLBACK: check that the key "
            + "is the one of this Inngest environment")

    /// No signing key is configured to verify with.
    public static let noKey = SignatureError(.noKey, "no signing key is configured to verify the signature; set INNGEST_SIGNING_KEY")
}
